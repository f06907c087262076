// Sign-in in the real renderer against the real core and simulator: success, and each failure explained.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright';
import { defaultScenario, startSimulator } from '../../app/sim/server.ts';
import { startSuite, type Suite } from './harness.ts';
import { startRealBackend } from './real-backend.ts';
import { rows, signIn, signInForm, withApp } from './flows.ts';

describe('sign-in', () => {
  let suite: Suite;
  before(async () => {
    suite = await startSuite();
  });
  after(() => suite.close());

  test('signs in and shows My Interactions, the session and who is signed in', () =>
    withApp(suite, {}, async (app, real) => {
      const { page } = app;
      // Memory ports have no keyring: the form says so instead of offering remember-me.
      await page.getByText('Your password will not be remembered on this computer').waitFor();
      assert.equal(await signInForm(page).getByLabel('Remember my password on this computer').isVisible(), false);
      await signIn(page, real.sim.url);
      await page.getByRole('option', { name: /Jane Doe/ }).waitFor();
      assert.equal(await rows(page).count(), 6);
      await page.getByRole('status').filter({ hasText: 'Connected' }).waitFor();
      assert.match(await page.locator('.status-bar').innerText(), /agent1@127\.0\.0\.1:\d+/);
      assert.equal(real.agent.snapshot().session.state, 'up');
      const signInCall = app.traffic.invokes.find((call) => call.channel === 'session:sign-in');
      assert.deepEqual(signInCall?.args, [{ server: real.sim.url, userId: 'agent1', password: 'agent1' }]);
    }));

  test('bad credentials, an unreachable server and a server without client buttons 3 each say what is wrong', async () => {
    const real = await startRealBackend();
    const old = await startSimulator({ scenario: { ...defaultScenario(), timeline: [], features: { ...defaultScenario().features, 'client-buttons': 2 } }, port: 0, timeline: false });
    const app = await suite.open(real.backend);
    try {
      const { page } = app;
      const error = page.getByRole('alert');
      await attempt(page, real.sim.url, 'wrong-password');
      await error.getByText('The user ID or password is not correct.').waitFor();
      await page.locator('#sign-in-password:focus').waitFor();

      // A port nobody listens on: refused at once.
      await attempt(page, 'http://127.0.0.1:9', 'agent1');
      await error.getByText(/Cannot reach the server at http:\/\/127\.0\.0\.1:9/).waitFor();
      await page.locator('#sign-in-server:focus').waitFor();

      await attempt(page, old.url, 'agent1');
      await error.getByText(/does not offer client buttons \(ICWS client-buttons version 3\)/).waitFor();
      assert.notEqual(real.agent.snapshot().session.state, 'up');
      assert.equal(await page.getByRole('listbox').count(), 0, 'still on the sign-in form');
    } finally {
      await app.close();
      await real.close();
      await old.close();
    }
  });
});

async function attempt(page: Page, server: string, password: string): Promise<void> {
  const form = signInForm(page);
  await form.getByLabel('Server', { exact: true }).fill(server);
  await form.getByLabel('User ID', { exact: true }).fill('agent1');
  await form.getByLabel('Password', { exact: true }).fill(password);
  await form.getByRole('button', { name: 'Sign in' }).click();
}
