import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inflateSync } from 'node:zlib';
import type { MenuItemConstructorOptions, Tray } from 'electron';
import type { TrayCommand } from '../core/tray/menu-model.ts';
import { createFakeAgent } from '../core/agent/testing/fake-agent.ts';
import { appSnapshot, button, interaction, session } from '../core/agent/testing/snapshot-fixtures.ts';
import { encodePng } from './png.ts';
import { createTrayCommandRunner } from './tray-commands.ts';
import { appIconPng, trayIconPng } from './tray-icons.ts';
import { createTrayController, toMenuTemplate } from './tray.ts';
import { FakeNativeImage, FakeTray, fakeBuildMenu, fakeImageFromPng } from './testing/fake-electron.ts';

function trayUnderTest(platform: NodeJS.Platform = 'linux') {
  const commands: TrayCommand[] = [];
  let clicks = 0;
  let fake: FakeTray | null = null;
  const controller = createTrayController({
    createTray: (icon) => (fake = new FakeTray(icon)) as unknown as Tray,
    buildMenu: fakeBuildMenu,
    imageFromPng: fakeImageFromPng,
    platform,
    onCommand: (command) => commands.push(command),
    onClick: () => clicks++,
  });
  return { controller, tray: fake!, commands, clicks: () => clicks };
}

const options = { startAtLogin: false, windowVisible: false };
const upSnapshot = appSnapshot({
  session: session({ state: 'up', userId: 'agent1', server: 'https://cic.example.com' }),
  interactions: [interaction('1', { remoteName: 'Ann & Co', buttons: ['b1'] })],
  buttons: { all: [button('b1', 'Escalate')], none: [] },
});

const pngOf = (image: unknown) => (image as FakeNativeImage).png;

test('the icon follows the session state, at 2x, and the tooltip names user and server', () => {
  const { controller, tray } = trayUnderTest();
  assert.deepEqual(pngOf(tray.image), trayIconPng('signed-out'));
  assert.equal((tray.image as FakeNativeImage).scaleFactor, 2);
  for (const [state, icon] of [['up', 'signed-in'], ['expired', 'expired'], ['reconnecting', 'reconnecting'], ['signed-out', 'signed-out']] as const) {
    controller.update(appSnapshot({ session: session({ state, userId: 'agent1', server: 'https://cic.example.com' }) }), options);
    assert.equal(controller.view().icon, icon);
    assert.deepEqual(pngOf(tray.image), trayIconPng(icon), state);
  }
  controller.update(upSnapshot, options);
  assert.equal(tray.tooltip, 'ICWS Agent: agent1 on cic.example.com (signed in)');
});

test('the context menu is the model, with clicks routed as commands and & escaped on Windows and Linux', () => {
  const { controller, tray, commands } = trayUnderTest('win32');
  controller.update(upSnapshot, options);
  const interactionItem = tray.menu.find((item) => item.id === 'interaction:1')!;
  assert.equal(interactionItem.label, 'Ann && Co (Connected)');
  const press = (interactionItem.submenu as MenuItemConstructorOptions[]).find((item) => item.id === 'press:1:b1')!;
  (press.click as () => void)();
  assert.deepEqual(commands, [{ kind: 'press', buttonId: 'b1', interactionId: '1' }]);
  assert.equal(tray.menu.find((item) => item.type === 'separator')!.click, undefined);
  const mac = toMenuTemplate(controller.view().menu, 'darwin', () => {});
  assert.equal(mac.find((item) => item.id === 'interaction:1')!.label, 'Ann & Co (Connected)');
});

test('click(id) runs an enabled item for the e2e hook; left click toggles except on macOS', () => {
  const { controller, tray, commands, clicks } = trayUnderTest('linux');
  controller.update(appSnapshot(), options);
  assert.equal(controller.click('sign-in'), true);
  assert.equal(controller.click('nope'), false);
  controller.update(appSnapshot({ session: session({ state: 'signing-in' }) }), options);
  assert.equal(controller.click('sign-in'), false, 'disabled while signing in');
  assert.deepEqual(commands, [{ kind: 'sign-in' }]);
  tray.emit('click');
  assert.equal(clicks(), 1);
  const mac = trayUnderTest('darwin');
  mac.tray.emit('click');
  assert.equal(mac.clicks(), 0);
  controller.destroy();
  assert.equal(tray.destroyed, true);
});

test('tray commands go to the window, the agent (source "tray") and the app', async () => {
  const agent = createFakeAgent();
  const log: string[] = [];
  const run = createTrayCommandRunner({
    agent,
    showWindow: () => log.push('show'),
    hideWindow: () => log.push('hide'),
    focusInteraction: (id) => log.push(`focus ${id}`),
    setStartAtLogin: (enabled) => log.push(`login ${enabled}`),
    quit: () => log.push('quit'),
    onError: (error) => log.push(`error ${String(error)}`),
  });
  for (const command of [
    { kind: 'show-window' }, { kind: 'hide-window' }, { kind: 'sign-in' }, { kind: 'focus-interaction', interactionId: '7' },
    { kind: 'set-start-at-login', enabled: true }, { kind: 'quit' }, { kind: 'none' },
    { kind: 'press', buttonId: 'b1', interactionId: '7' }, { kind: 'sign-out' },
  ] as TrayCommand[]) run(command);
  await new Promise((resolve) => setImmediate(resolve));
  assert.deepEqual(log, ['show', 'hide', 'show', 'focus 7', 'login true', 'quit']);
  assert.deepEqual(
    agent.calls.filter((call) => call.method !== 'snapshot').map((call) => [call.method, ...call.args]),
    [['press', { buttonId: 'b1', interactionId: '7' }, 'tray'], ['signOut']],
  );
});

test('tray sign-out with presses held shows the window (whose dialog asks first) instead of dropping them', async () => {
  const pending = { pressId: 'p1', buttonId: 'b1', buttonLabel: 'Escalate', interactionId: '7', source: 'shortcut' as const, queuedAt: 1, expiresAt: 2 };
  const agent = createFakeAgent(appSnapshot({ session: session({ state: 'expired' }), pending: [pending] }));
  const log: string[] = [];
  const run = createTrayCommandRunner({
    agent,
    showWindow: () => log.push('show'),
    hideWindow: () => log.push('hide'),
    focusInteraction: () => {},
    setStartAtLogin: () => {},
    quit: () => {},
    onError: (error) => log.push(`error ${String(error)}`),
  });
  run({ kind: 'sign-out' });
  await new Promise((resolve) => setImmediate(resolve));
  assert.deepEqual(log, ['show']);
  assert.equal(agent.calls.some((call) => call.method === 'signOut'), false, 'nothing signed out, nothing dropped');
  agent.state = appSnapshot({ session: session({ state: 'expired' }) });
  run({ kind: 'sign-out' });
  assert.equal(agent.calls.filter((call) => call.method === 'signOut').length, 1, 'with nothing held it signs out at once');
});

/** Reads back what encodePng wrote: size, colour type, and the pixels. */
function decodePng(png: Buffer) {
  assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  assert.equal(png[25], 6, 'RGBA');
  const idatLength = png.readUInt32BE(33);
  assert.equal(png.toString('latin1', 37, 41), 'IDAT');
  const rows = inflateSync(png.subarray(41, 41 + idatLength));
  assert.equal(rows.length, height * (width * 4 + 1));
  return { width, height, rows };
}

test('icons are valid PNGs, distinct per state', () => {
  const tiny = decodePng(encodePng(1, 1, new Uint8Array([1, 2, 3, 4])));
  assert.deepEqual([...tiny.rows], [0, 1, 2, 3, 4]);
  const icons = (['signed-in', 'expired', 'reconnecting', 'signed-out'] as const).map((state) => trayIconPng(state));
  for (const icon of icons) assert.deepEqual([decodePng(icon).width, decodePng(icon).height], [32, 32]);
  assert.equal(new Set(icons.map((icon) => icon.toString('base64'))).size, 4);
  assert.equal(decodePng(appIconPng(64)).width, 64);
  assert.throws(() => encodePng(2, 2, new Uint8Array(3)));
});
