// Server strings are text, always: markup and script in remote names, state text, button labels, tooltips and
// error messages are shown literally and never run.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright';
import type { ClientButton } from '../../app/core/icws/wire-types.ts';
import type { Scenario } from '../../app/sim/scenario.ts';
import { startSuite, type Suite } from './harness.ts';
import { row, signIn, signInForm, withApp } from './flows.ts';

const NAME = `<img src=x onerror="window.__xss='name'">`;
const ADDRESS = `<script>window.__xss='address'</script>`;
const STATE = `<b onmouseover="window.__xss='state'">Connected</b>`;
const LABEL = `<img src=x onerror="window.__xss='button'">Escalate`;
const TOOLTIP = `<script>window.__xss='tooltip'</script>`;
const ERROR = `<img src=x onerror="window.__xss='error'"><script>window.__xss='error2'</script>`;
const LOGIN_ERROR = `<svg onload="window.__xss='login'"></svg>`;

const XSS_BUTTON: ClientButton = {
  configurationId: { id: 'XssButton', displayName: 'XssButton', uri: '/configuration/client-buttons/XssButton' },
  buttonText: { defaultValue: LABEL },
  description: { defaultValue: TOOLTIP },
  action: 1,
  availability: 0,
  interactionTypes: [0],
  locations: [0, 1],
  enabled: true,
};

/** The default scenario plus a hostile button and a hostile call. */
function hostileScenario(s: Scenario): Scenario {
  return {
    ...s,
    clientButtons: [...s.clientButtons, XSS_BUTTON],
    interactions: {
      ...s.interactions,
      agent1: [
        ...(s.interactions['agent1'] ?? []),
        {
          interactionId: '1001000666',
          attributes: {
            Eic_ObjectType: 'Call',
            Eic_State: 'C',
            Eic_CallStateString: STATE,
            Eic_RemoteName: NAME,
            Eic_RemoteAddress: ADDRESS,
            Eic_CallDirection: 'I',
            Eic_InitiationTime: '{now-5s}',
          },
        },
      ],
    },
  };
}

async function assertNothingRan(page: Page): Promise<void> {
  assert.equal(await page.evaluate('window.__xss'), undefined, 'no injected script ran');
  assert.equal(await page.evaluate('document.scripts.length'), 1, 'only app.js is a script');
  assert.equal(await page.locator('img[src="x"], svg[onload], b[onmouseover]').count(), 0, 'no markup was parsed');
}

describe('hostile server strings', () => {
  let suite: Suite;
  before(async () => {
    suite = await startSuite();
  });
  after(() => suite.close());

  test('are shown as literal text in the list, the buttons, the results, the log and sign-in errors', () =>
    withApp(suite, { backend: { scenario: hostileScenario } }, async (app, real) => {
      const { page } = app;
      await real.admin.addFault({ route: 'connection', kind: 'status', status: 500, count: 1, message: LOGIN_ERROR });
      const form = signInForm(page);
      await form.getByLabel('Server', { exact: true }).fill(real.sim.url);
      await form.getByLabel('User ID', { exact: true }).fill('agent1');
      await form.getByLabel('Password', { exact: true }).fill('agent1');
      await form.getByRole('button', { name: 'Sign in' }).click();
      await form.getByRole('alert').getByText(`Server says: ${LOGIN_ERROR}`, { exact: true }).waitFor();
      await assertNothingRan(page);

      await signIn(page, real.sim.url);
      const hostile = row(page, NAME);
      await hostile.getByText(NAME, { exact: true }).waitFor();
      await hostile.getByText(ADDRESS, { exact: true }).waitFor();
      await hostile.getByText(STATE, { exact: true }).waitFor();

      await hostile.click();
      const button = page.getByRole('group', { name: `For ${NAME}` }).getByRole('button', { name: LABEL, exact: true });
      await button.waitFor();
      assert.match((await button.getAttribute('title')) ?? '', new RegExp(`^${escape(TOOLTIP)}\n`));
      await button.hover();

      await real.admin.addFault({ route: 'handler-action', kind: 'status', status: 400, count: 1, message: ERROR });
      await button.click();
      await page.locator('.press-result').getByText(`${LABEL} failed (HTTP 400): ${ERROR}`, { exact: true }).waitFor();

      await page.getByRole('button', { name: 'Today’s log' }).click();
      const log = page.getByRole('dialog', { name: 'Today’s log' });
      await log.getByRole('cell', { name: LABEL, exact: true }).waitFor();
      await log.getByRole('cell', { name: NAME, exact: true }).waitFor();
      await log.getByText(`Failed · HTTP 400 · ${ERROR}`, { exact: true }).waitFor();
      await page.keyboard.press('Escape');

      // A hostile interaction arriving live is no different.
      await real.admin.addInteraction('agent1', {
        interactionId: '1001000667',
        attributes: { Eic_ObjectType: 'Chat', Eic_State: 'A', Eic_RemoteName: ADDRESS, Eic_RemoteAddress: NAME },
      });
      await page.getByRole('option', { name: new RegExp(`Chat: ${escape(ADDRESS)}`) }).waitFor();
      await assertNothingRan(page);
      assert.deepEqual(app.problems, [], 'no CSP violation either: nothing even tried to run');
    }));
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
