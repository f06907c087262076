// Launches the built app (dist/app/main/main.js via package.json "main") in Electron with Playwright, with a
// fresh user-data folder and the test-only main-process hook (ICWS_AGENT_E2E=1).
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { _electron, type ElectronApplication, type Page } from 'playwright';
import type { TrayView } from '../../app/main/tray.ts';
import type { ShortcutStatus } from '../../app/ipc/contract.ts';
import type { StoredSettings } from '../../app/core/agent/ports.ts';
import { bundleAll, ROOT } from '../../build/bundle.ts';

export interface LaunchedApp {
  app: ElectronApplication;
  page: Page;
  userData: string;
  tray(): Promise<TrayView>;
  clickTray(id: string): Promise<boolean>;
  shortcuts(): Promise<ShortcutStatus[]>;
  demoServer(): Promise<string | null>;
  /** URLs the window tried to navigate to and the main process refused. */
  refusedNavigations(): Promise<string[]>;
  close(): Promise<void>;
}

let bundled: Promise<unknown> | null = null;

export async function launchApp(executablePath: string, options: { settings?: Partial<StoredSettings> } = {}): Promise<LaunchedApp> {
  if (!existsSync(path.join(ROOT, 'dist', 'app', 'main', 'main.js'))) {
    throw new Error('dist/app/main/main.js is missing: run `npm run build` first');
  }
  bundled ??= bundleAll(); // the renderer and the preload bundle
  await bundled;
  const userData = await mkdtemp(path.join(tmpdir(), 'icws-agent-e2e-'));
  if (options.settings) await writeFile(path.join(userData, 'settings.json'), JSON.stringify({ settings: options.settings }));
  const app = await _electron.launch({
    executablePath,
    // Containers often run as root, where Chromium's own sandbox cannot start; the page sandbox still applies.
    args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), ROOT],
    cwd: ROOT,
    env: { ...process.env, ICWS_AGENT_E2E: '1', ICWS_AGENT_USER_DATA: userData, ELECTRON_ENABLE_LOGGING: '1' },
    timeout: 30_000,
  });
  const page = await app.firstWindow();
  // Interval polling: requestAnimationFrame never fires in a window that starts hidden.
  await page.waitForFunction(() => typeof (globalThis as { agent?: unknown }).agent === 'object', undefined, { polling: 100 });
  const hook = <T>(fn: string, arg?: string) =>
    app.evaluate((_electron, [name, value]) => (globalThis as any).__icwsAgentE2E[name](value), [fn, arg] as const) as Promise<T>;
  return {
    app,
    page,
    userData,
    tray: () => hook<TrayView>('tray'),
    clickTray: (id) => hook<boolean>('clickTray', id),
    shortcuts: () => hook<ShortcutStatus[]>('shortcuts'),
    demoServer: () => hook<string | null>('demoServer'),
    refusedNavigations: () => hook<string[]>('refusedNavigations'),
    async close() {
      await app.close().catch(() => {});
      await rm(userData, { recursive: true, force: true });
    },
  };
}

export async function eventually<T>(read: () => Promise<T>, ok: (value: T) => boolean, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(value).slice(0, 300)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
