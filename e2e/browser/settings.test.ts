// The settings panel: every global shortcut with what it does now and whether it is really ours (one another
// application holds shows as taken, and the status bar says so quietly), and the notification and start-hidden
// switches, saved through settings:set and following settings:changed.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright';
import type { PublicSettings } from '../../app/ipc/contract.ts';
import { axeViolations } from './axe.ts';
import { screenshot, startSuite, type Suite } from './harness.ts';
import { eventually, signInForm, signInOnJane, withApp } from './flows.ts';

const TAKEN = 'CommandOrControl+Alt+3';

function settingsDialog(page: Page) {
  return page.getByRole('dialog', { name: 'Settings' });
}

function shortcutRow(page: Page, keys: string) {
  return settingsDialog(page).getByRole('row').filter({ has: page.getByRole('cell', { name: keys, exact: true }) });
}

describe('settings', () => {
  let suite: Suite;
  before(async () => {
    suite = await startSuite();
  });
  after(() => suite.close());

  for (const scheme of ['light', 'dark'] as const) {
    test(`${scheme}: a shortcut another application holds shows as taken, from a badge; the panel passes axe`, () =>
      withApp(suite, { backend: { takenShortcuts: [TAKEN] }, open: { colorScheme: scheme } }, async (app, real) => {
        const { page } = app;
        await signInOnJane(page, real.sim.url);
        assert.equal(real.shortcuts.registered().includes(TAKEN), false, 'the other application has it');

        const warning = page.getByRole('button', { name: '1 shortcut taken' });
        assert.match((await warning.getAttribute('title')) ?? '', /Ctrl\+Alt\+3 is taken by another application/);
        await warning.click();
        const dialog = settingsDialog(page);
        await dialog.waitFor();
        assert.deepEqual(await shortcutRow(page, 'Ctrl+Alt+1').getByRole('cell').allInnerTexts(), ['Ctrl+Alt+1', 'Button 1: Escalate', 'Registered']);
        const taken = await shortcutRow(page, 'Ctrl+Alt+3').getByRole('cell').allInnerTexts();
        assert.equal(taken[2], 'Taken by another application');
        assert.match(taken[1] ?? '', /^Button 3: /);
        assert.deepEqual(await shortcutRow(page, 'Ctrl+Alt+0').getByRole('cell').allInnerTexts(), ['Ctrl+Alt+0', 'Show window', 'Registered']);
        assert.equal(await dialog.getByRole('row').count(), 11, 'a header and the ten default shortcuts');

        await screenshot(page, `${scheme === 'light' ? '' : 'dark-'}settings`);
        assert.deepEqual(await axeViolations(page), [], `axe violations in the ${scheme} settings panel`);

        await page.keyboard.press('Escape');
        await dialog.waitFor({ state: 'hidden' });
        await page.locator('.status-warning:focus').waitFor();
        assert.deepEqual(app.problems, []);
      }));
  }

  test('from the keyboard, signed out: the switches save through settings:set and follow settings:changed', () =>
    withApp(suite, {}, async (app, real) => {
      const { page } = app;
      await signInForm(page).waitFor();
      assert.equal(await page.locator('.status-warning').isVisible(), false, 'no warning without a problem');
      await page.getByRole('button', { name: 'Settings' }).focus();
      await page.keyboard.press('Enter');
      const dialog = settingsDialog(page);
      await dialog.waitFor();
      await dialog.getByText('Your shortcuts are set up when you sign in.').waitFor();

      const notifications = dialog.getByRole('checkbox', { name: 'Notify me of new alerting interactions' });
      const startHidden = dialog.getByRole('checkbox', { name: 'Start hidden in the tray' });
      await page.locator('#settings-notifications:focus').waitFor();
      assert.equal(await notifications.isChecked(), true);
      await page.keyboard.press('Space');
      await eventually(() => real.agent.snapshot().settings.notifications === false, 'notifications off in the core');
      const saves = app.traffic.invokes.filter((call) => call.channel === 'settings:set');
      assert.deepEqual(saves.map((call) => call.args), [[{ notifications: false }]]);
      await eventually(() => saves[0]!.result !== undefined, 'the answer');
      assert.equal((saves[0]!.result as PublicSettings).notifications, false);
      assert.equal(await notifications.isChecked(), false);
      assert.equal(await notifications.isEnabled(), true);

      // A change made elsewhere reaches the open panel through settings:changed.
      real.agent.updateSettings({ notifications: true, startHidden: true });
      await page.locator('#settings-notifications:checked').waitFor();
      await page.locator('#settings-start-hidden:checked').waitFor();

      await page.keyboard.press('Tab');
      await page.locator('#settings-start-hidden:focus').waitFor();
      await page.keyboard.press('Space');
      await eventually(() => real.agent.snapshot().settings.startHidden === false, 'start hidden off in the core');
      assert.equal(await startHidden.isChecked(), false);
      assert.deepEqual(app.traffic.invokes.filter((call) => call.channel === 'settings:set').map((call) => call.args), [
        [{ notifications: false }],
        [{ startHidden: false }],
      ]);

      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
      await page.locator('.status-settings:focus').waitFor();
      assert.deepEqual(app.problems, []);
    }));
});
