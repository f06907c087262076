// The agent core when things go wrong in awkward ways: racing sign-ins, a server that keeps refusing, a
// switchover noticed while reconnecting, another agent signing in, a server sign-out, lost messages, a
// server that never pings, a stream that never starts, failures during a reconnect, a failed sign-in on a
// working session, key repeat, and secrets in error objects.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inspect } from 'node:util';
import type { PressProgress } from '../../ipc/contract.ts';
import { createIcwsClient } from '../icws/client.ts';
import { QUEUE_CONTENTS_TYPE } from '../icws/wire-types.ts';
import { QUEUE_SUBSCRIPTION_ID } from '../session/live-session.ts';
import { createAgent } from './agent.ts';
import { createMemoryPorts } from './memory-ports.ts';
import type { PasswordVault } from './ports.ts';
import { startSimulator } from '../../sim/server.ts';
import { AGENT1, agentFor, fresh, quietScenario, startQuietSimulator, waitFor, withSignedInAgent, type AgentUnderTest } from './testing/agent-harness.ts';
import { startRecordingProxy } from './testing/recording-proxy.ts';

const states = (t: AgentUnderTest, from = 0) =>
  t.seen.slice(from).filter((e) => e.event === 'session:changed').map((e) => e.payload as { state: string; stale: boolean; reason: string | null });
const phasesOf = (t: AgentUnderTest, pressId: string) =>
  t.seen.filter((e) => e.event === 'press:progress').map((e) => e.payload as PressProgress).filter((p) => p.pressId === pressId);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test('two sign-ins at once leave one live session, up and fresh', () =>
  withSignedInAgent({ signIn: false }, async (t, sim) => {
    const results = await Promise.all([t.agent.signIn({ server: sim.url, ...AGENT1 }), t.agent.signIn({ server: sim.url, ...AGENT1 })]);
    assert.deepEqual(results.map((r) => r.ok), [true, true]);
    await waitFor(() => fresh(t.agent), 'a fresh list');
    assert.equal(sim.admin.sessions().filter((s) => s.alive).length, 1, 'the replaced session was signed out');
    assert.equal((await t.agent.press({ buttonId: 'RequestBreak' }, 'click')).phase, 'succeeded');
  }));

test('a server that keeps refusing the subscription is retried with growing delays, and says why', async () => {
  const sim = await startQuietSimulator();
  const ports = createMemoryPorts();
  const agent = createAgent({ ...ports, backoff: { baseMs: 100, capMs: 400 } });
  const seen: string[] = [];
  agent.on('session:changed', (session) => seen.push(session.state));
  try {
    sim.admin.addFault({ route: 'queue-subscription', kind: 'status', status: 403, message: 'No right to view this queue' });
    assert.equal((await agent.signIn({ server: sim.url, ...AGENT1 })).ok, true);
    await sleep(1500);
    const attempts = seen.filter((state) => state === 'reconnecting').length;
    // Without growing delays this is some 15 attempts; with them, about 5.
    assert.ok(attempts >= 2 && attempts <= 8, `reconnect attempts in 1.5 s: ${attempts}`);
    assert.match(agent.snapshot().session.reason ?? '', /No right to view this queue/);
    sim.admin.clearFaults();
    await waitFor(() => fresh(agent), 'recovery once the server accepts', 5000);
  } finally {
    await agent.shutdown();
    await sim.close();
  }
});

test('a 503 while reconnecting means switchover: the session expires so that signing in reaches the new server', () =>
  withSignedInAgent({}, async (t, sim) => {
    sim.admin.addFault({ route: 'session', kind: 'status', status: 503 });
    sim.admin.cutStreams();
    await waitFor(() => t.agent.snapshot().session.state === 'expired', 'the expiry');
    assert.match(t.agent.snapshot().session.reason ?? '', /switching over/);
    assert.equal(t.count('relogin:required'), 1);
  }));

test('a server unreachable for several attempts, which named alternates, asks to sign in again to reach them', async () => {
  const sim = await startQuietSimulator({ alternateHosts: ['127.0.0.2'] });
  const t = agentFor();
  try {
    await t.signIn(sim.url);
    await sim.admin.stopListening();
    sim.admin.cutStreams();
    await waitFor(() => t.agent.snapshot().session.state === 'expired', 'the expiry', 8000);
    assert.match(t.agent.snapshot().session.reason ?? '', /alternate \(127\.0\.0\.2\)/);
    assert.ok(states(t).filter((s) => s.state === 'reconnecting').length >= 5);
  } finally {
    await t.agent.shutdown();
    await sim.admin.resumeListening();
    await sim.close();
  }
});

test("a press in flight when another agent signs in is dropped, never sent with the other agent's session", () =>
  withSignedInAgent({}, async (t, sim) => {
    sim.admin.addFault({ route: 'handler-action', kind: 'delay', ms: 1500, count: 1 });
    const inFlight = t.agent.press({ buttonId: 'RequestBreak' }, 'click');
    await sleep(30);
    sim.admin.expireSessions();
    await waitFor(() => t.agent.snapshot().session.state === 'expired', 'the expiry');
    const other = await t.agent.signIn({ server: sim.url, userId: 'agent2', password: 'agent2' });
    assert.equal(other.ok, true);
    const press = await inFlight;
    await waitFor(() => phasesOf(t, press.pressId).at(-1)?.phase === 'dropped', 'the drop');
    assert.match(phasesOf(t, press.pressId).at(-1)!.error!.message, /different user/);
    await sleep(200);
    assert.deepEqual(sim.admin.actions(), []);
  }));

test('signed out by the server: shortcuts released, list gone, and a press in flight is dropped, not held', () =>
  withSignedInAgent({}, async (t, sim) => {
    assert.ok(t.ports.shortcuts.registered().length > 0);
    sim.admin.addFault({ route: 'handler-action', kind: 'delay', ms: 800, count: 1 });
    const inFlight = t.agent.press({ buttonId: 'RequestBreak' }, 'click');
    await sleep(30);
    sim.admin.pushConnectionState({ newConnectionState: 2, reason: 'Logged off by a supervisor', shouldReconnect: false });
    await waitFor(() => t.agent.snapshot().session.state === 'signed-out-by-server', 'the server sign-out');
    assert.deepEqual(t.ports.shortcuts.registered(), [], 'no global shortcut stays registered');
    assert.equal(t.ports.shortcuts.trigger('CommandOrControl+Alt+1'), false);
    assert.deepEqual(t.agent.snapshot().interactions, []);
    const press = await inFlight;
    assert.equal(press.phase, 'dropped', 'nothing may run later from a session the server ended');
    assert.deepEqual(t.agent.snapshot().pending, []);
    await t.signIn(sim.url);
    await sleep(200);
    assert.deepEqual(sim.admin.actions(), []);
  }));

test('a shortcut whose selected interaction has left the list does nothing', () =>
  withSignedInAgent({}, async (t, sim) => {
    t.agent.setFocusedInteraction('1001000004');
    sim.admin.removeInteraction('1001000004');
    await waitFor(() => !t.agent.snapshot().interactions.some((v) => v.id === '1001000004'), 'the removal');
    assert.equal(await t.agent.pressSlot(1), null);
    assert.deepEqual(sim.admin.actions(), []);
    t.agent.setFocusedInteraction(null);
    // Nothing selected: the newest active interaction by start time (the alerting call began 12 s ago).
    const press = await t.agent.pressSlot(1);
    assert.equal(press?.interactionId, '1001000002');
  }));

test('lost messages of ours, readable or not, ask for a fresh snapshot; a burst asks once', async () => {
  const sim = await startQuietSimulator();
  const proxy = await startRecordingProxy(sim);
  const t = agentFor();
  const queuePuts = () => proxy.count('PUT', /\/messaging\/subscriptions\/queues\//);
  try {
    await t.signIn(proxy.url);
    assert.equal(queuePuts(), 1);
    const broken = JSON.stringify({ __type: QUEUE_CONTENTS_TYPE, subscriptionId: QUEUE_SUBSCRIPTION_ID, isDelta: true, interactionsAdded: 'lost' });
    const truncated = '{"__type":"urn:inin.com:queues:queueContentsMessage","subscriptionId":"my-interactions","isDelta":true,"interactionsRemo';
    sim.admin.pushRawEvents([...Array.from({ length: 25 }, () => broken), ...Array.from({ length: 25 }, () => truncated)]);
    await waitFor(() => queuePuts() === 2, 'one resubscription');
    await waitFor(() => fresh(t.agent), 'the fresh snapshot');
    await sleep(2500);
    assert.equal(queuePuts(), 2, 'the burst asked once');
    assert.deepEqual(
      t.agent.snapshot().interactions.map((v) => v.id).sort(),
      sim.admin.interactions('agent1').map((i) => i.interactionId).sort(),
    );
    // A catalog message the catalog cannot use asks as well.
    sim.admin.pushRawEvents([JSON.stringify({ __type: 'urn:inin.com:configuration.people:clientButtonsMessage', subscriptionId: 'client-buttons', isDelta: true, added: 'x' })]);
    await waitFor(() => queuePuts() === 3, 'a resubscription for the catalog');
  } finally {
    await t.agent.shutdown();
    await proxy.close();
    await sim.close();
  }
});

test('a server that never pings keeps its quiet stream: a heartbeat checks it instead of reconnecting', () =>
  withSignedInAgent({ sim: { ssePingIntervalMs: 0 }, agent: { stallMs: 200 } }, async (t, sim) => {
    const from = t.seen.length;
    await sleep(900);
    assert.deepEqual(states(t, from).map((s) => s.state), [], 'no reconnect over four quiet periods');
    sim.admin.changeInteraction('1001000002', { Eic_State: 'C' });
    await waitFor(() => t.agent.snapshot().interactions.find((v) => v.id === '1001000002')?.state === 'connected', 'a delta');
    // The heartbeat, not the stream, is what hears the 401 here.
    sim.admin.addFault({ route: 'heartbeat', kind: 'status', status: 401 });
    await waitFor(() => t.agent.snapshot().session.state === 'expired', 'the heartbeat finding the expiry');
    assert.equal(t.count('relogin:required'), 1);
  }));

test('a stream whose answer never starts is given up and reopened, even on a server that pings', () =>
  withSignedInAgent({ signIn: false, agent: { stallMs: 300 } }, async (t, sim) => {
    sim.admin.addFault({ route: 'messages', kind: 'delay', ms: 10_000, count: 1 });
    assert.equal((await t.agent.signIn({ server: sim.url, ...AGENT1 })).ok, true);
    // Given up at the first quiet period (300 ms), not after the heartbeat allowance (8 × 300 ms).
    await waitFor(() => fresh(t.agent), 'a fresh list over a second stream', 1500);
    assert.ok(states(t).some((s) => s.state === 'reconnecting'));
  }));

test('a press failing while a reconnect attempt is under way does not start a second one', () =>
  withSignedInAgent({}, async (t, sim) => {
    // The press hangs, then its connection drops (it may have reached the server); meanwhile the stream is
    // cut and the reconnect attempt's GET connection is slow, so the press fails during the attempt.
    sim.admin.addFault({ route: 'handler-action', kind: 'delay', ms: 400, count: 1 });
    sim.admin.addFault({ route: 'handler-action', kind: 'drop', count: 1 });
    sim.admin.addFault({ route: 'session', kind: 'delay', ms: 700, count: 1 });
    const press = t.agent.press({ buttonId: 'RequestBreak' }, 'click');
    await sleep(30);
    sim.admin.cutStreams();
    assert.equal((await press).phase, 'failed');
    await waitFor(() => fresh(t.agent), 'the reconnect');
    await sleep(600);
    assert.equal(fresh(t.agent), true, 'still up and fresh: no second attempt tore it down');
    const moves = states(t).map((s) => s.state).filter((state, i, all) => state !== all[i - 1]);
    assert.deepEqual(moves.slice(-2), ['reconnecting', 'up']);
  }));

test('a failed sign-in on top of a working session leaves it working', () =>
  withSignedInAgent({}, async (t, sim) => {
    const wrong = await t.agent.signIn({ server: sim.url, userId: 'agent1', password: 'wrong' });
    assert.equal(wrong.ok, false);
    await waitFor(() => fresh(t.agent), 'the old session back');
    assert.ok(t.ports.shortcuts.registered().length > 0);
    assert.equal((await t.agent.press({ buttonId: 'RequestBreak' }, 'click')).phase, 'succeeded');
    assert.equal(sim.admin.sessions().filter((s) => s.alive).length, 1);
  }));

test('a held-down shortcut key repeating is one press', () =>
  withSignedInAgent({}, async (t, sim) => {
    t.agent.setFocusedInteraction('1001000004');
    for (let i = 0; i < 5; i++) t.ports.shortcuts.trigger('CommandOrControl+Alt+1');
    await waitFor(() => sim.admin.actions().length === 1, 'the press');
    await sleep(500);
    assert.equal(sim.admin.actions().length, 1);
    t.ports.shortcuts.trigger('CommandOrControl+Alt+1');
    await waitFor(() => sim.admin.actions().length === 2, 'a deliberate second press, later');
  }));

test('polling stops for good once the server ends the session', async () => {
  const scenario = quietScenario((s) => ({ ...s, features: { ...s.features, messaging: 1 } }));
  const sim = await startSimulator({ scenario });
  const proxy = await startRecordingProxy(sim);
  const t = agentFor();
  const polls = () => proxy.count('GET', /\/messaging\/messages$/);
  try {
    await t.signIn(proxy.url);
    sim.admin.pushConnectionState({ newConnectionState: 2, reason: 'Logged off', shouldReconnect: false });
    await waitFor(() => t.agent.snapshot().session.state === 'signed-out-by-server', 'the server sign-out');
    const after = polls();
    await sleep(300);
    assert.equal(polls(), after, 'no poll after the channel stopped');
  } finally {
    await t.agent.shutdown();
    await proxy.close();
    await sim.close();
  }
});

test('a remembered password is found again however the address and user were typed', async () => {
  const sim = await startQuietSimulator();
  const saved = new Map<string, string>();
  const vault: PasswordVault = {
    availability: () => ({ ok: true }),
    load: async (server, userId) => saved.get(`${server}|${userId}`) ?? null,
    save: async (server, userId, password) => void saved.set(`${server}|${userId}`, password),
    clear: async () => saved.clear(),
  };
  const ports = { ...createMemoryPorts(), passwords: vault };
  const first = createAgent(ports);
  let second: ReturnType<typeof createAgent> | null = null;
  try {
    const typed = `${sim.url.replace('http://', 'HTTP://')}/`;
    assert.equal((await first.signIn({ server: typed, userId: 'agent1', password: 'agent1', remember: true })).ok, true);
    await first.shutdown();
    // The next launch: same settings and vault, no stored session.
    second = createAgent({ ...ports, credentials: createMemoryPorts().credentials });
    assert.equal(await second.resume(), true, 'the remembered password signed in');
    assert.equal(second.snapshot().session.state, 'up');
  } finally {
    await first.shutdown();
    await second?.shutdown();
    await sim.close();
  }
});

test('errors do not carry the password, the cookie or the CSRF token', async () => {
  const sim = await startQuietSimulator();
  const url = sim.url;
  await sim.close();
  const client = createIcwsClient();
  const error = await client.login({ server: url, userId: 'agent1', password: 'S3cret-in-a-body', applicationName: 'a', language: 'en' }).catch((e: unknown) => e);
  const text = inspect(error, { depth: 20, showHidden: true });
  assert.match(text, /not sent/);
  assert.doesNotMatch(text, /S3cret-in-a-body/);
  const session = {
    server: url, sessionId: '1', csrfToken: 'csrf-secret-value', cookie: 'icws_1=cookie-secret-value', userId: 'agent1',
    userDisplayName: null, icServer: null, language: 'en', alternateHosts: [], version: null, features: [{ featureId: 'client-buttons', version: 3 }],
  };
  const pressError = await client.handlerAction(session, { buttonId: 'B' }).catch((e: unknown) => e);
  const pressText = inspect(pressError, { depth: 20, showHidden: true });
  assert.doesNotMatch(pressText, /csrf-secret-value|cookie-secret-value/);
});
