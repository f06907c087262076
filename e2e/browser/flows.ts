// Steps several browser tests share, written the way an agent would do them.
import assert from 'node:assert/strict';
import type { Page } from 'playwright';
import type { OpenedApp, OpenOptions, Suite } from './harness.ts';
import { AGENT1, startRealBackend, type RealBackend, type RealBackendOptions } from './real-backend.ts';
import type { SimHttpAdmin } from './sim-admin.ts';

/** Starts a real backend, opens the app on it, runs the body, and always closes the app, then the backend. */
export async function withApp(
  suite: Suite,
  options: { backend?: RealBackendOptions; open?: OpenOptions },
  body: (app: OpenedApp, real: RealBackend) => Promise<void>,
): Promise<void> {
  const real = await startRealBackend(options.backend);
  const app = await suite.open(real.backend, options.open);
  try {
    await body(app, real);
  } finally {
    await app.close();
    await real.close();
  }
}

export function signInForm(page: Page) {
  return page.getByRole('form', { name: 'Sign in to PureConnect' });
}

export async function signIn(page: Page, server: string, credentials = AGENT1): Promise<void> {
  const form = signInForm(page);
  await form.getByLabel('Server', { exact: true }).fill(server);
  await form.getByLabel('User ID', { exact: true }).fill(credentials.userId);
  await form.getByLabel('Password', { exact: true }).fill(credentials.password);
  await form.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('listbox', { name: 'My Interactions' }).waitFor();
}

/** Signs in, selects Jane Doe's call and waits for its buttons. */
export async function signInOnJane(page: Page, server: string): Promise<void> {
  await signIn(page, server);
  await row(page, 'Jane Doe').click();
  await page.getByRole('group', { name: 'For Jane Doe' }).waitFor();
}

export function reloginDialog(page: Page) {
  return page.getByRole('dialog', { name: 'Sign in again' });
}

export function rows(page: Page) {
  return page.getByRole('option');
}

export function row(page: Page, name: string) {
  return page.getByRole('option').filter({ hasText: name });
}

/** Polls a condition in the test process (the simulator's log, the core's state) until it holds. */
export async function eventually(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export const CALL_JANE = '1001000001';

/**
 * Makes the server sit on the next handler action for 2 s before answering, so a test can end the session
 * while that press is in flight and the press certainly gets the 401. (At 300 ms a loaded machine could let the
 * answer out first.)
 */
export function holdNextPress(admin: SimHttpAdmin): Promise<void> {
  return admin.addFault({ route: 'handler-action', kind: 'delay', ms: 2000, count: 1 });
}
