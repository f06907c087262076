// The renderer must never receive the CSRF token, the session cookie or the password. This drives the real
// agent core against the simulator through the shell's own IPC wiring (fake ipcMain, fake window) and scans
// every event sent to the window and every invoke result for them.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Conf from 'conf';
import type { IpcMain } from 'electron';
import { createAgent } from '../core/agent/agent.ts';
import { createIpcHandlers } from '../core/agent/ipc-handlers.ts';
import { createMemoryPorts } from '../core/agent/memory-ports.ts';
import { quietScenario, waitFor } from '../core/agent/testing/agent-harness.ts';
import type { SessionCredentials } from '../core/agent/ports.ts';
import { startSimulator, type Simulator } from '../sim/server.ts';
import { createCredentialStore, createPasswordVault, keyringStatus } from './credential-store.ts';
import { createRendererSender, forwardAgentEvents, registerIpcHandlers } from './ipc.ts';
import { createFakeSafeStorage, FakeBrowserWindow, FakeIpcMain, invokeEvent } from './testing/fake-electron.ts';

const PASSWORD = 'pw-Secr3t-not-the-user-id';
const CALL = '1001000001';

let sim: Simulator;
let dir: string;
before(async () => {
  sim = await startSimulator({
    scenario: quietScenario((s) => ({ ...s, users: s.users.map((u) => (u.userID === 'agent1' ? { ...u, password: PASSWORD } : u)) })),
  });
  dir = await mkdtemp(path.join(tmpdir(), 'icws-agent-ipc-'));
});
after(async () => {
  await sim.close();
  await rm(dir, { recursive: true, force: true });
});

test('no event or invoke result carries the CSRF token, the cookie, the session ID or the password', async () => {
  const safeStorage = createFakeSafeStorage();
  const keyring = await keyringStatus(safeStorage, 'linux');
  const conf = new Conf({ cwd: dir, configName: 'secrets' });
  const credentials = createCredentialStore(conf, safeStorage, keyring);
  const agent = createAgent({
    ...createMemoryPorts(),
    credentials,
    passwords: createPasswordVault(conf, safeStorage, keyring),
    backoff: { baseMs: 40, capMs: 200 },
    pollIntervalMs: 50,
    stallMs: 2000,
  });
  const window = new FakeBrowserWindow();
  const ipcMain = new FakeIpcMain();
  registerIpcHandlers(ipcMain as unknown as IpcMain, createIpcHandlers(agent), () => window.asElectron());
  forwardAgentEvents(agent, createRendererSender(() => window.asElectron()));
  const results: unknown[] = [];
  const invoke = async (channel: string, ...args: unknown[]) => {
    const result = await ipcMain.invoke(invokeEvent(window.webContents), channel, ...args);
    results.push(result);
    return result;
  };
  const seenSecrets: SessionCredentials[] = [];
  const remember = async () => {
    const saved = await credentials.load();
    assert.ok(saved, 'the session was stored');
    seenSecrets.push(saved);
  };
  const upAndFresh = () => {
    const { session } = agent.snapshot();
    return session.state === 'up' && !session.stale;
  };

  try {
    const signIn = { server: sim.url, userId: 'agent1', password: PASSWORD, remember: true };
    assert.equal(((await invoke('session:sign-in', signIn)) as { ok: boolean }).ok, true);
    await waitFor(upAndFresh, 'a fresh list');
    await remember();
    await invoke('app:snapshot');
    await invoke('selection:set', CALL);
    await invoke('press:run', { buttonId: 'Escalate', interactionId: CALL });

    sim.admin.expireSessions();
    const queued = invoke('press:run', { buttonId: 'WrapUp', interactionId: CALL });
    await waitFor(() => window.webContents.sent.some((sent) => sent.channel === 'relogin:required'), 'the re-login request');
    assert.equal(((await invoke('session:sign-in', signIn)) as { ok: boolean }).ok, true);
    await queued;
    await waitFor(upAndFresh, 'a fresh list again');
    await remember();
    await invoke('settings:set', { notifications: false });
    await invoke('audit:list');
    await invoke('app:snapshot');
    await invoke('session:sign-out');
  } finally {
    await agent.shutdown();
  }

  const secrets = seenSecrets.flatMap((c) => [c.csrfToken, c.cookie, c.cookie.slice(c.cookie.indexOf('=') + 1), c.sessionId]);
  secrets.push(PASSWORD);
  assert.notEqual(seenSecrets[0]!.sessionId, seenSecrets[1]!.sessionId, 'two sessions were scanned for');
  assert.ok(window.webContents.sent.length > 10, 'the renderer was sent events');
  const channels = new Set(window.webContents.sent.map((sent) => sent.channel));
  for (const channel of ['session:changed', 'interactions:changed', 'press:progress', 'relogin:required', 'settings:changed']) {
    assert.ok(channels.has(channel), `${channel} was among them`);
  }
  const messages = [...window.webContents.sent.map((sent) => sent.payload), ...results];
  for (const [index, message] of messages.entries()) {
    const text = JSON.stringify(message);
    for (const secret of secrets) {
      assert.ok(!text.includes(secret), `message ${index} carries a secret: ${text.slice(0, 200)}`);
    }
  }
});
