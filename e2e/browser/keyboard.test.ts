// The whole flow with the keyboard alone: sign in, move through the list, press a button, read the log,
// and come back from an expired session, with focus always somewhere sensible.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright';
import { startSuite, type Suite } from './harness.ts';
import { CALL_JANE, eventually, holdNextPress, reloginDialog, withApp } from './flows.ts';

const focused = (page: Page) => page.locator(':focus');

async function focusedText(page: Page): Promise<string> {
  return (await focused(page).getAttribute('aria-label')) ?? (await focused(page).innerText());
}

async function tabUntil(page: Page, name: string, max = 20): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if ((await focusedText(page)).trim() === name) return;
  }
  assert.fail(`Tab never reached ${name}`);
}

describe('keyboard only', () => {
  let suite: Suite;
  before(async () => {
    suite = await startSuite();
  });
  after(() => suite.close());

  test('sign in, select, press, read the log, re-login: no mouse', () =>
    withApp(suite, {}, async (app, real) => {
      const { page } = app;
      await page.locator('#sign-in-server:focus').waitFor();
      await page.keyboard.type(real.sim.url);
      await page.keyboard.press('Tab');
      await page.keyboard.type('agent1');
      await page.keyboard.press('Tab');
      await page.keyboard.type('agent1');
      await page.keyboard.press('Enter');

      const listbox = page.getByRole('listbox', { name: 'My Interactions' });
      await page.locator('[role="listbox"]:focus').waitFor();
      const selected = page.locator('.row:not([hidden])[aria-selected="true"]');
      await page.keyboard.press('ArrowDown');
      assert.equal(await selected.getAttribute('aria-posinset'), '1');
      await page.keyboard.press('End');
      assert.equal(await selected.getAttribute('aria-posinset'), '6');
      await page.keyboard.press('Home');
      for (let i = 0; i < 6 && !(await selected.innerText()).includes('Jane Doe'); i++) await page.keyboard.press('ArrowDown');
      assert.match(await selected.innerText(), /Jane Doe/);
      assert.equal(await listbox.getAttribute('aria-activedescendant'), `interaction-${CALL_JANE}`);
      const lastSelection = app.traffic.invokes.filter((c) => c.channel === 'selection:set').at(-1);
      assert.deepEqual(lastSelection?.args, [CALL_JANE]);

      // Enter on the list moves to the selected interaction's first action.
      await page.keyboard.press('Enter');
      assert.equal((await focusedText(page)).replace(/\s+/g, ' ').trim(), 'Escalate Ctrl+Alt+1');
      await page.keyboard.press('Enter');
      await page.locator('.press-result').getByText('Escalate done.').waitFor();
      await eventually(async () => (await real.admin.actions()).length === 1, 'the press');

      await tabUntil(page, 'Today’s log');
      await page.keyboard.press('Enter');
      const log = page.getByRole('dialog', { name: 'Today’s log' });
      await log.getByRole('cell', { name: 'Escalate', exact: true }).waitFor();
      await page.keyboard.press('Escape');
      await log.waitFor({ state: 'hidden' });
      assert.equal(await focusedText(page), 'Today’s log', 'focus returns to what opened the log');

      // Back to the list and the button, then the session expires under a keyboard press.
      await page.keyboard.press('Shift+Tab');
      for (let i = 0; i < 15 && (await focused(page).getAttribute('role')) !== 'listbox'; i++) await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('Enter');
      await holdNextPress(real.admin);
      await page.keyboard.press('Enter');
      await real.admin.expireSessions();
      const dialog = reloginDialog(page);
      await dialog.waitFor();
      await page.locator('#relogin-password:focus').waitFor();
      // The press's own 401 arrives once the server lets it go: from then on it is held, not in flight.
      await dialog.getByText('Waiting to run after you sign in (1)').waitFor();
      // Focus stays inside the modal, both ways round.
      for (const key of ['Tab', 'Tab', 'Tab', 'Tab', 'Tab', 'Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab']) {
        await page.keyboard.press(key);
        assert.equal(await page.locator('dialog.relogin :focus').count(), 1, `focus left the dialog after ${key}`);
      }
      for (let i = 0; i < 10 && (await page.locator('#relogin-password:focus').count()) === 0; i++) await page.keyboard.press('Tab');
      await page.keyboard.type('agent1');
      await page.keyboard.press('Enter');
      await dialog.waitFor({ state: 'hidden' });
      await eventually(async () => (await real.admin.actions()).length === 2, 'the held press');
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.deepEqual((await real.admin.actions()).map((a) => a.buttonId), ['Escalate', 'Escalate']);
      assert.deepEqual(app.problems, []);
    }));
});
