// The live session over real HTTP: snapshot and deltas, button matching, both message transports,
// stream cuts, server restarts and switchover.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { iconBytes } from '../../sim/icons.ts';
import type { Simulator } from '../../sim/server.ts';
import { QUEUE_CONTENTS_TYPE } from '../icws/wire-types.ts';
import { QUEUE_SUBSCRIPTION_ID } from '../session/live-session.ts';
import { agentFor, fresh, quietScenario, startQuietSimulator, waitFor, withSignedInAgent, type AgentUnderTest } from './testing/agent-harness.ts';

const ids = (t: AgentUnderTest) => t.agent.snapshot().interactions.map((view) => view.id).sort();
const view = (t: AgentUnderTest, id: string) => t.agent.snapshot().interactions.find((v) => v.id === id);
/** The session states the agent reported after event number `from`. */
const sessionStates = (t: AgentUnderTest, from = 0) =>
  t.seen.slice(from).filter((e) => e.event === 'session:changed').map((e) => (e.payload as { state: string }).state);
const simIds = (sim: Simulator) => sim.admin.interactions('agent1').map((i) => i.interactionId).sort();

describe('interactions and buttons', () => {
  let sim: Simulator;
  let t: AgentUnderTest;
  before(async () => {
    sim = await startQuietSimulator();
    t = agentFor();
    await t.signIn(sim.url);
  });
  after(async () => {
    await t.agent.shutdown();
    await sim.close();
  });

  test('the initial snapshot holds every interaction of the agent queue', () => {
    assert.deepEqual(ids(t), simIds(sim));
    const call = view(t, '1001000001')!;
    assert.equal(call.type, 'call');
    assert.equal(call.remoteName, 'Jane Doe');
    assert.equal(call.state, 'connected');
    assert.equal(call.direction, 'inbound');
    assert.ok(call.startedAt !== null && call.startedAt < Date.now());
  });

  test('added, changed and removed interactions arrive as deltas', async () => {
    sim.admin.addInteraction('agent1', {
      interactionId: '2002000001',
      attributes: { Eic_ObjectType: 'Call', Eic_State: 'A', Eic_RemoteName: 'New Caller', Eic_CallDirection: 'I' },
    });
    await waitFor(() => view(t, '2002000001') !== undefined, 'the added interaction');
    assert.equal(view(t, '2002000001')!.alerting, true);
    assert.equal(t.count('notify') >= 1, true, 'a new alerting interaction notifies');

    sim.admin.changeInteraction('2002000001', { Eic_State: 'H', Eic_CallStateString: 'On Hold' });
    await waitFor(() => view(t, '2002000001')?.state === 'held', 'the change');
    const held = view(t, '2002000001')!;
    assert.equal(held.held, true);
    assert.equal(held.remoteName, 'New Caller', 'a delta keeps the attributes it omits');

    sim.admin.removeInteraction('2002000001');
    await waitFor(() => view(t, '2002000001') === undefined, 'the removal');
    assert.deepEqual(ids(t), simIds(sim));
  });

  test('buttons follow enabled, locations, interaction types and availability', () => {
    const buttonsOf = (id: string) => view(t, id)!.buttons;
    // 1001000001 connected call; 1001000004 chat; 1001000005 email.
    assert.deepEqual(buttonsOf('1001000001'), ['Escalate', 'WrapUp', 'CrmLookup', 'ForceRecord']);
    assert.deepEqual(buttonsOf('1001000004'), ['Escalate', 'WrapUp', 'CrmLookup']);
    assert.deepEqual(buttonsOf('1001000005'), ['WrapUp', 'CrmLookup']);
    const { buttons } = t.agent.snapshot();
    assert.deepEqual(buttons.none, ['RequestBreak'], 'queue toolbar buttons with availability Always');
    assert.equal(buttons.all.some((b) => b.id === 'LegacySurvey'), false, 'a disabled button is never shown');
    assert.equal(buttons.all.find((b) => b.id === 'Escalate')!.tooltip, 'Escalate this interaction to a supervisor');
  });

  test("a button's icon on the server reaches the window as inline data, never as a remote address", async () => {
    const crm = () => t.agent.snapshot().buttons.all.find((b) => b.id === 'CrmLookup')!;
    await waitFor(() => crm().iconUri !== null, 'the icon');
    assert.equal(crm().iconUri, `data:image/png;base64,${iconBytes().toString('base64')}`);
    assert.equal(t.agent.snapshot().buttons.all.find((b) => b.id === 'Escalate')!.iconUri, null, 'no icon configured');
  });

  test('availability 1 needs an active interaction; a disconnected one loses those buttons', async () => {
    sim.admin.changeInteraction('1001000003', { Eic_State: 'E' });
    await waitFor(() => view(t, '1001000003')?.active === false, 'the disconnect');
    assert.deepEqual(view(t, '1001000003')!.buttons, ['WrapUp', 'CrmLookup']);
  });

  test('a button added and removed on the server appears and disappears', async () => {
    sim.admin.putButton({
      configurationId: { id: 'Transfer', displayName: 'Transfer' },
      buttonText: { defaultValue: 'Transfer' },
      availability: 0,
      interactionTypes: [0],
      locations: [0, 1],
      enabled: true,
    });
    await waitFor(() => t.agent.snapshot().buttons.none.includes('Transfer'), 'the new button');
    sim.admin.removeButton('Transfer');
    await waitFor(() => !t.agent.snapshot().buttons.all.some((b) => b.id === 'Transfer'), 'the removed button');
  });
});

describe('message transports and interruptions', () => {
  test('short polling when the server has messaging below 2', () => {
    const scenario = quietScenario((s) => ({ ...s, features: { ...s.features, messaging: 1 } }));
    return withSignedInAgent({ sim: { scenario } }, async (t, sim) => {
      sim.admin.changeInteraction('1001000002', { Eic_State: 'C' });
      await waitFor(() => view(t, '1001000002')?.state === 'connected', 'a polled delta');
      assert.equal(sim.admin.cutStreams(), 0, 'no SSE stream was opened');
    });
  });

  test('an SSE stream cut mid-message is reopened and the list resynchronised', () =>
    withSignedInAgent({}, async (t, sim) => {
      const malformedBefore = t.agent.diagnostics().malformedMessages;
      const seenBefore = t.seen.length;
      sim.admin.changeInteraction('1001000002', { Eic_State: 'C' });
      // Cut while an event is half written: the half event must be dropped, never parsed or half applied.
      assert.ok(sim.admin.cutStreams({ midMessage: true }) >= 1);
      await waitFor(() => sessionStates(t, seenBefore).includes('reconnecting'), 'the cut to be noticed');
      await waitFor(() => fresh(t.agent), 'the resync');
      assert.equal(t.agent.diagnostics().malformedMessages, malformedBefore, 'the half event was not dispatched');
      sim.admin.changeInteraction('1001000004', { Eic_State: 'H' });
      await waitFor(() => view(t, '1001000004')?.state === 'held', 'deltas after the reconnect');
      assert.equal(view(t, '1001000002')!.state, 'connected');
      assert.deepEqual(ids(t), simIds(sim));
      assert.equal(t.count('relogin:required'), 0, 'a network cut is not an expiry');
    }));

  test('a stream that goes silent is detected as stalled and reopened', () =>
    withSignedInAgent({ sim: { ssePingIntervalMs: 60_000 }, agent: { stallMs: 300 } }, async (t, sim) => {
      await waitFor(() => sessionStates(t).includes('reconnecting'), 'the stall to be noticed');
      await waitFor(() => fresh(t.agent), 'the reopened stream');
      sim.admin.changeInteraction('1001000002', { Eic_State: 'C' });
      await waitFor(() => view(t, '1001000002')?.state === 'connected', 'deltas on the new stream');
      assert.equal(t.count('relogin:required'), 0);
    }));

  test('hundreds of malformed messages are counted and skipped; the store and the session are unharmed', () =>
    withSignedInAgent({}, async (t, sim) => {
      const before = JSON.stringify(t.agent.rawInteractions());
      const queue = (extra: object) => JSON.stringify({ __type: QUEUE_CONTENTS_TYPE, subscriptionId: QUEUE_SUBSCRIPTION_ID, ...extra });
      const garbage: string[] = [];
      for (let i = 0; i < 40; i++) {
        garbage.push(
          'not json at all',
          '{"__type":"urn:inin.com:queues:queueContentsMessage","isDelta":tr',
          'null',
          String(i),
          '[1,2,3]',
          '{"isDelta":true}',
          JSON.stringify({ __type: 'urn:example:unknownMessage', isDelta: true }),
          queue({ isDelta: 'yes', interactionsRemoved: ['1001000001'] }),
          queue({ isDelta: true, interactionsAdded: 'everything' }),
          queue({ isDelta: true, interactionsChanged: [{ interactionId: 42, attributes: { Eic_State: 'E' } }] }),
          JSON.stringify({ __type: QUEUE_CONTENTS_TYPE, subscriptionId: 'someone-else', isDelta: false, interactionsAdded: [] }),
        );
      }
      garbage.push(queue({ isDelta: true, interactionsChanged: [{ interactionId: '1001000002', attributes: { Eic_RemoteName: 'x'.repeat(2_000_000) } }] }));
      assert.equal(sim.admin.pushRawEvents(garbage), 1);
      // A good delta after the garbage proves the stream is still being read.
      sim.admin.changeInteraction('1001000005', { Eic_State: 'H' });
      await waitFor(() => view(t, '1001000005')?.state === 'held', 'the good delta after the garbage');
      const after = JSON.parse(JSON.stringify(t.agent.rawInteractions())) as { id: string; attributes: Record<string, string> }[];
      const expected = (JSON.parse(before) as typeof after).map((i) =>
        i.id === '1001000005' ? { ...i, attributes: { ...i.attributes, Eic_State: 'H' } } : i,
      );
      assert.deepEqual(after.sort((a, b) => a.id.localeCompare(b.id)), expected.sort((a, b) => a.id.localeCompare(b.id)));
      const counts = t.agent.diagnostics();
      assert.ok(counts.malformedMessages >= 200, `malformed counted: ${JSON.stringify(counts)}`);
      assert.ok(counts.rejectedQueueMessages >= 80, `refused by the store: ${JSON.stringify(counts)}`);
      assert.equal(t.agent.snapshot().session.state, 'up');
      assert.equal(t.count('relogin:required'), 0);
    }));

  test('the server going away marks the list stale; back with the session alive, it is fresh again', () =>
    withSignedInAgent({}, async (t, sim) => {
      await sim.admin.stopListening();
      sim.admin.cutStreams();
      await waitFor(() => t.agent.snapshot().session.state === 'reconnecting', 'reconnecting');
      const during = t.agent.snapshot().session;
      assert.equal(during.stale, true);
      assert.ok(during.nextAttemptAt !== null);
      await sim.admin.resumeListening();
      await waitFor(() => fresh(t.agent), 'fresh again');
      assert.equal(t.count('relogin:required'), 0);
    }));

  test('a server restart loses the session: stale, one re-login request, then fresh after signing in', () =>
    withSignedInAgent({}, async (t, sim) => {
      sim.admin.restart();
      await waitFor(() => t.agent.snapshot().session.state === 'expired', 'the expiry');
      assert.equal(t.agent.snapshot().session.stale, true);
      assert.equal(t.count('relogin:required'), 1);
      await t.signIn(sim.url);
      assert.deepEqual(ids(t), simIds(sim));
    }));

  test('connectionStateChangeMessage: down without reconnect signs out; down with reconnect asks to sign in again', () =>
    withSignedInAgent({}, async (t, sim) => {
      sim.admin.pushConnectionState({ newConnectionState: 2, reason: 'Logged off by a supervisor', shouldReconnect: false });
      await waitFor(() => t.agent.snapshot().session.state === 'signed-out-by-server', 'signed out by the server');
      assert.equal(t.agent.snapshot().session.reason, 'Logged off by a supervisor');
      assert.equal(t.count('relogin:required'), 0);

      await t.signIn(sim.url);
      sim.admin.pushConnectionState({ newConnectionState: 2, reason: 'Session manager restarting', shouldReconnect: true });
      await waitFor(() => t.agent.snapshot().session.state === 'expired', 'expired');
      assert.equal(t.count('relogin:required'), 1);
    }));

  test('switchover: the old server turns backup, the re-login lands on the host it names', async () => {
    const primary = await startQuietSimulator({ host: '127.0.0.1' });
    const backup = await startQuietSimulator({ host: '127.0.0.2', port: primary.port });
    const t = agentFor();
    try {
      await t.signIn(primary.url);
      primary.admin.setMode('backup', ['127.0.0.2']);
      primary.admin.restart();
      await waitFor(() => t.agent.snapshot().session.state === 'expired', 'the expiry');
      await t.signIn(primary.url);
      assert.equal(t.agent.snapshot().session.server, `http://127.0.0.2:${primary.port}`);
      assert.deepEqual(ids(t), backup.admin.interactions('agent1').map((i) => i.interactionId).sort());
    } finally {
      await t.agent.shutdown();
      await Promise.all([primary.close(), backup.close()]);
    }
  });
});
