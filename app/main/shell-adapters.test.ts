// The small adapters: globalShortcut registrar, notifications, net fetch, and the stores over real conf files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Conf from 'conf';
import type { Notification } from 'electron';
import type { ShortcutAction } from '../ipc/contract.ts';
import { createShortcutManager, defaultShortcutMap } from '../core/shortcuts/shortcut-manager.ts';
import { createFakeAgent } from '../core/agent/testing/fake-agent.ts';
import { defaultSettings } from '../core/settings/settings.ts';
import { e2eHookEnabled, installE2eHook } from './e2e-hook.ts';
import { createNetFetch } from './http.ts';
import { createIcwsClient } from '../core/icws/client.ts';
import { startSimulator } from '../sim/server.ts';
import { defaultScenario } from '../sim/scenario.ts';
import { showAgentNotifications } from './notifications.ts';
import { createGlobalShortcutRegistrar } from './shortcuts.ts';
import { SETTINGS_SCHEMA, createAuditStore, createSettingsStore, createWindowStateStore } from './stores.ts';
import { FakeGlobalShortcut, FakeNotification, FakeSession } from './testing/fake-electron.ts';

test('global shortcuts: registered, a taken one reported as a conflict, re-registered on change, released on sign-out', () => {
  const globalShortcut = new FakeGlobalShortcut(['CommandOrControl+Alt+5']);
  const actions: ShortcutAction[] = [];
  const manager = createShortcutManager(createGlobalShortcutRegistrar(globalShortcut), (action) => actions.push(action));
  const statuses = manager.apply(defaultShortcutMap(), (slot) => `button-${slot}`);
  assert.equal(globalShortcut.registered.size, 9);
  assert.deepEqual(statuses.filter((s) => s.conflict).map((s) => s.accelerator), ['CommandOrControl+Alt+5']);
  globalShortcut.press('CommandOrControl+Alt+1');
  assert.deepEqual(actions, [{ kind: 'button-slot', slot: 1 }]);

  const { 'CommandOrControl+Alt+9': _dropped, ...rest } = defaultShortcutMap();
  manager.apply({ ...rest, 'Shift+F8': { kind: 'show-window' } }, () => null);
  assert.equal(globalShortcut.registered.has('CommandOrControl+Alt+9'), false);
  assert.equal(globalShortcut.registered.has('Shift+F8'), true);
  manager.unregisterAll();
  assert.equal(globalShortcut.registered.size, 0);
});

test('a malformed accelerator never reaches globalShortcut; one Electron refuses is that shortcut’s error', () => {
  const globalShortcut = new FakeGlobalShortcut();
  globalShortcut.unparsable.add('Alt+F13');
  const manager = createShortcutManager(createGlobalShortcutRegistrar(globalShortcut), () => {});
  const statuses = manager.apply(
    { 'Hyper+Q': { kind: 'show-window' }, 'Alt+F13': { kind: 'button-slot', slot: 1 }, 'Alt+F2': { kind: 'button-slot', slot: 2 } },
    () => null,
  );
  assert.deepEqual(globalShortcut.attempts, ['Alt+F13', 'Alt+F2'], 'the core checks the grammar first');
  const byKey = new Map(statuses.map((status) => [status.accelerator, status]));
  assert.match(byKey.get('Hyper+Q')!.error ?? '', /not a valid shortcut/);
  assert.match(byKey.get('Alt+F13')!.error ?? '', /conversion failure/);
  assert.equal(byKey.get('Alt+F13')!.registered, false);
  assert.equal(byKey.get('Alt+F2')!.registered, true, 'the others still register');
});

test('a notice becomes a silent notification; clicking it focuses that interaction', () => {
  const agent = createFakeAgent();
  const clicked: string[] = [];
  let supported = true;
  const stop = showAgentNotifications({
    agent,
    createNotification: (options) => new FakeNotification(options) as unknown as Notification,
    isSupported: () => supported,
    onClick: (id) => clicked.push(id),
  });
  FakeNotification.all.length = 0;
  agent.emit('notify', { title: 'Incoming call', body: 'Jane Doe', interactionId: '42' });
  const [shown] = FakeNotification.all;
  assert.deepEqual(shown!.options, { title: 'Incoming call', body: 'Jane Doe', silent: true });
  assert.equal(shown!.shown, true);
  shown!.emit('click');
  assert.deepEqual(clicked, ['42']);
  supported = false;
  agent.emit('notify', { title: 'Incoming chat', body: 'X', interactionId: '43' });
  assert.equal(FakeNotification.all.length, 1, 'nothing where notifications are unsupported');
  supported = true;
  agent.emit('notify', { title: 'Incoming chat', body: 'X', interactionId: '43' });
  stop();
  assert.equal(FakeNotification.all[1]!.closed, true, 'open notifications are closed on stop');
  agent.emit('notify', { title: 'late', body: '', interactionId: '44' });
  assert.equal(FakeNotification.all.length, 2);
});

test('net fetch: the session fetch, with URL objects made strings and init passed through', async () => {
  const session = new FakeSession();
  const fetch = createNetFetch(session.asElectron());
  const init = { method: 'POST', headers: { 'ICWS-CSRF-Token': 't' } };
  await fetch(new URL('https://cic.example.com/icws/connection'), init);
  await fetch('https://cic.example.com/x');
  assert.deepEqual(session.fetches, [
    { input: 'https://cic.example.com/icws/connection', init },
    { input: 'https://cic.example.com/x', init: undefined },
  ]);
});

test('net fetch: the core signs in and presses through it, even when Chromium keeps Set-Cookie to itself', async () => {
  const sim = await startSimulator({ scenario: { ...defaultScenario(), timeline: [] } });
  try {
    for (const hideSetCookie of [false, true]) {
      const client = createIcwsClient({ fetch: createNetFetch(new FakeSession(globalThis.fetch, { hideSetCookie }).asElectron()) });
      const session = await client.login({ server: sim.url, userId: 'agent1', password: 'agent1', applicationName: 't', language: 'en-US' });
      assert.match(session.cookie, new RegExp(`^icws_${session.sessionId}=`), `hideSetCookie ${hideSetCookie}`);
      assert.equal(await client.handlerAction(session, { buttonId: 'RequestBreak' }), 204);
      await client.logout(session);
    }
  } finally {
    await sim.close();
  }
});

test('stores over real conf files: the schema accepts what the app writes, bad files read as defaults', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'icws-agent-stores-'));
  try {
    const conf = new Conf({ cwd: dir, configName: 'settings', schema: SETTINGS_SCHEMA as never });
    const settings = createSettingsStore(conf);
    const stored = { ...defaultSettings(), server: 'https://cic.example.com', userId: 'agent1' };
    settings.save(stored);
    assert.deepEqual(createSettingsStore(new Conf({ cwd: dir, configName: 'settings', schema: SETTINGS_SCHEMA as never })).load(), stored);
    assert.throws(() => conf.set('settings', { ...stored, notifications: 'yes' }), /schema/i, 'the schema guards writes');

    const windowState = createWindowStateStore(conf);
    assert.equal(windowState.load(), null);
    windowState.save({ x: 1, y: 2, width: 300, height: 400 });
    assert.deepEqual(windowState.load(), { x: 1, y: 2, width: 300, height: 400 });

    const plain = new Conf({ cwd: dir, configName: 'loose' });
    plain.set('settings', { language: 42, startHidden: true });
    assert.deepEqual(createSettingsStore(plain).load(), { startHidden: true });
    plain.set('window', { x: 1, y: 2, width: -5, height: 4 });
    assert.equal(createWindowStateStore(plain).load(), null);

    const audit = createAuditStore(new Conf({ cwd: dir, configName: 'audit' }), 3);
    const entry = (n: number) => ({ at: n, pressId: `p${n}`, buttonId: 'b', interactionId: null, source: 'click' as const, result: 'succeeded' as const, status: 204, errorId: null, message: '' });
    audit.save([1, 2, 3, 4, 5].map(entry));
    assert.deepEqual(audit.load().map((e) => e.at), [3, 4, 5], 'capped');
    plain.set('entries', [entry(1), { junk: true }, 'x']);
    assert.deepEqual(createAuditStore(plain).load().map((e) => e.at), [1]);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('the e2e hook exists only with ICWS_AGENT_E2E=1 in an unpackaged app, and cannot be replaced', () => {
  assert.equal(e2eHookEnabled({ ICWS_AGENT_E2E: '1' }, false), true);
  assert.equal(e2eHookEnabled({ ICWS_AGENT_E2E: '1' }, true), false, 'never in a packaged build');
  assert.equal(e2eHookEnabled({ ICWS_AGENT_E2E: 'true' }, false), false);
  assert.equal(e2eHookEnabled({}, false), false);
  const target = {};
  const hook = { tray: () => ({ icon: 'signed-out' as const, tooltip: '', menu: [] }), clickTray: () => false, shortcuts: () => [], windowVisible: () => false, demoServer: () => null, refusedNavigations: () => [] };
  installE2eHook(target, hook);
  assert.throws(() => installE2eHook(target, { ...hook }));
  assert.deepEqual(Object.keys(target), [], 'not enumerable');
});
