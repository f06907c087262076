// My Interactions follows the simulator: interactions added, changed and removed on the server show up in the
// list, selection reaches the core, and a long list stays windowed.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { ScenarioInteraction } from '../../app/sim/scenario.ts';
import { startSuite, type Suite } from './harness.ts';
import type { RealBackendOptions } from './real-backend.ts';
import { CALL_JANE, row, rows, signIn, withApp } from './flows.ts';

const GRACE: ScenarioInteraction = {
  interactionId: '1001000010',
  attributes: {
    Eic_ObjectType: 'Chat',
    Eic_State: 'A',
    Eic_CallStateString: 'Alerting',
    Eic_RemoteName: 'Grace Hall',
    Eic_RemoteAddress: 'grace@example.com',
    Eic_CallDirection: 'I',
    Eic_InitiationTime: '{now}',
  },
};

describe('interaction list', () => {
  let suite: Suite;
  before(async () => {
    suite = await startSuite();
  });
  after(() => suite.close());

  test('adds, changes and removes rows as the simulator does', () =>
    withApp(suite, {}, async (app, real) => {
      const { page } = app;
      await signIn(page, real.sim.url);
      await row(page, 'Jane Doe').waitFor();
      assert.equal(await rows(page).count(), 6);

      await real.admin.addInteraction('agent1', GRACE);
      const grace = row(page, 'Grace Hall');
      await grace.waitFor();
      assert.match((await grace.getAttribute('class')) ?? '', /is-alerting/, 'a new alerting interaction is highlighted');
      assert.match(await grace.innerText(), /Chat: Grace Hall|Grace Hall/);
      await page.locator('[aria-live="polite"]').getByText('Incoming chat from Grace Hall').waitFor({ state: 'attached' });

      await real.admin.changeInteraction(CALL_JANE, { Eic_State: 'H', Eic_CallStateString: 'On Hold', Eic_Muted: '1' });
      const jane = row(page, 'Jane Doe');
      await jane.getByText('On Hold').waitFor();
      await jane.getByText('Held', { exact: true }).waitFor();
      await jane.getByText('Muted', { exact: true }).waitFor();

      await real.admin.removeInteraction('1001000006');
      await row(page, 'Frank Green').waitFor({ state: 'detached' });
      assert.equal(await rows(page).count(), 6);

      // Elapsed time ticks on its own.
      const elapsed = jane.locator('.row-elapsed');
      const first = await elapsed.innerText();
      await page.waitForFunction(
        ([selector, text]) =>
          (globalThis as unknown as { document: { querySelector(s: string): { textContent: string } | null } }).document
            .querySelector(selector)?.textContent !== text,
        [`#interaction-${CALL_JANE} .row-elapsed`, first] as const,
      );
      assert.deepEqual(app.problems, []);
    }));

  test('selection goes to the core; a removed selection is dropped; an empty list says what will appear', () =>
    withApp(suite, {}, async (app, real) => {
      const { page } = app;
      await signIn(page, real.sim.url);
      const dan = row(page, 'Dan Brown');
      await dan.click();
      assert.equal(await dan.getAttribute('aria-selected'), 'true');
      await page.getByRole('group', { name: 'For Dan Brown' }).waitFor();
      const selections = () => app.traffic.invokes.filter((call) => call.channel === 'selection:set').map((call) => call.args[0]);
      assert.deepEqual(selections(), ['1001000004']);

      await real.admin.removeInteraction('1001000004');
      await dan.waitFor({ state: 'detached' });
      await page.getByRole('group', { name: 'For Dan Brown' }).waitFor({ state: 'detached' });
      assert.equal(await page.locator('[role="option"][aria-selected="true"]').count(), 0);

      for (const interaction of await real.sim.admin.interactions('agent1')) {
        await real.admin.removeInteraction(interaction.interactionId);
      }
      await page.getByText('No interactions right now').waitFor();
      await page.getByText('Calls, chats, emails and other interactions routed to you will appear here.').waitFor();
      assert.equal(await page.getByRole('listbox').isVisible(), false);
    }));

  test('three thousand interactions: only the visible rows are in the DOM, and End reaches the last', () => {
    const many = Array.from({ length: 3000 }, (_, i): ScenarioInteraction => ({
      interactionId: `20${String(i).padStart(8, '0')}`,
      attributes: {
        Eic_ObjectType: 'Call',
        Eic_State: 'C',
        Eic_CallStateString: 'Connected',
        Eic_RemoteName: `Caller ${String(i).padStart(4, '0')}`,
        Eic_RemoteAddress: `+1 317 555 ${String(i).padStart(4, '0')}`,
        Eic_CallDirection: 'I',
        Eic_InitiationTime: `{now-${i + 1}s}`,
      },
    }));
    const backend: RealBackendOptions = { scenario: (s) => ({ ...s, interactions: { ...s.interactions, agent1: many } }) };
    return withApp(suite, { backend }, async ({ page }, real) => {
      await signIn(page, real.sim.url);
      const listbox = page.getByRole('listbox', { name: 'My Interactions' });
      await page.locator('[role="option"][aria-setsize="3000"]').first().waitFor();
      const inDom = await page.locator('.row').count();
      assert.ok(inDom < 60, `${inDom} rows in the DOM for 3000 interactions`);

      await listbox.focus();
      await page.keyboard.press('End');
      const last = page.locator('.row:not([hidden])[aria-posinset="3000"]');
      await last.waitFor();
      assert.equal(await last.getAttribute('aria-selected'), 'true');
      assert.ok(await last.isVisible());
      assert.equal(await listbox.getAttribute('aria-activedescendant'), await last.getAttribute('id'));
      await page.keyboard.press('Home');
      await page.locator('.row:not([hidden])[aria-posinset="1"][aria-selected="true"]').waitFor();
      assert.ok((await page.locator('.row').count()) < 60);
    });
  });
});
