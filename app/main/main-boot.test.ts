// Boots the real composition root (main.ts) in plain Node with the specifier 'electron' resolved to a FAKE
// module, so its wiring is exercised where no Electron binary exists: demo mode against the built-in simulator,
// IPC, window, tray, shortcuts, secrets on disk, and an orderly quit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { registerHooks } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { INVOKE_CHANNELS } from '../ipc/bridge.ts';
import type { AppSnapshot } from '../ipc/contract.ts';
import type { E2eHook } from './e2e-hook.ts';
import { FakeWebContents, invokeEvent } from './testing/fake-electron.ts';

const FAKE_ELECTRON = new URL('./testing/fake-electron-module.ts', import.meta.url).href;
registerHooks({
  resolve: (specifier, context, nextResolve) =>
    specifier === 'electron' ? { url: FAKE_ELECTRON, shortCircuit: true } : nextResolve(specifier, context),
});

async function eventually(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

test('main.ts boots in demo mode, wires IPC, window, tray and shortcuts, keeps secrets sealed, and quits in order', async () => {
  const userData = await mkdtemp(path.join(tmpdir(), 'icws-agent-boot-'));
  process.env.ICWS_AGENT_E2E = '1';
  process.env.ICWS_AGENT_USER_DATA = userData;
  const fake = await import('./testing/fake-electron-module.ts');
  try {
    await import('./main.ts');
    await eventually(() => '__icwsAgentE2E' in globalThis, 'the e2e hook');
    const hook = (globalThis as unknown as { __icwsAgentE2E: E2eHook }).__icwsAgentE2E;
    await eventually(() => hook.tray().icon === 'signed-in', 'the demo sign-in');

    // Before ready: sandbox for every renderer, the app:// scheme privileged; user data where the test said.
    assert.equal(fake.app.sandboxed, true);
    assert.deepEqual(fake.protocol.privileged, [{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
    assert.ok(fake.protocol.handlers.has('app'));
    assert.equal(fake.app.getPath('userData'), userData);
    assert.ok(fake.session.defaultSession.requestHandler, 'permissions restricted');
    assert.equal(fake.menus.application, null, 'no default menu with reload and devtools');

    // One hardened window on app://renderer, shown when ready.
    assert.equal(fake.windows.length, 1);
    const win = fake.windows[0]!;
    assert.equal(win.options.webPreferences?.sandbox, true);
    assert.equal(path.basename(win.options.webPreferences?.preload ?? ''), 'preload.cjs');
    assert.deepEqual(win.loaded, ['app://renderer/index.html']);
    win.emit('ready-to-show');
    assert.equal(win.visible, true);
    assert.equal(win.webContents.fire('will-navigate', { url: 'http://127.0.0.1:9/elsewhere' }), true);
    assert.deepEqual(hook.refusedNavigations(), ['http://127.0.0.1:9/elsewhere'], 'the hook counts refused navigations');

    // IPC: every channel, only for our window; the demo session is up.
    assert.deepEqual([...fake.ipcMain.handlers.keys()].sort(), [...INVOKE_CHANNELS].sort());
    const snapshot = (await fake.ipcMain.invoke(invokeEvent(win.webContents), 'app:snapshot')) as AppSnapshot;
    assert.equal(snapshot.session.state, 'up');
    assert.equal(snapshot.session.demo, true);
    assert.equal(snapshot.session.server, hook.demoServer());
    await assert.rejects(fake.ipcMain.invoke(invokeEvent(new FakeWebContents()), 'app:snapshot'), { name: 'UntrustedSenderError' });
    assert.ok(win.webContents.sent.some((sent) => sent.channel === 'session:changed'));

    // The ICWS traffic went through the in-memory network partition (net.fetch), not the renderer's session.
    const network = fake.session.partitions.get('icws-agent-network');
    assert.ok(network && network.fetches.length > 0);
    assert.equal(fake.session.defaultSession.fetches.length, 0);

    // Tray and shortcuts.
    assert.equal(fake.trays.length, 1);
    assert.match(hook.tray().tooltip, /demo/);
    await eventually(() => hook.tray().menu.some((item) => item.id.startsWith('interaction:')), 'the demo interactions in the tray menu');
    assert.equal(fake.globalShortcut.registered.size, 10);
    assert.ok(hook.shortcuts().every((status) => status.registered));
    assert.equal(win.close(), false, 'closing hides to the tray');
    assert.equal(win.visible, false);
    fake.globalShortcut.press('CommandOrControl+Alt+0');
    assert.equal(win.visible, true, 'the show-window shortcut');

    // On disk: the demo session is kept in memory only; no token or cookie it sent is in any file.
    const sent = network.fetches.map(({ input }) => input as Request).filter((request) => request instanceof Request);
    const csrfToken = sent.map((request) => request.headers.get('ININ-ICWS-CSRF-Token')).find(Boolean);
    const cookie = sent.map((request) => request.headers.get('Cookie')).find(Boolean);
    assert.ok(csrfToken && cookie, 'the session calls carried the token and the cookie');
    const secrets = JSON.parse(await readFile(path.join(userData, 'secrets.json'), 'utf8').catch(() => '{}'));
    assert.equal(secrets.session, undefined, 'a demo session is not stored');
    const disk = (await Promise.all((await readdir(userData)).filter((f) => f.endsWith('.json')).map((f) => readFile(path.join(userData, f), 'utf8')))).join('\n');
    for (const secret of [csrfToken, cookie.slice(cookie.indexOf('=') + 1)]) assert.ok(!disk.includes(secret));

    // Sign out from the tray releases the shortcuts.
    assert.equal(hook.clickTray('sign-out'), true);
    await eventually(() => hook.tray().icon === 'signed-out', 'the sign-out');
    assert.equal(fake.globalShortcut.registered.size, 0);

    // Quit: shutdown first, then shortcuts, tray and the demo simulator; the window closes for real.
    const demo = hook.demoServer()!;
    fake.app.quit();
    await eventually(() => fake.app.quitted, 'the quit');
    assert.equal(fake.trays[0]!.destroyed, true);
    assert.equal(win.close(), true, 'no longer hides once quitting');
    await assert.rejects(fetch(`${demo}/icws/connection/version`), 'the demo simulator is closed');
  } finally {
    fake.app.quit();
    await eventually(() => fake.app.quitted, 'the quit').catch(() => {});
    await rm(userData, { recursive: true, force: true, maxRetries: 3 }).catch(() => {});
  }
});
