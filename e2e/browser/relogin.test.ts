// Session expiry from the window's side: one modal re-login dialog per expiry, the waiting presses listed and
// cancellable, and after re-login each waiting press runs exactly once.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright';
import { startSuite, type OpenedApp, type Suite } from './harness.ts';
import type { RealBackend } from './real-backend.ts';
import { CALL_JANE, eventually, holdNextPress, reloginDialog, row, signInOnJane, withApp } from './flows.ts';

/** Clicks a button for Jane Doe whose request reaches the server just after the session has been ended. */
async function pressAsSessionExpires(page: Page, real: RealBackend, label: string): Promise<void> {
  await holdNextPress(real.admin);
  await page.getByRole('group', { name: 'For Jane Doe' }).getByRole('button', { name: label, exact: true }).click();
  await real.admin.expireSessions();
}

function reloginEvents(app: OpenedApp): number {
  return app.traffic.events.filter((event) => event.channel === 'relogin:required').length;
}

describe('re-login', () => {
  let suite: Suite;
  before(async () => {
    suite = await startSuite();
  });
  after(() => suite.close());

  test('expiry opens one dialog; Escape keeps it; after re-login the waiting press runs exactly once', () =>
    withApp(suite, {}, async (app, real) => {
      const { page } = app;
      await signInOnJane(page, real.sim.url);
      await pressAsSessionExpires(page, real, 'Escalate');
      const dialog = reloginDialog(page);
      await dialog.waitFor();
      await dialog.getByRole('list', { name: 'Waiting actions' }).getByText('Escalate for Jane Doe').waitFor();
      await dialog.getByText('Waiting to run after you sign in (1)').waitFor();
      assert.equal(await dialog.getByLabel('Server').inputValue(), real.sim.url);
      assert.equal(await dialog.getByLabel('User ID').inputValue(), 'agent1');
      await page.locator('#relogin-password:focus').waitFor();
      await page.getByRole('status').filter({ hasText: 'Session expired' }).waitFor();

      // Every failing call (the press, messaging, ...) still gives a single request and a single dialog.
      await new Promise((resolve) => setTimeout(resolve, 400));
      await app.settled();
      assert.equal(reloginEvents(app), 1);
      assert.equal(await page.locator('dialog[open]').count(), 1);

      await page.keyboard.press('Escape');
      await dialog.getByText(/This window stays open so that the waiting action is not lost/).waitFor();
      assert.equal(await dialog.isVisible(), true, 'Escape does not discard the waiting press');
      assert.deepEqual(await real.admin.actions(), []);

      await dialog.getByLabel('Password', { exact: true }).fill('agent1');
      await page.keyboard.press('Enter');
      await dialog.waitFor({ state: 'hidden' });
      await eventually(async () => (await real.admin.actions()).length === 1, 'the held press to run');
      await page.locator('.press-result').getByText('Escalate done.').waitFor();
      await page.getByRole('status').filter({ hasText: 'Connected' }).waitFor();
      await row(page, 'Jane Doe').getByText('Connected - Escalated').waitFor();
      await new Promise((resolve) => setTimeout(resolve, 400));
      const actions = await real.admin.actions();
      assert.deepEqual(actions.map((a) => [a.buttonId, a.interactionId]), [['Escalate', CALL_JANE]], 'exactly once');
      assert.equal(reloginEvents(app), 1);
      assert.deepEqual(app.problems, []);
    }));

  test('a waiting press cancelled in the dialog never runs', () =>
    withApp(suite, {}, async ({ page }, real) => {
      await signInOnJane(page, real.sim.url);
      await pressAsSessionExpires(page, real, 'Wrap Up');
      const dialog = reloginDialog(page);
      await dialog.getByText('Wrap Up for Jane Doe').waitFor();
      await dialog.getByRole('button', { name: 'Cancel Wrap Up' }).click();
      await dialog.getByText('Nothing is waiting to run.').waitFor();
      assert.equal(real.agent.snapshot().pending.length, 0);

      await dialog.getByLabel('Password', { exact: true }).fill('agent1');
      await dialog.getByRole('button', { name: 'Sign in' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await page.locator('.press-result').getByText('Wrap Up was cancelled and did not run.').waitFor();
      await new Promise((resolve) => setTimeout(resolve, 400));
      assert.deepEqual(await real.admin.actions(), [], 'the cancelled press never reached the server');
      assert.deepEqual(real.agent.auditLog().map((entry) => [entry.buttonId, entry.result]), [['WrapUp', 'cancelled']]);
    }));

  test('a wrong password keeps the dialog open; signing out instead asks before discarding', () =>
    withApp(suite, {}, async ({ page }, real) => {
      await signInOnJane(page, real.sim.url);
      await pressAsSessionExpires(page, real, 'Escalate');
      const dialog = reloginDialog(page);
      await dialog.getByText('Escalate for Jane Doe').waitFor();
      await dialog.getByLabel('Password', { exact: true }).fill('nope');
      await page.keyboard.press('Enter');
      await dialog.getByRole('alert').getByText('The user ID or password is not correct.').waitFor();

      await dialog.getByRole('button', { name: 'Sign out' }).click();
      await dialog.getByText('Signing out discards the waiting action. Press the button again to confirm.').waitFor();
      await dialog.getByRole('button', { name: 'Sign out and discard it' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await page.getByRole('form', { name: 'Sign in to PureConnect' }).waitFor();
      await new Promise((resolve) => setTimeout(resolve, 200));
      assert.deepEqual(await real.admin.actions(), []);
    }));
});
