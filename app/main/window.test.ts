import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RENDERER_URL } from './protocol.ts';
import { FakeBrowserWindow, FakeSession, FakeWebContents } from './testing/fake-electron.ts';
import { createMainWindow, fitBounds, hardenContents, mainWindowOptions, restrictPermissions, showWindow, toggleWindow } from './window.ts';

test('the window is isolated, sandboxed, without Node, with web security, and uses the bundled preload', () => {
  const options = mainWindowOptions('/app/dist/app/preload.cjs', null);
  assert.deepEqual(
    {
      contextIsolation: options.webPreferences?.contextIsolation,
      sandbox: options.webPreferences?.sandbox,
      nodeIntegration: options.webPreferences?.nodeIntegration,
      nodeIntegrationInWorker: options.webPreferences?.nodeIntegrationInWorker,
      nodeIntegrationInSubFrames: options.webPreferences?.nodeIntegrationInSubFrames,
      webSecurity: options.webPreferences?.webSecurity,
      allowRunningInsecureContent: options.webPreferences?.allowRunningInsecureContent,
      webviewTag: options.webPreferences?.webviewTag,
      devTools: options.webPreferences?.devTools,
      preload: options.webPreferences?.preload,
    },
    {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      devTools: false,
      preload: '/app/dist/app/preload.cjs',
    },
  );
  assert.equal(options.show, false, 'shown when ready, or not at all when starting hidden');
  assert.deepEqual(
    { x: mainWindowOptions('p', { x: 5, y: 6, width: 500, height: 700 }).x, width: mainWindowOptions('p', { x: 5, y: 6, width: 500, height: 700 }).width },
    { x: 5, width: 500 },
  );
});

test('navigation, redirects, webviews and new windows are all refused, and each refusal is reported', () => {
  const contents = new FakeWebContents();
  const refused: string[] = [];
  hardenContents(contents.asElectron(), (url) => refused.push(url));
  assert.equal(contents.fire('will-navigate', { url: 'https://evil.example' }), true);
  assert.equal(contents.fire('will-navigate', { url: 'app://renderer/other.html' }), true);
  assert.equal(contents.fire('will-redirect', { url: 'https://evil.example/r' }), true);
  assert.equal(contents.fire('will-attach-webview', {}, {}), true);
  assert.deepEqual(contents.windowOpenHandler?.({ url: 'https://evil.example/w' }), { action: 'deny' });
  assert.deepEqual(refused, ['https://evil.example', 'app://renderer/other.html', 'https://evil.example/r', 'https://evil.example/w']);
  const quiet = new FakeWebContents();
  hardenContents(quiet.asElectron());
  assert.equal(quiet.fire('will-navigate', { url: 'https://evil.example' }), true, 'refused with no one listening too');
});

test('permissions: only notifications are granted', () => {
  const session = new FakeSession();
  restrictPermissions(session.asElectron());
  for (const permission of ['media', 'geolocation', 'clipboard-read', 'openExternal', 'fullscreen', 'hid', 'serial']) {
    assert.equal(session.request(permission), false, permission);
    assert.equal(session.checkHandler?.(null, permission), false, permission);
  }
  assert.equal(session.request('notifications'), true);
});

function windowUnderTest(options: { quitting?: boolean; showOnLoad?: boolean } = {}) {
  const saved: unknown[] = [];
  let created: FakeBrowserWindow | null = null;
  const state = { quitting: options.quitting ?? false };
  const win = createMainWindow({
    createWindow: (opts) => (created = new FakeBrowserWindow(opts)).asElectron(),
    preloadPath: '/p.cjs',
    bounds: null,
    saveBounds: (bounds) => saved.push(bounds),
    isQuitting: () => state.quitting,
    showOnLoad: options.showOnLoad ?? true,
    devTools: false,
  });
  assert.equal(win, created!.asElectron());
  return { fake: created!, saved, state };
}

test('the window loads the renderer from app://, hardened, and shows when ready unless starting hidden', () => {
  const { fake } = windowUnderTest();
  assert.deepEqual(fake.loaded, [RENDERER_URL]);
  assert.equal(fake.webContents.fire('will-navigate', { url: 'https://x' }), true);
  fake.emit('ready-to-show');
  assert.equal(fake.visible, true);
  const hidden = windowUnderTest({ showOnLoad: false }).fake;
  hidden.emit('ready-to-show');
  assert.equal(hidden.visible, false);
});

test('closing hides to the tray and remembers the bounds; while quitting it really closes', () => {
  const { fake, saved, state } = windowUnderTest();
  fake.show();
  fake.bounds = { x: 100, y: 120, width: 480, height: 700 };
  assert.equal(fake.close(), false);
  assert.equal(fake.visible, false);
  assert.deepEqual(saved, [{ x: 100, y: 120, width: 480, height: 700 }]);
  state.quitting = true;
  assert.equal(fake.close(), true);
  assert.equal(saved.length, 2);
});

test('show and toggle', () => {
  const { fake } = windowUnderTest({ showOnLoad: false });
  fake.minimized = true;
  showWindow(fake.asElectron());
  assert.deepEqual([fake.visible, fake.minimized], [true, false]);
  toggleWindow(fake.asElectron());
  assert.equal(fake.visible, false);
  toggleWindow(fake.asElectron());
  assert.equal(fake.visible, true);
});

test('stored bounds are used only while they are still on a display', () => {
  const screen = [{ x: 0, y: 0, width: 1920, height: 1040 }];
  assert.deepEqual(fitBounds({ x: 100, y: 100, width: 400, height: 600 }, screen), { x: 100, y: 100, width: 400, height: 600 });
  assert.equal(fitBounds({ x: 3000, y: 100, width: 400, height: 600 }, screen), null, 'the second monitor was unplugged');
  assert.equal(fitBounds({ x: 1880, y: 100, width: 400, height: 600 }, screen), null, 'only a sliver visible');
  assert.equal(fitBounds(null, screen), null);
});
