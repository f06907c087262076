import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { IpcMain } from 'electron';
import { EVENT_CHANNELS, INVOKE_CHANNELS } from '../ipc/bridge.ts';
import type { EventMap } from '../ipc/contract.ts';
import { createIpcHandlers } from '../core/agent/ipc-handlers.ts';
import { createFakeAgent } from '../core/agent/testing/fake-agent.ts';
import { appSnapshot, session } from '../core/agent/testing/snapshot-fixtures.ts';
import { AGENT_EVENT_CHANNELS, createRendererSender, forwardAgentEvents, isTrustedSender, registerIpcHandlers } from './ipc.ts';
import { FakeBrowserWindow, FakeIpcMain, FakeWebContents, invokeEvent } from './testing/fake-electron.ts';

function setup() {
  const agent = createFakeAgent();
  const window = new FakeBrowserWindow();
  const ipcMain = new FakeIpcMain();
  let current: FakeBrowserWindow | null = window;
  const dispose = registerIpcHandlers(ipcMain as unknown as IpcMain, createIpcHandlers(agent), () => current?.asElectron() ?? null);
  return { agent, window, ipcMain, dispose, closeWindow: () => (current = null) };
}

test('every invoke channel of the contract is handled, and disposing removes them all', () => {
  const { ipcMain, dispose } = setup();
  assert.deepEqual([...ipcMain.handlers.keys()].sort(), [...INVOKE_CHANNELS].sort());
  dispose();
  assert.equal(ipcMain.handlers.size, 0);
});

test('the app window on app://renderer is answered', async () => {
  const { ipcMain, window, agent } = setup();
  const snapshot = await ipcMain.invoke(invokeEvent(window.webContents), 'app:snapshot');
  assert.deepEqual(snapshot, agent.state);
  await ipcMain.invoke(invokeEvent(window.webContents), 'press:run', { buttonId: 'b1' });
  assert.deepEqual(agent.calls.at(-1), { method: 'press', args: [{ buttonId: 'b1' }, 'click'] });
});

test('any other sender is refused before its payload is even read', async () => {
  const { ipcMain, window, agent, closeWindow } = setup();
  const other = new FakeWebContents();
  const cases = [
    ['another webContents on the same origin', invokeEvent(other)],
    ['our window showing a file:// page', invokeEvent(window.webContents, { url: 'file:///tmp/evil.html', parent: null })],
    ['our window showing a remote page', invokeEvent(window.webContents, { url: 'https://renderer.evil.example/', parent: null })],
    ['another app:// host', invokeEvent(window.webContents, { url: 'app://elsewhere/index.html', parent: null })],
    ['a subframe of our page', invokeEvent(window.webContents, { url: 'app://renderer/frame.html', parent: window.webContents.mainFrame })],
    ['a frame already gone', invokeEvent(window.webContents, null)],
  ] as const;
  for (const [what, event] of cases) {
    await assert.rejects(ipcMain.invoke(event, 'session:sign-out'), { name: 'UntrustedSenderError' }, what);
  }
  window.destroyed = true;
  await assert.rejects(ipcMain.invoke(invokeEvent(window.webContents), 'app:snapshot'), { name: 'UntrustedSenderError' }, 'destroyed window');
  window.destroyed = false;
  closeWindow();
  await assert.rejects(ipcMain.invoke(invokeEvent(window.webContents), 'app:snapshot'), { name: 'UntrustedSenderError' }, 'no window');
  assert.deepEqual(agent.calls, []);
});

test('payloads are validated behind the sender check', async () => {
  const { ipcMain, window, agent } = setup();
  const event = invokeEvent(window.webContents);
  await assert.rejects(ipcMain.invoke(event, 'press:run', { buttonId: 'x'.repeat(300) }), { name: 'ValidationError' });
  await assert.rejects(ipcMain.invoke(event, 'session:sign-in', { server: 'ftp://x', userId: 'a', password: 'b' }), { name: 'ValidationError' });
  await assert.rejects(ipcMain.invoke(event, 'selection:set'), /takes 1 argument/);
  assert.deepEqual(agent.calls, []);
});

test('isTrustedSender accepts exactly the main frame of our window on app://renderer', () => {
  const window = new FakeBrowserWindow();
  assert.equal(isTrustedSender(invokeEvent(window.webContents), window.asElectron()), true);
  assert.equal(isTrustedSender(invokeEvent(window.webContents, { url: 'app://renderer.evil/', parent: null }), window.asElectron()), false);
});

test('every renderer event of the Agent is forwarded to the window; notify and show-window stay in main', () => {
  const agent = createFakeAgent();
  const window = new FakeBrowserWindow();
  const stop = forwardAgentEvents(agent, createRendererSender(() => window.asElectron()));
  const payloads: { [C in keyof EventMap]: EventMap[C] } = {
    'session:changed': session({ state: 'up' }),
    'interactions:changed': [],
    'buttons:changed': { all: [], none: [] },
    'press:progress': { pressId: 'p', buttonId: 'b', buttonLabel: 'B', interactionId: null, source: 'click', phase: 'sending', error: null, at: 1 },
    'pending:changed': [],
    'relogin:required': { server: 'https://s', userId: 'u', reason: 'expired', pending: [] },
    'shortcuts:changed': [],
    'settings:changed': appSnapshot().settings,
    'interaction:focus': { interactionId: 'i' },
  };
  for (const channel of EVENT_CHANNELS) agent.emit(channel, payloads[channel] as never);
  agent.emit('notify', { title: 'Incoming call', body: 'Ann', interactionId: 'i' });
  agent.emit('show-window', null);
  // interaction:focus is the shell's own (a notification or tray click); main.ts sends it, not the Agent.
  assert.deepEqual(AGENT_EVENT_CHANNELS, EVENT_CHANNELS.filter((channel) => channel !== 'interaction:focus'));
  assert.deepEqual(window.webContents.sent.map((sent) => sent.channel), AGENT_EVENT_CHANNELS);
  assert.deepEqual(window.webContents.sent.map((sent) => sent.payload), AGENT_EVENT_CHANNELS.map((channel) => payloads[channel]));
  stop();
  agent.emit('session:changed', session());
  assert.equal(window.webContents.sent.length, AGENT_EVENT_CHANNELS.length);
});

test('events for a window that is gone are dropped, not thrown', () => {
  const window = new FakeBrowserWindow();
  const send = createRendererSender(() => window.asElectron());
  window.webContents.destroyed = true;
  send('session:changed', session());
  assert.equal(window.webContents.sent.length, 0);
  createRendererSender(() => null)('session:changed', session());
});
