// Composition root of the desktop app: the only module besides the preload that imports electron and
// electron-store at runtime. It wires the core to Electron and decides nothing the core can decide.
import { renameSync } from 'node:fs';
import path from 'node:path';
import {
  app,
  BrowserWindow,
  globalShortcut,
  ipcMain,
  Menu,
  nativeImage,
  Notification,
  protocol,
  safeStorage,
  screen,
  session,
  Tray,
} from 'electron';
import Store from 'electron-store';
import type { Agent } from '../core/agent/agent-api.ts';
import { createAgent } from '../core/agent/agent.ts';
import { createIpcHandlers } from '../core/agent/ipc-handlers.ts';
import { createCredentialStore, createPasswordVault, keyringStatus } from './credential-store.ts';
import { e2eHookEnabled, installE2eHook } from './e2e-hook.ts';
import { createNetFetch } from './http.ts';
import { createRendererSender, forwardAgentEvents, registerIpcHandlers } from './ipc.ts';
import { showAgentNotifications } from './notifications.ts';
import { APP_SCHEME, PRIVILEGED_SCHEMES, createRendererProtocolHandler } from './protocol.ts';
import { createGlobalShortcutRegistrar } from './shortcuts.ts';
import { SETTINGS_SCHEMA, createAuditStore, createSettingsStore, createWindowStateStore } from './stores.ts';
import { createTrayCommandRunner } from './tray-commands.ts';
import { createTrayController } from './tray.ts';
import { createMainWindow, fitBounds, restrictPermissions, showWindow, toggleWindow } from './window.ts';

const DEMO_LOGIN = { userId: 'agent1', password: 'agent1' };
const SHUTDOWN_TIMEOUT_MS = 5000;
const e2e = e2eHookEnabled(process.env, app.isPackaged);

function log(message: string, error?: unknown): void {
  console.error(`[icws-agent] ${message}`, error instanceof Error ? error.message : (error ?? ''));
}

/** A store whose file breaks its schema is set aside rather than stopping the app. */
function openStore(name: string, schema?: typeof SETTINGS_SCHEMA): Store {
  const options = { name, clearInvalidConfig: true, ...(schema ? { schema: schema as never } : {}) };
  try {
    return new Store(options);
  } catch (error) {
    log(`${name}.json did not match its schema and was set aside`, error);
    const file = path.join(app.getPath('userData'), `${name}.json`);
    renameSync(file, `${file}.invalid-${Date.now()}`);
    return new Store(options);
  }
}

function withTimeout(promise: Promise<unknown>, ms: number): Promise<unknown> {
  return Promise.race([promise, new Promise((resolve) => setTimeout(resolve, ms).unref())]);
}

async function start(): Promise<void> {
  let quitting = false;
  let window: BrowserWindow | null = null;
  app.on('second-instance', () => window && showWindow(window));
  // A tray app keeps running with its window hidden or closed.
  app.on('window-all-closed', () => {});
  await app.whenReady();

  const here = import.meta.dirname; // dist/app/main
  protocol.handle(APP_SCHEME, createRendererProtocolHandler(path.join(here, '..', '..', 'renderer')));
  restrictPermissions(session.defaultSession);
  if (process.platform === 'darwin') Menu.setApplicationMenu(Menu.buildFromTemplate([{ role: 'appMenu' }, { role: 'editMenu' }]));
  else Menu.setApplicationMenu(null);

  const settingsFile = openStore('settings', SETTINGS_SCHEMA);
  const secretsFile = openStore('secrets');
  const keyring = await keyringStatus(safeStorage, process.platform);
  const credentials = createCredentialStore(secretsFile, safeStorage, keyring);
  const settings = createSettingsStore(settingsFile);
  const windowState = createWindowStateStore(settingsFile);

  // Demo mode: nothing configured and nothing to resume, so run against the built-in simulator.
  let simulator: { url: string; close(): Promise<void> } | null = null;
  if (!settings.load().server && !(await credentials.load())) {
    const { startSimulator } = await import('../sim/server.ts');
    simulator = await startSimulator({ host: '127.0.0.1', port: 0 });
  }

  const agent: Agent = createAgent({
    credentials,
    passwords: createPasswordVault(secretsFile, safeStorage, keyring),
    audit: createAuditStore(openStore('audit')),
    settings,
    shortcuts: createGlobalShortcutRegistrar(globalShortcut),
    // An in-memory partition: the ICWS cookie never reaches a cookie jar on disk or the renderer's session.
    fetch: createNetFetch(session.fromPartition('icws-agent-network')),
    ...(simulator ? { demo: { server: simulator.url, ...DEMO_LOGIN } } : {}),
  });

  // Handlers first: the page asks for its snapshot as soon as it loads.
  const getWindow = () => window;
  const send = createRendererSender(getWindow);
  registerIpcHandlers(ipcMain, createIpcHandlers(agent), getWindow);
  forwardAgentEvents(agent, send);

  const refusedNavigations: string[] = [];
  window = createMainWindow({
    createWindow: (options) => new BrowserWindow(options),
    preloadPath: path.join(here, '..', 'preload.cjs'),
    bounds: fitBounds(windowState.load(), screen.getAllDisplays().map((display) => display.workArea)),
    saveBounds: (bounds) => windowState.save(bounds),
    isQuitting: () => quitting,
    showOnLoad: !agent.snapshot().settings.startHidden,
    devTools: !app.isPackaged,
    onNavigationRefused: (url) => {
      log(`refused navigation to ${url.slice(0, 200)}`);
      if (e2e) refusedNavigations.push(url);
    },
  });
  const win = window;
  const focusInteraction = (interactionId: string) => {
    showWindow(win);
    send('interaction:focus', { interactionId });
  };
  agent.on('show-window', () => showWindow(win));
  app.on('activate', () => showWindow(win)); // macOS: the Dock icon was clicked

  showAgentNotifications({
    agent,
    createNotification: (options) => new Notification(options),
    isSupported: () => Notification.isSupported(),
    onClick: focusInteraction,
  });

  // Electron has login items on macOS and Windows only.
  const loginItems = process.platform === 'darwin' || process.platform === 'win32';
  const tray = createTrayController({
    createTray: (icon) => new Tray(icon),
    buildMenu: (template) => Menu.buildFromTemplate(template),
    imageFromPng: (png, options) => nativeImage.createFromBuffer(png, options),
    platform: process.platform,
    onClick: () => toggleWindow(win),
    onCommand: createTrayCommandRunner({
      agent,
      showWindow: () => showWindow(win),
      hideWindow: () => win.hide(),
      focusInteraction,
      setStartAtLogin: (enabled) => {
        app.setLoginItemSettings({ openAtLogin: enabled });
        refreshTray();
      },
      quit: () => app.quit(),
      onError: (error) => log('tray command failed', error),
    }),
  });
  const refreshTray = () =>
    tray.update(agent.snapshot(), {
      startAtLogin: loginItems && app.getLoginItemSettings().openAtLogin,
      startAtLoginSupported: loginItems,
      windowVisible: win.isVisible(),
    });
  for (const event of ['session:changed', 'interactions:changed', 'buttons:changed', 'pending:changed'] as const) {
    agent.on(event, refreshTray);
  }
  win.on('show', refreshTray);
  win.on('hide', refreshTray);
  refreshTray();

  if (e2e) {
    installE2eHook(globalThis, {
      tray: () => tray.view(),
      clickTray: (id) => tray.click(id),
      shortcuts: () => agent.snapshot().shortcuts,
      windowVisible: () => win.isVisible(),
      demoServer: () => simulator?.url ?? null,
      refusedNavigations: () => [...refusedNavigations],
    });
  }

  let stopped = false;
  app.on('before-quit', (event) => {
    quitting = true;
    if (stopped) return;
    event.preventDefault();
    void (async () => {
      // Sign out (DELETE connection) while the network is still up, then let go of the keyboard.
      await withTimeout(agent.shutdown(), SHUTDOWN_TIMEOUT_MS).catch((error) => log('sign-out on quit failed', error));
      globalShortcut.unregisterAll();
      tray.destroy();
      await simulator?.close().catch(() => {});
      stopped = true;
      app.quit();
    })();
  });
  app.on('will-quit', () => globalShortcut.unregisterAll());

  await agent.resume().catch((error) => log('resuming the session failed', error));
}

if (e2e && process.env.ICWS_AGENT_USER_DATA) app.setPath('userData', process.env.ICWS_AGENT_USER_DATA);
app.enableSandbox();
protocol.registerSchemesAsPrivileged(PRIVILEGED_SCHEMES);

// A second launch hands over to the first (which shows its window) and exits.
if (!app.requestSingleInstanceLock()) app.quit();
else start().catch((error) => {
  log('the app could not start', error);
  app.exit(1);
});
