// The browser e2e harness: the real renderer bundle, served over HTTP with the app's CSP, in Debian's Chromium,
// with window.agent built by the app's own bridge over a Playwright binding into an IPC handler table.
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { EventChannel, InvokeChannel } from '../../app/ipc/contract.ts';
import { AGENT_EVENT_CHANNELS } from '../../app/main/ipc.ts';
import { bundleAll, rendererBundle, ROOT } from '../../build/bundle.ts';
import { bridgeScript } from './bridge-bundle.ts';
import { serveDirectory, type StaticServer } from './static-server.ts';

/** What the page talks to: the same shape as the shell's ipcMain wiring (a handler table plus core events). */
export interface Backend {
  handlers: Partial<Record<InvokeChannel, (...args: unknown[]) => Promise<unknown>>>;
  on(channel: EventChannel, listener: (payload: unknown) => void): () => void;
}

export interface Traffic {
  invokes: { channel: string; args: unknown[]; result?: unknown; error?: string }[];
  events: { channel: EventChannel; payload: unknown }[];
}

export interface OpenedApp {
  page: Page;
  context: BrowserContext;
  traffic: Traffic;
  /** Uncaught page errors and console errors (CSP violations included), for tests to assert none. */
  problems: string[];
  /** Resolves once every event pushed so far has reached the page. */
  settled(): Promise<void>;
  close(): Promise<void>;
}

export interface OpenOptions {
  colorScheme?: 'light' | 'dark';
  viewport?: { width: number; height: number };
}

export interface Suite {
  browser: Browser;
  url: string;
  open(backend: Backend, options?: OpenOptions): Promise<OpenedApp>;
  close(): Promise<void>;
}

export const ARTIFACTS = path.join(ROOT, 'artifacts');

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--headless',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

let rendererBuilt: Promise<unknown> | null = null;

/**
 * One browser and one static server for a test file. Builds the renderer bundle first (once per process).
 *
 *   const suite = await startSuite();                      // in before()
 *   const real = await startRealBackend();                 // core + simulator, per test
 *   const app = await suite.open(real.backend, { colorScheme: 'dark' });
 *   ...drive app.page, read app.traffic, assert app.problems is empty...
 *   await app.close(); await real.close();                 // and suite.close() in after()
 *
 * withApp in flows.ts does the per-test part and always closes both.
 */
export async function startSuite(): Promise<Suite> {
  process.env.PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD = '1';
  rendererBuilt ??= bundleAll([rendererBundle]);
  await rendererBuilt;
  const [browser, server] = await Promise.all([
    chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS }),
    serveDirectory(path.join(ROOT, 'dist/renderer')),
  ]);
  return {
    browser,
    url: server.url,
    open: (backend, options) => openApp(browser, server, backend, options),
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

async function openApp(browser: Browser, server: StaticServer, backend: Backend, options: OpenOptions = {}): Promise<OpenedApp> {
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 480, height: 640 } });
  // Everything here answers in milliseconds; a stuck wait should fail fast and say what it waited for.
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  // The OS theme as the page sees it (prefers-color-scheme), and no animation so screenshots are stable.
  await page.emulateMedia({ colorScheme: options.colorScheme ?? 'light', reducedMotion: 'reduce' });
  const traffic: Traffic = { invokes: [], events: [] };
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  // Every console error counts, CSP reports included.
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });

  await page.exposeBinding('__agentInvoke', async (_source, channel: InvokeChannel, args: unknown[]) => {
    const record: Traffic['invokes'][number] = { channel, args };
    traffic.invokes.push(record);
    const handler = backend.handlers[channel];
    if (!handler) throw new Error(`no handler for ${channel}`);
    try {
      record.result = await handler(...args);
      return record.result;
    } catch (error) {
      record.error = error instanceof Error ? error.message : String(error);
      throw error;
    }
  });
  await page.addInitScript({ content: await bridgeScript() });

  // Events are pushed in order, one evaluate at a time; before the page is up they are simply missed, as
  // with Electron's webContents.send, and the renderer's first app:snapshot covers them.
  let delivery: Promise<unknown> = Promise.resolve();
  const unsubscribe = AGENT_EVENT_CHANNELS.map((channel) =>
    backend.on(channel, (payload) => {
      traffic.events.push({ channel, payload });
      delivery = delivery.then(() =>
        page
          .evaluate(
            ([c, p]) => (globalThis as unknown as { __agentEmit?: (c: string, p: unknown) => number }).__agentEmit?.(c, p),
            [channel, payload] as const,
          )
          .catch(() => undefined),
      );
    }),
  );

  await page.goto(server.url);
  return {
    page,
    context,
    traffic,
    problems,
    settled: () => delivery.then(() => undefined),
    async close() {
      for (const off of unsubscribe) off();
      await delivery;
      await context.close();
    },
  };
}

/** Saves a screenshot of the whole window to artifacts/<name>.png (git-ignored). */
export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file, animations: 'disabled', caret: 'hide' });
  return file;
}
