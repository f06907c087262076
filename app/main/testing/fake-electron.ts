// FAKE Electron APIs for the shell's unit tests: just the parts the shell uses, recording what it does.
// Nothing here is Electron; the real app wires the real modules in main.ts. Fakes are cast to Electron's types
// at the edge (`as unknown as Electron.X`) so the modules under test stay typed against electron.d.ts.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type {
  BrowserWindow,
  BrowserWindowConstructorOptions,
  IpcMainInvokeEvent,
  Menu,
  MenuItemConstructorOptions,
  NativeImage,
  NotificationConstructorOptions,
  Rectangle,
  SafeStorage,
  Session,
  WebContents,
} from 'electron';

export class FakeEvent {
  defaultPrevented = false;
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

export interface FakeFrame {
  url: string;
  parent: FakeFrame | null;
}

export class FakeWebContents extends EventEmitter {
  readonly sent: { channel: string; payload: unknown }[] = [];
  readonly mainFrame: FakeFrame;
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  destroyed = false;

  constructor(url = 'app://renderer/index.html') {
    super();
    this.mainFrame = { url, parent: null };
  }
  send(channel: string, payload: unknown): void {
    this.sent.push({ channel, payload: structuredClone(payload) });
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  /**
   * Emits like Electron does, the details on the event object itself (will-navigate's `event.url`), and says
   * whether a listener prevented the default.
   */
  fire(event: string, details: object = {}, ...args: unknown[]): boolean {
    const e = Object.assign(new FakeEvent(), details);
    this.emit(event, e, ...args);
    return e.defaultPrevented;
  }
  asElectron(): WebContents {
    return this as unknown as WebContents;
  }
}

export class FakeBrowserWindow extends EventEmitter {
  readonly webContents: FakeWebContents;
  readonly loaded: string[] = [];
  visible = false;
  minimized = false;
  destroyed = false;
  bounds: Rectangle = { x: 10, y: 20, width: 440, height: 660 };

  readonly options: BrowserWindowConstructorOptions;

  constructor(options: BrowserWindowConstructorOptions = {}, contents = new FakeWebContents()) {
    super();
    this.options = options;
    this.webContents = contents;
  }
  async loadURL(url: string): Promise<void> {
    this.loaded.push(url);
  }
  show(): void {
    this.visible = true;
    this.minimized = false;
    this.emit('show');
  }
  hide(): void {
    this.visible = false;
    this.emit('hide');
  }
  focus(): void {}
  restore(): void {
    this.minimized = false;
  }
  isVisible(): boolean {
    return this.visible;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  getNormalBounds(): Rectangle {
    return { ...this.bounds };
  }
  /** The user clicks the close button: true when the window really closed. */
  close(): boolean {
    const e = new FakeEvent();
    this.emit('close', e);
    if (!e.defaultPrevented) this.destroyed = true;
    return !e.defaultPrevented;
  }
  asElectron(): BrowserWindow {
    return this as unknown as BrowserWindow;
  }
}

/** An invoke as ipcMain delivers it: from `contents`, by `frame` (its main frame unless told). */
export function invokeEvent(contents: FakeWebContents, frame: FakeFrame | null = contents.mainFrame): IpcMainInvokeEvent {
  return { sender: contents, senderFrame: frame } as unknown as IpcMainInvokeEvent;
}

type InvokeListener = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown;

export class FakeIpcMain extends EventEmitter {
  readonly handlers = new Map<string, InvokeListener>();
  handle(channel: string, listener: InvokeListener): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  /** What ipcRenderer.invoke would get back. */
  async invoke(event: IpcMainInvokeEvent, channel: string, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return handler(event, ...args);
  }
}

export type StorageBackend = ReturnType<SafeStorage['getSelectedStorageBackend']>;

/**
 * safeStorage with a real cipher (AES-256-GCM under a per-instance key), so a test can prove that what reaches
 * the disk is ciphertext; `available` and `backend` play the OS keyring's part.
 */
export function createFakeSafeStorage(options: { available?: boolean; backend?: StorageBackend } = {}) {
  const key = randomBytes(32);
  const state = { available: options.available ?? true, backend: options.backend ?? ('gnome_libsecret' as StorageBackend), reEncrypt: false, calls: 0 };
  const fake = {
    state,
    isAsyncEncryptionAvailable: async () => state.available,
    getSelectedStorageBackend: () => state.backend,
    async encryptStringAsync(plainText: string): Promise<Buffer> {
      if (!state.available) throw new Error('encryption is not available');
      state.calls++;
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plainText, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    async decryptStringAsync(encrypted: Buffer) {
      const decipher = createDecipheriv('aes-256-gcm', key, encrypted.subarray(0, 12));
      decipher.setAuthTag(encrypted.subarray(12, 28));
      const result = Buffer.concat([decipher.update(encrypted.subarray(28)), decipher.final()]).toString('utf8');
      return { result, shouldReEncrypt: state.reEncrypt };
    },
  };
  return fake;
}

export class FakeGlobalShortcut {
  readonly registered = new Map<string, () => void>();
  readonly takenByOthers: Set<string>;
  /** Every accelerator register() was called with, in order. */
  readonly attempts: string[] = [];
  /** Accelerators this "Electron" cannot convert: register throws, as gin does for a bad argument. */
  readonly unparsable = new Set<string>();
  constructor(takenByOthers: string[] = []) {
    this.takenByOthers = new Set(takenByOthers);
  }
  register(accelerator: string, callback: () => void): boolean {
    this.attempts.push(accelerator);
    if (this.unparsable.has(accelerator)) throw new TypeError(`Error processing argument at index 0, conversion failure from ${accelerator}`);
    if (this.takenByOthers.has(accelerator) || this.registered.has(accelerator)) return false;
    this.registered.set(accelerator, callback);
    return true;
  }
  unregister(accelerator: string): void {
    this.registered.delete(accelerator);
  }
  unregisterAll(): void {
    this.registered.clear();
  }
  press(accelerator: string): void {
    this.registered.get(accelerator)?.();
  }
}

export class FakeNativeImage {
  readonly png: Buffer;
  readonly scaleFactor: number;
  constructor(png: Buffer, scaleFactor: number) {
    this.png = png;
    this.scaleFactor = scaleFactor;
  }
}

export function fakeImageFromPng(png: Buffer, options: { scaleFactor: number }): NativeImage {
  return new FakeNativeImage(png, options.scaleFactor) as unknown as NativeImage;
}

export class FakeTray extends EventEmitter {
  image: unknown;
  tooltip = '';
  menu: MenuItemConstructorOptions[] = [];
  destroyed = false;
  constructor(image: unknown) {
    super();
    this.image = image;
  }
  setImage(image: unknown): void {
    this.image = image;
  }
  setToolTip(tooltip: string): void {
    this.tooltip = tooltip;
  }
  setContextMenu(menu: { template: MenuItemConstructorOptions[] }): void {
    this.menu = menu.template;
  }
  destroy(): void {
    this.destroyed = true;
  }
}

/** Menu.buildFromTemplate: the fake menu is its template. */
export function fakeBuildMenu(template: MenuItemConstructorOptions[]): Menu {
  return { template } as unknown as Menu;
}

export class FakeNotification extends EventEmitter {
  static readonly all: FakeNotification[] = [];
  readonly options: NotificationConstructorOptions;
  shown = false;
  closed = false;
  constructor(options: NotificationConstructorOptions) {
    super();
    this.options = options;
    FakeNotification.all.push(this);
  }
  show(): void {
    this.shown = true;
  }
  close(): void {
    this.closed = true;
    this.emit('close');
  }
}

type PermissionRequest = (contents: unknown, permission: string, callback: (granted: boolean) => void) => void;
type PermissionCheck = (contents: unknown, permission: string) => boolean;

export class FakeSession {
  requestHandler: PermissionRequest | null = null;
  checkHandler: PermissionCheck | null = null;
  readonly fetches: { input: unknown; init: unknown }[] = [];
  /** Answers fetches; Node's own fetch stands in for Chromium's network stack when given. */
  readonly network: typeof globalThis.fetch | null;
  /** Like Chromium at its strictest: Set-Cookie goes into the jar and is not shown to the caller. */
  readonly hideSetCookie: boolean;
  readonly jar: { name: string; value: string; domain: string; path: string }[] = [];
  readonly cookies = { get: async (_filter: object) => [...this.jar] };
  constructor(network: typeof globalThis.fetch | null = null, options: { hideSetCookie?: boolean } = {}) {
    this.network = network;
    this.hideSetCookie = options.hideSetCookie ?? false;
  }
  setPermissionRequestHandler(handler: PermissionRequest): void {
    this.requestHandler = handler;
  }
  setPermissionCheckHandler(handler: PermissionCheck): void {
    this.checkHandler = handler;
  }
  async fetch(input: unknown, init?: unknown): Promise<Response> {
    this.fetches.push({ input, init });
    if (!this.network) return new Response('ok');
    const response = await this.network(input as string | Request, init as RequestInit);
    if (!this.hideSetCookie || !response.headers.has('set-cookie')) return response;
    const domain = new URL(input instanceof Request ? input.url : (input as string)).hostname;
    for (const header of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = header.split(';');
      const eq = pair.indexOf('=');
      const path = attributes.map((a) => a.trim()).find((a) => /^path=/i.test(a))?.slice(5) ?? '/';
      this.jar.push({ name: pair.slice(0, eq).trim(), value: pair.slice(eq + 1).trim(), domain, path });
    }
    const headers = new Headers(response.headers);
    headers.delete('set-cookie');
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  }
  /** What the permission request handler grants. */
  request(permission: string): boolean {
    let granted: boolean | null = null;
    this.requestHandler?.(null, permission, (value) => (granted = value));
    if (granted === null) throw new Error('the handler did not answer');
    return granted;
  }
  asElectron(): Session {
    return this as unknown as Session;
  }
}
