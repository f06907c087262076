// The desktop app end to end: the built main process, preload and renderer in a real Electron, against the
// simulator over loopback. Skips, with one line saying why, where no Electron binary is installed.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Frame } from 'playwright';
import type { AgentApi, PressProgress, SignInResult } from '../../app/ipc/contract.ts';
import { ROOT } from '../../build/bundle.ts';
import { quietScenario } from '../../app/core/agent/testing/agent-harness.ts';
import { startSimulator, type Simulator } from '../../app/sim/server.ts';
import { findElectronBinary } from './electron-binary.ts';
import { eventually, launchApp, type LaunchedApp } from './launch.ts';

const binary = findElectronBinary(ROOT);
const skip = 'missing' in binary ? `Electron e2e skipped: ${binary.missing}` : false;
const CALL = '1001000001';

type PageGlobals = { agent: AgentApi; __seen: { channel: string; payload: unknown }[] };

describe('Electron app', { skip }, () => {
  describe('signed in against the simulator', () => {
    let sim: Simulator;
    let it: LaunchedApp;
    const executable = 'path' in binary ? binary.path : '';

    const invoke = (channel: string, ...args: unknown[]) =>
      it.page.evaluate(([c, a]) => ((globalThis as unknown as PageGlobals).agent.invoke as (c: string, ...a: unknown[]) => Promise<unknown>)(c, ...a), [channel, args] as const);
    const seen = (channel: string) =>
      it.page.evaluate((c) => (globalThis as unknown as PageGlobals).__seen.filter((e) => e.channel === c).map((e) => e.payload), channel);

    before(async () => {
      sim = await startSimulator({ scenario: quietScenario() });
      it = await launchApp(executable, { settings: { server: sim.url, userId: 'agent1' } });
      // Record renderer-bound events through the real preload.
      await it.page.evaluate(() => {
        const g = globalThis as unknown as PageGlobals;
        g.__seen = [];
        for (const channel of ['session:changed', 'relogin:required', 'press:progress', 'shortcuts:changed'] as const) {
          g.agent.on(channel, (payload) => g.__seen.push({ channel, payload }));
        }
      });
    });
    after(async () => {
      await it?.close();
      await sim?.close();
    });

    test('the page is sandboxed: no Node, only window.agent, and it cannot navigate away', async () => {
      const globals = await it.page.evaluate(() => ({
        require: typeof (globalThis as { require?: unknown }).require,
        process: typeof (globalThis as { process?: unknown }).process,
        agent: Object.keys((globalThis as unknown as PageGlobals).agent).sort(),
      }));
      assert.deepEqual(globals, { require: 'undefined', process: 'undefined', agent: ['invoke', 'on'] });
      // A real page on loopback (the simulator), so nothing here depends on a network outside this machine.
      const target = new URL('/icws/connection/version', sim.url).href;
      const navigated: string[] = [];
      const onNavigated = (frame: Frame) => navigated.push(frame.url());
      it.page.on('framenavigated', onNavigated);
      try {
        const before = (await it.refusedNavigations()).length;
        await it.page.evaluate((url) => ((globalThis as unknown as { location: { href: string } }).location.href = url), target);
        // The main process reports the refusal itself, so this waits for the fact instead of sleeping.
        const refused = await eventually(() => it.refusedNavigations(), (list) => list.length > before, 'the refused navigation');
        assert.equal(refused.at(-1), target);
        assert.deepEqual(navigated, [], 'no frame navigated');
        assert.match(it.page.url(), /^app:\/\/renderer\//);
        assert.equal(await it.page.evaluate(() => typeof (globalThis as unknown as PageGlobals).agent), 'object', 'the same page, still running');
      } finally {
        it.page.off('framenavigated', onNavigated);
      }
      assert.equal((await it.tray()).icon, 'signed-out');
    });

    test('sign-in through window.agent: session up, tray signed in, shortcuts registered', async () => {
      const result = (await invoke('session:sign-in', { server: sim.url, userId: 'agent1', password: 'agent1' })) as SignInResult;
      assert.equal(result.ok, true, JSON.stringify(result));
      const tray = await eventually(() => it.tray(), (view) => view.icon === 'signed-in', 'the signed-in tray');
      assert.match(tray.tooltip, /Agent One|agent1/);
      assert.ok(tray.menu.some((item) => item.id === `interaction:${CALL}`), 'the call is in the tray menu');
      const shortcuts = await eventually(() => it.shortcuts(), (list) => list.length > 0, 'shortcut statuses');
      assert.equal(shortcuts.length, 10);
      for (const status of shortcuts) assert.ok(status.registered, `${status.accelerator}: ${status.error ?? (status.conflict ? 'conflict' : 'not registered')}`);
    });

    test('a press from the page and one from the tray each run the handler action once', async () => {
      sim.admin.clearActions();
      const progress = (await invoke('press:run', { buttonId: 'Escalate', interactionId: CALL })) as PressProgress;
      assert.equal(progress.phase, 'succeeded', JSON.stringify(progress.error));
      assert.equal(await it.clickTray(`press:${CALL}:WrapUp`), true);
      await eventually(async () => sim.admin.actions().length, (n) => n === 2, 'both handler actions');
      assert.deepEqual(sim.admin.actions().map((a) => a.buttonId).sort(), ['Escalate', 'WrapUp']);
    });

    test('401: the tray shows expired, a press waits, and runs once after re-login', async () => {
      sim.admin.clearActions();
      sim.admin.expireSessions();
      const held = invoke('press:run', { buttonId: 'Escalate', interactionId: CALL });
      await eventually(() => seen('relogin:required'), (list) => list.length > 0, 'the re-login request');
      await eventually(() => it.tray(), (view) => view.icon === 'expired', 'the expired tray');
      assert.equal(sim.admin.actions().length, 0, 'nothing sent while expired');
      const again = (await invoke('session:sign-in', { server: sim.url, userId: 'agent1', password: 'agent1' })) as SignInResult;
      assert.equal(again.ok, true);
      await held;
      await eventually(async () => sim.admin.actions().length, (n) => n === 1, 'the held press, once');
      await eventually(() => it.tray(), (view) => view.icon === 'signed-in', 'signed in again');
    });

    test('sign-out releases the shortcuts and the tray says signed out', async () => {
      await invoke('session:sign-out');
      await eventually(() => it.tray(), (view) => view.icon === 'signed-out', 'the signed-out tray');
      const shortcuts = await it.shortcuts();
      assert.ok(shortcuts.every((status) => !status.registered));
    });
  });

  describe('demo mode', () => {
    test('with nothing configured the app signs in to its built-in simulator', async () => {
      const it = await launchApp('path' in binary ? binary.path : '');
      try {
        const demo = await it.demoServer();
        assert.match(demo ?? '', /^http:\/\/127\.0\.0\.1:\d+$/);
        const tray = await eventually(() => it.tray(), (view) => view.icon === 'signed-in', 'the demo session');
        assert.match(tray.tooltip, /demo/);
      } finally {
        await it.close();
      }
    });
  });
});
