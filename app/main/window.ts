// The one application window: sandboxed, isolated, loaded from app://, unable to navigate, open windows or
// gain permissions; closing hides it to the tray; its size and place are remembered.
import type { BrowserWindow, BrowserWindowConstructorOptions, Rectangle, Session, WebContents } from 'electron';
import { RENDERER_URL } from './protocol.ts';

export const DEFAULT_SIZE = { width: 440, height: 660 };

export function mainWindowOptions(preloadPath: string, bounds: Rectangle | null, devTools = false): BrowserWindowConstructorOptions {
  return {
    ...(bounds ?? DEFAULT_SIZE),
    minWidth: 320,
    minHeight: 360,
    show: false,
    title: 'ICWS Agent',
    autoHideMenuBar: true,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools,
    },
  };
}

/**
 * The page is the whole app: it never goes anywhere else, opens nothing, embeds nothing. `onRefused` hears the
 * URL of each navigation or window refused (the e2e hook counts them, so a test need not wait and hope).
 */
export function hardenContents(contents: WebContents, onRefused: (url: string) => void = () => {}): void {
  contents.on('will-navigate', (event) => {
    event.preventDefault();
    onRefused(event.url);
  });
  contents.on('will-redirect', (event) => {
    event.preventDefault();
    onRefused(event.url);
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    onRefused(url);
    return { action: 'deny' };
  });
}

/** Every permission is refused except notifications. */
export function restrictPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => callback(permission === 'notifications'));
  session.setPermissionCheckHandler((_contents, permission) => permission === 'notifications');
}

/** Stored bounds, if at least a corner-sized piece of them is still on one of the displays. */
export function fitBounds(bounds: Rectangle | null, workAreas: Rectangle[]): Rectangle | null {
  if (!bounds) return null;
  const visible = workAreas.some((area) => {
    const w = Math.min(bounds.x + bounds.width, area.x + area.width) - Math.max(bounds.x, area.x);
    const h = Math.min(bounds.y + bounds.height, area.y + area.height) - Math.max(bounds.y, area.y);
    return w >= 100 && h >= 50;
  });
  return visible ? bounds : null;
}

export interface MainWindowDeps {
  createWindow(options: BrowserWindowConstructorOptions): BrowserWindow;
  preloadPath: string;
  bounds: Rectangle | null;
  saveBounds(bounds: Rectangle): void;
  /** Closing hides to the tray, except while the app quits. */
  isQuitting(): boolean;
  showOnLoad: boolean;
  /** Development builds only. */
  devTools: boolean;
  /** Told of every navigation and window.open the page attempted and was refused. */
  onNavigationRefused?(url: string): void;
}

export function createMainWindow(deps: MainWindowDeps): BrowserWindow {
  const win = deps.createWindow(mainWindowOptions(deps.preloadPath, deps.bounds, deps.devTools));
  hardenContents(win.webContents, deps.onNavigationRefused);
  win.on('close', (event) => {
    // 'close' comes both when hiding and when quitting, so it is the one place to remember the bounds.
    deps.saveBounds(win.getNormalBounds());
    if (!deps.isQuitting()) {
      event.preventDefault();
      win.hide();
    }
  });
  if (deps.showOnLoad) win.once('ready-to-show', () => win.show());
  void win.loadURL(RENDERER_URL);
  return win;
}

export function showWindow(win: BrowserWindow): void {
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}

export function toggleWindow(win: BrowserWindow): void {
  if (win.isVisible() && !win.isMinimized()) win.hide();
  else showWindow(win);
}
