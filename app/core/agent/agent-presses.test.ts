// Presses against the real simulator: success and audit, server errors, expiry with held presses that run
// exactly once after re-login, cancellation, pending time limits, resume without a password, shortcuts.
import { after, afterEach, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { PressProgress } from '../../ipc/contract.ts';
import type { Simulator } from '../../sim/server.ts';
import { createMemoryPorts } from './memory-ports.ts';
import { agentFor, fresh, startQuietSimulator, waitFor, withSignedInAgent, type AgentUnderTest } from './testing/agent-harness.ts';

const CALL = '1001000001';
const progressOf = (t: AgentUnderTest, pressId: string) =>
  t.seen.filter((e) => e.event === 'press:progress').map((e) => e.payload as PressProgress).filter((p) => p.pressId === pressId);
const finalPhase = (t: AgentUnderTest, pressId: string) => progressOf(t, pressId).at(-1)?.phase;
const actionsFor = (sim: Simulator, buttonId: string) => sim.admin.actions().filter((a) => a.buttonId === buttonId);

describe('presses', () => {
  let sim: Simulator;
  let t: AgentUnderTest;
  before(async () => {
    sim = await startQuietSimulator();
  });
  after(() => sim.close());
  beforeEach(async () => {
    sim.admin.clearActions();
    sim.admin.clearFaults();
    t = agentFor({ pendingTtlMs: 60_000 });
    await t.signIn(sim.url);
  });
  afterEach(() => t.agent.shutdown());

  test('a click runs the handler action once and is in the audit log', async () => {
    const result = await t.agent.press({ buttonId: 'escalate', interactionId: CALL }, 'click');
    assert.equal(result.phase, 'succeeded');
    assert.equal(result.buttonId, 'Escalate', 'the catalog spelling is sent');
    assert.deepEqual(actionsFor(sim, 'Escalate').map((a) => a.interactionId), [CALL]);
    const [entry] = t.agent.auditLog();
    assert.equal(entry!.result, 'succeeded');
    assert.equal(entry!.status, 204);
    assert.equal(entry!.source, 'click');
    assert.equal(entry!.interactionId, CALL);
    assert.deepEqual(progressOf(t, result.pressId).map((p) => p.phase), ['sending', 'succeeded']);
  });

  test('403 and 400 are surfaced with the server message and audited', async () => {
    const forbidden = await t.agent.press({ buttonId: 'ForceRecord', interactionId: CALL }, 'click');
    assert.equal(forbidden.phase, 'failed');
    assert.equal(forbidden.error!.status, 403);
    assert.ok(forbidden.error!.message.length > 0);
    sim.admin.addFault({ route: 'handler-action', kind: 'status', status: 400, count: 1, message: 'Handler rejected: missing account' });
    const bad = await t.agent.press({ buttonId: 'Escalate', interactionId: CALL }, 'click');
    assert.equal(bad.error!.status, 400);
    assert.equal(bad.error!.message, 'Handler rejected: missing account');
    assert.deepEqual(t.agent.auditLog().map((e) => [e.result, e.status]), [['failed', 403], ['failed', 400]]);
    assert.equal(actionsFor(sim, 'Escalate').length, 0);
  });

  test('a press that does not apply is refused before anything is sent', async () => {
    const wrongType = await t.agent.press({ buttonId: 'Escalate', interactionId: '1001000005' }, 'click');
    assert.equal(wrongType.phase, 'failed');
    assert.equal(wrongType.error!.kind, 'validation');
    const unknown = await t.agent.press({ buttonId: 'NoSuchButton' }, 'click');
    assert.equal(unknown.error!.kind, 'validation');
    const gone = await t.agent.press({ buttonId: 'WrapUp', interactionId: 'not-in-the-list' }, 'click');
    assert.equal(gone.error!.kind, 'validation');
    assert.equal(sim.admin.actions().length, 0);
  });

  test('a press whose answer is lost after the handler ran is failed, never resent', async () => {
    sim.admin.addFault({ route: 'handler-action', kind: 'drop', count: 1, phase: 'after' });
    const result = await t.agent.press({ buttonId: 'Escalate', interactionId: CALL }, 'click');
    assert.equal(result.phase, 'failed');
    assert.equal(result.error!.kind, 'network');
    assert.equal(result.error!.retrySafe, false);
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(actionsFor(sim, 'Escalate').length, 1, 'the server ran it once and nobody sent it again');
  });

  test('ten presses failing with 401 together give one re-login request; each runs once after re-login', async () => {
    sim.admin.expireSessions();
    const results = await Promise.all(
      Array.from({ length: 10 }, () => t.agent.press({ buttonId: 'RequestBreak' }, 'click')),
    );
    assert.deepEqual(new Set(results.map((r) => r.phase)), new Set(['pending']));
    await waitFor(() => t.agent.snapshot().session.state === 'expired', 'expired');
    assert.equal(t.count('relogin:required'), 1);
    assert.equal(t.agent.snapshot().pending.length, 10);

    await t.signIn(sim.url);
    await waitFor(() => t.agent.snapshot().pending.length === 0, 'the held presses to run');
    await waitFor(() => results.every((r) => finalPhase(t, r.pressId) === 'succeeded'), 'every press to succeed');
    assert.equal(actionsFor(sim, 'RequestBreak').length, 10, 'each exactly once');
    assert.equal(t.count('relogin:required'), 1);
  });

  test('a press made while expired runs exactly once after re-login; a cancelled one never runs', async () => {
    sim.admin.expireSessions();
    const first = await t.agent.press({ buttonId: 'Escalate', interactionId: CALL }, 'shortcut');
    assert.equal(first.phase, 'pending');
    await waitFor(() => t.agent.snapshot().session.state === 'expired', 'expired');
    const kept = await t.agent.press({ buttonId: 'CrmLookup', interactionId: CALL }, 'click');
    const cancelled = await t.agent.press({ buttonId: 'WrapUp', interactionId: CALL }, 'click');
    assert.equal(kept.phase, 'pending', 'made during expiry: held without being sent');
    assert.equal(t.agent.cancelPending(cancelled.pressId), true);
    assert.equal(t.agent.cancelPending(cancelled.pressId), false, 'cancelling twice does nothing');

    await t.signIn(sim.url);
    await waitFor(() => finalPhase(t, kept.pressId) === 'succeeded', 'the held press');
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.equal(actionsFor(sim, 'Escalate').length, 1);
    assert.equal(actionsFor(sim, 'CrmLookup').length, 1);
    assert.equal(actionsFor(sim, 'WrapUp').length, 0, 'the cancelled press never reached the server');
    assert.equal(finalPhase(t, cancelled.pressId), 'cancelled');
    const audit = t.agent.auditLog().map((e) => `${e.buttonId}:${e.result}`);
    assert.deepEqual(audit.sort(), ['CrmLookup:succeeded', 'Escalate:succeeded', 'WrapUp:cancelled']);
  });

  test('a press whose 401 arrives after the agent already signed in again runs on the new session', async () => {
    sim.admin.addFault({ route: 'handler-action', kind: 'delay', ms: 1500, count: 1 });
    const inFlight = t.agent.press({ buttonId: 'RequestBreak' }, 'click');
    await new Promise((resolve) => setTimeout(resolve, 30));
    sim.admin.expireSessions();
    await waitFor(() => t.agent.snapshot().session.state === 'expired', 'the stream to find the expiry');
    await t.signIn(sim.url);
    const signedInAgain = t.seen.length;
    const held = await inFlight;
    assert.equal(held.phase, 'pending', 'the old session answered 401');
    assert.ok(
      t.seen.findIndex((e) => e.event === 'press:progress' && (e.payload as PressProgress).phase === 'pending') >= signedInAgain,
      'the 401 arrived after the new session was up: the case under test',
    );
    await waitFor(() => finalPhase(t, held.pressId) === 'succeeded', 'the press on the new session');
    assert.equal(actionsFor(sim, 'RequestBreak').length, 1);
  });

  test('a held press whose interaction is gone after re-login is dropped, not sent', async () => {
    sim.admin.expireSessions();
    const press = await t.agent.press({ buttonId: 'WrapUp', interactionId: '1001000004' }, 'click');
    assert.equal(press.phase, 'pending');
    sim.admin.removeInteraction('1001000004');
    await t.signIn(sim.url);
    await waitFor(() => finalPhase(t, press.pressId) === 'dropped', 'the drop');
    assert.match(progressOf(t, press.pressId).at(-1)!.error!.message, /no longer in your list/);
    assert.equal(actionsFor(sim, 'WrapUp').length, 0);
  });

  test('after re-login the subscriptions are new: later changes still arrive', async () => {
    sim.admin.expireSessions();
    await t.agent.press({ buttonId: 'RequestBreak' }, 'click');
    await waitFor(() => t.agent.snapshot().session.state === 'expired', 'expired');
    await t.signIn(sim.url);
    sim.admin.changeInteraction('1001000002', { Eic_State: 'C' });
    await waitFor(() => t.agent.snapshot().interactions.find((v) => v.id === '1001000002')?.state === 'connected', 'a delta');
  });
});

test('pending presses older than the limit are dropped with a reason and never sent', () =>
  withSignedInAgent({ agent: { pendingTtlMs: 200 } }, async (t, sim) => {
    sim.admin.expireSessions();
    const press = await t.agent.press({ buttonId: 'RequestBreak' }, 'click');
    assert.equal(press.phase, 'pending');
    await waitFor(() => finalPhase(t, press.pressId) === 'dropped', 'the time limit');
    assert.match(progressOf(t, press.pressId).at(-1)!.error!.message, /time limit/);
    await t.signIn(sim.url);
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.equal(sim.admin.actions().length, 0);
    assert.equal(t.agent.auditLog().at(-1)!.result, 'dropped');
  }));

test('a restart resumes a live session from stored credentials without the password', () => {
  const ports = createMemoryPorts();
  return withSignedInAgent({ agent: { ports } }, async (first, sim) => {
    const stored = await ports.credentials.load();
    assert.ok(stored && stored.csrfToken && stored.cookie.startsWith(`icws_${stored.sessionId}=`));
    // A second app instance with the same stores: as after a crash, nobody signed out.
    const second = agentFor({ ports });
    assert.equal(await second.agent.resume(), true);
    await waitFor(() => fresh(second.agent), 'the resumed session');
    assert.equal(second.agent.snapshot().interactions.length, first.agent.snapshot().interactions.length);
    // A copy of the same credentials, once the server has ended that session, resumes nothing.
    const copy = createMemoryPorts();
    await copy.credentials.save(stored);
    await second.agent.shutdown();
    sim.admin.expireSessions();
    const third = agentFor({ ports: copy });
    assert.equal(await third.agent.resume(), false, 'a dead session is not resumed');
    assert.equal(await copy.credentials.load(), null, 'and its credentials are forgotten');
  });
});

test('shortcut slots press the buttons of the selected interaction, through the same runner', () =>
  withSignedInAgent({}, async (t, sim) => {
    t.agent.setFocusedInteraction('1001000004');
    const statuses = t.agent.snapshot().shortcuts;
    const slot1 = statuses.find((s) => s.action.kind === 'button-slot' && s.action.slot === 1)!;
    assert.equal(slot1.registered, true);
    assert.equal(slot1.buttonId, 'Escalate');
    assert.equal(t.agent.snapshot().buttons.all.find((b) => b.id === 'Escalate')!.shortcut, slot1.accelerator);
    assert.equal(t.ports.shortcuts.trigger(slot1.accelerator), true);
    await waitFor(() => sim.admin.actions().length === 1, 'the shortcut press');
    assert.deepEqual(sim.admin.actions().map((a) => [a.buttonId, a.interactionId]), [['Escalate', '1001000004']]);
    assert.equal(t.agent.auditLog()[0]!.source, 'shortcut');
    await t.agent.signOut();
    assert.deepEqual(t.ports.shortcuts.registered(), [], 'sign-out releases every shortcut');
  }));
