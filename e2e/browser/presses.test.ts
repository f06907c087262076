// Pressing client buttons from the window: the simulator records the handler action, the button shows it is
// in flight, and each kind of result is shown inline.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright';
import { startSuite, type Suite } from './harness.ts';
import { CALL_JANE, signInOnJane, withApp } from './flows.ts';

function result(page: Page) {
  return page.locator('.press-result');
}

describe('presses', () => {
  let suite: Suite;
  before(async () => {
    suite = await startSuite();
  });
  after(() => suite.close());

  test('a click runs the handler action once, shows it in flight, then done, and it is in the log', () =>
    withApp(suite, {}, async (app, real) => {
      const { page } = app;
      await signInOnJane(page, real.sim.url);
      await real.admin.addFault({ route: 'handler-action', kind: 'delay', ms: 700, count: 1 });
      const escalate = page.getByRole('group', { name: 'For Jane Doe' }).getByRole('button', { name: 'Escalate', exact: true });
      assert.equal(await escalate.getAttribute('title'), 'Escalate this interaction to a supervisor\nShortcut: Ctrl+Alt+1');
      await escalate.click();
      await page.locator('button.action[aria-busy="true"]').filter({ hasText: 'Escalate' }).waitFor();
      // A second click while in flight does nothing: the action is not idempotent. (force: Playwright itself
      // would wait for aria-disabled to clear.)
      await escalate.click({ force: true });
      await result(page).getByText('Escalate done.').waitFor();
      assert.equal(await escalate.getAttribute('aria-busy'), null);
      const actions = await real.admin.actions();
      assert.deepEqual(actions.map((a) => [a.buttonId, a.interactionId, a.userId]), [['Escalate', CALL_JANE, 'agent1']]);

      await page.getByRole('button', { name: 'Today’s log' }).click();
      const log = page.getByRole('dialog', { name: 'Today’s log' });
      await log.getByRole('cell', { name: 'Escalate', exact: true }).waitFor();
      assert.match(await log.innerText(), /Jane Doe\s+Click\s+Succeeded · HTTP 204/);
      await page.keyboard.press('Escape');
      await log.waitFor({ state: 'hidden' });
      assert.deepEqual(app.problems, []);
    }));

  test('403 says the agent lacks permission, and nothing runs', () =>
    withApp(suite, {}, async ({ page }, real) => {
      await signInOnJane(page, real.sim.url);
      await page.getByRole('button', { name: 'Force Recording' }).click();
      await result(page).getByText('You do not have permission to use Force Recording').waitFor();
      assert.equal(await result(page).getAttribute('data-tone'), 'error');
      assert.equal(await result(page).getByRole('button', { name: 'Retry' }).isVisible(), false);
      assert.deepEqual(await real.admin.actions(), []);
      await result(page).getByRole('button', { name: 'Dismiss' }).click();
      await result(page).waitFor({ state: 'hidden' });
    }));

  test('other errors show the server message; Retry is offered only where resending is safe', () =>
    withApp(suite, {}, async ({ page }, real) => {
      await signInOnJane(page, real.sim.url);
      const wrapUp = page.getByRole('group', { name: 'For Jane Doe' }).getByRole('button', { name: 'Wrap Up' });
      await real.admin.addFault({ route: 'handler-action', kind: 'status', status: 500, count: 1, message: 'Handler threw: no account' });
      await wrapUp.click();
      await result(page).getByText('Wrap Up failed (HTTP 500): Handler threw: no account').waitFor();
      assert.equal(await result(page).getByRole('button', { name: 'Retry' }).isVisible(), false, '500: the handler may have run');

      await real.admin.addFault({ route: 'handler-action', kind: 'status', status: 503, count: 1, message: 'Busy, try again' });
      await wrapUp.click();
      await result(page).getByText('Wrap Up failed (HTTP 503): Busy, try again').waitFor();
      await result(page).getByRole('button', { name: 'Retry' }).click();
      await result(page).getByText('Wrap Up done.').waitFor();
      assert.deepEqual((await real.admin.actions()).map((a) => a.buttonId), ['WrapUp'], 'only the retry reached the handler');
    }));
});
