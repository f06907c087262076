// Steps several browser tests share, written the way an agent would do them.
import assert from 'node:assert/strict';
import type { Page } from 'playwright';
import { AGENT1 } from './real-backend.ts';
import type { SimHttpAdmin } from './sim-admin.ts';

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
