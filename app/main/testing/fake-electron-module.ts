// A FAKE `electron` module for the boot test of main.ts: the test resolves the specifier 'electron' here
// (module.registerHooks), so the real composition root runs in plain Node over the fakes of fake-electron.ts.
import { EventEmitter } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  FakeBrowserWindow,
  FakeEvent,
  FakeGlobalShortcut,
  FakeIpcMain,
  FakeNotification,
  FakeSession,
  FakeTray,
  createFakeSafeStorage,
  fakeBuildMenu,
  fakeImageFromPng,
} from './fake-electron.ts';

class FakeApp extends EventEmitter {
  readonly isPackaged = false;
  readonly paths = new Map<string, string>([['userData', mkdtempSync(path.join(tmpdir(), 'icws-agent-fake-app-'))]]);
  loginItem = { openAtLogin: false };
  quitRequests = 0;
  exited: number | null = null;
  quitted = false;
  sandboxed = false;
  locked = true;
  whenReady = async () => {};
  getPath = (name: string) => this.paths.get(name) ?? tmpdir();
  setPath = (name: string, value: string) => void this.paths.set(name, value);
  getVersion = () => '0.0.0-fake';
  enableSandbox = () => void (this.sandboxed = true);
  requestSingleInstanceLock = () => this.locked;
  getLoginItemSettings = () => ({ ...this.loginItem });
  setLoginItemSettings = (settings: { openAtLogin: boolean }) => void (this.loginItem = { ...settings });
  exit = (code = 0) => void (this.exited = code);
  /** Like Electron: before-quit (preventable), then will-quit, then the app is gone. */
  quit = () => {
    this.quitRequests++;
    const event = new FakeEvent();
    this.emit('before-quit', event);
    if (event.defaultPrevented) return;
    this.emit('will-quit', new FakeEvent());
    this.quitted = true;
  };
}

export const app = new FakeApp();
export const windows: FakeBrowserWindow[] = [];
export class BrowserWindow extends FakeBrowserWindow {
  constructor(options: ConstructorParameters<typeof FakeBrowserWindow>[0]) {
    super(options);
    windows.push(this);
  }
}
export const trays: FakeTray[] = [];
export class Tray extends FakeTray {
  constructor(image: unknown) {
    super(image);
    trays.push(this);
  }
}
export class Notification extends FakeNotification {
  static isSupported = () => true;
}
export const globalShortcut = new FakeGlobalShortcut();
export const ipcMain = new FakeIpcMain();
export const menus = { application: undefined as unknown };
export const Menu = { buildFromTemplate: fakeBuildMenu, setApplicationMenu: (menu: unknown) => void (menus.application = menu) };
export const nativeImage = { createFromBuffer: fakeImageFromPng };
export const protocol = {
  privileged: [] as unknown[],
  handlers: new Map<string, (request: Request) => Promise<Response>>(),
  registerSchemesAsPrivileged(schemes: unknown[]) {
    this.privileged.push(...schemes);
  },
  handle(scheme: string, handler: (request: Request) => Promise<Response>) {
    this.handlers.set(scheme, handler);
  },
};
export const safeStorage = createFakeSafeStorage();
export const screen = { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }] };
const partitions = new Map<string, FakeSession>();
export const session = {
  defaultSession: new FakeSession(),
  partitions,
  // Node's fetch plays Chromium's network stack for the ICWS partition.
  fromPartition: (name: string) => partitions.get(name) ?? partitions.set(name, new FakeSession(globalThis.fetch)).get(name)!,
};
export const shell = { openPath: async () => '' };

export default { app, BrowserWindow, Tray, Notification, globalShortcut, ipcMain, Menu, nativeImage, protocol, safeStorage, screen, session, shell };
