// Every main state of the window, in light and dark: axe-core finds no violations, and a screenshot of each
// goes to artifacts/ for people to look at.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright';
import { axeViolations } from './axe.ts';
import { screenshot, startSuite, type Suite } from './harness.ts';
import type { RealBackend } from './real-backend.ts';
import { holdNextPress, reloginDialog, row, signInForm, signInOnJane, withApp } from './flows.ts';

async function check(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  assert.deepEqual(await axeViolations(page), [], `axe violations in ${name}`);
}

async function pendingPressesAfterExpiry(page: Page, real: RealBackend): Promise<void> {
  await holdNextPress(real.admin);
  await page.getByRole('group', { name: 'For Jane Doe' }).getByRole('button', { name: 'Escalate', exact: true }).click();
  await real.admin.expireSessions();
  await reloginDialog(page).waitFor();
  // A global shortcut pressed while the dialog is up is held too.
  await real.agent.press({ buttonId: 'RequestBreak' }, 'shortcut');
  await reloginDialog(page).getByText('Waiting to run after you sign in (2)').waitFor();
}

describe('main states', () => {
  let suite: Suite;
  before(async () => {
    suite = await startSuite();
  });
  after(() => suite.close());

  for (const scheme of ['light', 'dark'] as const) {
    test(`${scheme}: sign-in, list, results, re-login, log and reconnecting pass axe`, () =>
      withApp(suite, { backend: { demo: true }, open: { colorScheme: scheme } }, async (app, real) => {
        const { page } = app;
        const prefix = scheme === 'light' ? '' : 'dark-';
        await signInForm(page).waitFor();
        await check(page, `${prefix}sign-in`);

        await signInForm(page).getByLabel('Server', { exact: true }).fill(real.sim.url);
        await signInForm(page).getByLabel('User ID', { exact: true }).fill('agent1');
        await signInForm(page).getByLabel('Password', { exact: true }).fill('wrong');
        await signInForm(page).getByRole('button', { name: 'Sign in' }).click();
        await signInForm(page).getByRole('alert').getByText('The user ID or password is not correct.').waitFor();
        await check(page, `${prefix}sign-in-error`);

        await signInOnJane(page, real.sim.url);
        await real.admin.changeInteraction('1001000003', { Eic_Muted: '1' });
        await row(page, 'Carol White').getByText('Muted', { exact: true }).waitFor();
        await check(page, `${prefix}signed-in`);

        await page.getByRole('button', { name: 'Escalate', exact: true }).click();
        await page.locator('.press-result').getByText('Escalate done.').waitFor();
        await check(page, `${prefix}button-result`);

        await page.getByRole('button', { name: 'Force Recording' }).click();
        await page.locator('.press-result').getByText('You do not have permission to use Force Recording').waitFor();
        await check(page, `${prefix}button-forbidden`);

        await page.getByRole('button', { name: 'Today’s log' }).click();
        await page.getByRole('dialog', { name: 'Today’s log' }).getByRole('cell', { name: 'Force Recording' }).waitFor();
        await check(page, `${prefix}audit-log`);
        await page.keyboard.press('Escape');

        await pendingPressesAfterExpiry(page, real);
        await check(page, `${prefix}relogin-dialog`);
        await reloginDialog(page).getByLabel('Password', { exact: true }).fill('agent1');
        await page.keyboard.press('Enter');
        await reloginDialog(page).waitFor({ state: 'hidden' });

        await real.admin.stopListening(1500);
        await page.getByRole('status').filter({ hasText: 'Reconnecting' }).waitFor();
        await page.getByText('Out of date', { exact: true }).waitFor();
        await check(page, `${prefix}reconnecting`);
        await page.getByRole('status').filter({ hasText: 'Connected' }).waitFor({ timeout: 10_000 });

        for (const interaction of await real.sim.admin.interactions('agent1')) {
          await real.admin.removeInteraction(interaction.interactionId);
        }
        await page.getByText('No interactions right now').waitFor();
        await check(page, `${prefix}empty`);
        assert.deepEqual(app.problems, []);
      }));
  }
});
