import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { ClientButton } from '../core/icws/wire-types.ts';
import { defaultScenario, type Simulator } from './server.ts';
import { call, login, poll, SseReader, start, subscribeQueue } from './test-support.ts';

const CALL = (id: string, state = 'A') => ({
  interactionId: id,
  attributes: { Eic_ObjectType: 'Call', Eic_State: state, Eic_RemoteName: 'New Caller', Eic_Muted: '0' },
});

describe('queue subscription', () => {
  let sim: Simulator;
  before(async () => {
    sim = await start();
  });
  after(() => sim.close());

  test('PUT answers 200 and queues an isDelta:false snapshot with only the requested attributes', async () => {
    const s = await login(sim);
    const res = await subscribeQueue(sim, s, 'q-snap', ['Eic_State', 'eic_remotename', 'Not_Set']);
    assert.equal(res.status, 200);
    const [snapshot, ...rest] = await poll(sim, s);
    assert.equal(rest.length, 0);
    assert.equal(snapshot!['__type'], 'urn:inin.com:queues:queueContentsMessage');
    assert.equal(snapshot!['isDelta'], false);
    assert.equal(snapshot!['subscriptionId'], 'q-snap');
    const added = snapshot!['interactionsAdded'] as { interactionId: string; attributes: Record<string, string> }[];
    assert.deepEqual(added.map((i) => i.interactionId), ['1001000001', '1001000002', '1001000003', '1001000004', '1001000005', '1001000006']);
    // Attribute names ignore case; the reply uses the requested spelling and omits unset ones.
    assert.deepEqual(added[0]!.attributes, { Eic_State: 'C', eic_remotename: 'Jane Doe' });
    assert.deepEqual(await poll(sim, s), []);
  });

  test('deltas for added, changed (changed attributes only) and removed interactions; DELETE stops them', async () => {
    const s = await login(sim);
    await subscribeQueue(sim, s, 'q-delta', ['Eic_State', 'Eic_RemoteName']);
    await poll(sim, s);
    sim.admin.addInteraction('agent1', CALL('1001009001'));
    sim.admin.changeInteraction('1001009001', { eic_state: 'C', Eic_Muted: '1' });
    sim.admin.changeInteraction('1001009001', { Eic_Muted: '0' }); // not subscribed: no message
    sim.admin.changeInteraction('1001009001', { Eic_State: 'C' }); // no change: no message
    sim.admin.removeInteraction('1001009001');
    sim.admin.addInteraction('agent2', CALL('1002009001')); // another queue: no message
    const base = { __type: 'urn:inin.com:queues:queueContentsMessage', isDelta: true, subscriptionId: 'q-delta' };
    assert.deepEqual(await poll(sim, s), [
      { ...base, interactionsAdded: [{ interactionId: '1001009001', attributes: { Eic_State: 'A', Eic_RemoteName: 'New Caller' } }] },
      { ...base, interactionsChanged: [{ interactionId: '1001009001', attributes: { Eic_State: 'C' } }] },
      { ...base, interactionsRemoved: ['1001009001'] },
    ]);
    assert.equal((await call(sim, s, 'messaging/subscriptions/queues/q-delta', { method: 'DELETE' })).status, 204);
    sim.admin.addInteraction('agent1', CALL('1001009002'));
    assert.deepEqual(await poll(sim, s), []);
    sim.admin.removeInteraction('1001009002');
  });

  test('the admin HTTP API produces the same deltas', async () => {
    const s = await login(sim);
    await subscribeQueue(sim, s, 'q-http', ['Eic_State']);
    await poll(sim, s);
    const admin = (method: string, path: string, body?: unknown): Promise<Response> =>
      fetch(`${sim.url}/_sim/${path}`, { method, ...(body ? { body: JSON.stringify(body) } : {}) });
    assert.equal((await admin('POST', 'interactions', { userId: 'agent1', interaction: CALL('1001009003') })).status, 201);
    assert.equal((await admin('PATCH', 'interactions/1001009003', { attributes: { Eic_State: 'H' } })).status, 200);
    assert.equal((await admin('DELETE', 'interactions/1001009003')).status, 204);
    assert.equal((await admin('DELETE', 'interactions/1001009003')).status, 404);
    assert.equal((await admin('POST', 'interactions', { userId: 'agent1', interaction: { interactionId: 'x', attributes: { Eic_Muted: 1 } } })).status, 400);
    const messages = await poll(sim, s);
    assert.deepEqual(messages.map((m) => Object.keys(m).find((k) => k.startsWith('interactions'))), ['interactionsAdded', 'interactionsChanged', 'interactionsRemoved']);
  });

  test('400 for missing or empty queueIds and attributeNames', async () => {
    const s = await login(sim);
    const bodies = [
      { attributeNames: ['Eic_State'] },
      { queueIds: [], attributeNames: ['Eic_State'] },
      { queueIds: [{ queueType: 1 }], attributeNames: ['Eic_State'] },
      { queueIds: [{ queueType: 1, queueName: 'agent1' }] },
      { queueIds: [{ queueType: 1, queueName: 'agent1' }], attributeNames: [] },
    ];
    for (const body of bodies) {
      const res = await call(sim, s, 'messaging/subscriptions/queues/bad', { method: 'PUT', body });
      assert.equal(res.status, 400, JSON.stringify(body));
    }
    assert.deepEqual(await poll(sim, s), []);
  });
});

describe('client-button configuration', () => {
  let sim: Simulator;
  before(async () => {
    sim = await start();
  });
  after(() => sim.close());

  test('list: IDs only without select, chosen properties with select, everything with *', async () => {
    const s = await login(sim);
    const ids = (await (await call(sim, s, 'configuration/client-buttons?rightsFilter=view')).json()) as { items: any[] };
    assert.deepEqual(ids.items.map((b) => Object.keys(b)), Array(6).fill(['configurationId']));
    assert.deepEqual(ids.items.map((b) => b.configurationId.id), ['Escalate', 'WrapUp', 'CrmLookup', 'RequestBreak', 'ForceRecord', 'LegacySurvey']);
    const some = (await (await call(sim, s, 'configuration/client-buttons?select=buttonText,availability,iconUri&rightsFilter=view')).json()) as { items: any[] };
    assert.deepEqual(Object.keys(some.items[0]), ['configurationId', 'buttonText', 'availability']);
    assert.equal(some.items[2].iconUri, '/icons/crm.png');
    const all = (await (await call(sim, s, 'configuration/client-buttons?select=*')).json()) as { items: any[] };
    assert.equal(all.items[5].enabled, false);
    assert.deepEqual(all.items[0].interactionTypes, [1, 3]);
    const filtered = (await (await call(sim, s, 'configuration/client-buttons?select=*&where=configurationId.displayName%20sw%20wrap')).json()) as { items: any[] };
    assert.deepEqual(filtered.items.map((b) => b.configurationId.id), ['WrapUp']);
    assert.equal((await call(sim, s, 'configuration/client-buttons?rightsFilter=admin')).status, 403);
    const one = await call(sim, s, 'configuration/client-buttons/escalate?select=*');
    assert.equal(((await one.json()) as any).configurationId.id, 'Escalate');
  });

  test('subscription: isDelta:false with all buttons, then added/changed/removed deltas', async () => {
    const s = await login(sim);
    const res = await call(sim, s, 'messaging/subscriptions/configuration/client-buttons/buttons', {
      method: 'PUT',
      body: { configurationIds: ['*'], properties: ['configurationId', 'buttonText', 'enabled'], rightsFilter: 'view' },
    });
    assert.equal(res.status, 200);
    const [snapshot] = await poll(sim, s);
    assert.equal(snapshot!['__type'], 'urn:inin.com:configuration.people:clientButtonsMessage');
    assert.equal(snapshot!['isDelta'], false);
    assert.equal(snapshot!['subscriptionId'], 'buttons');
    assert.equal(snapshot!['added'].length, 6);
    assert.deepEqual(Object.keys(snapshot!['added'][0]), ['configurationId', 'buttonText', 'enabled']);

    const button: ClientButton = { configurationId: { id: 'Callback', displayName: 'Callback' }, buttonText: { defaultValue: 'Callback' }, enabled: true, availability: 0 };
    const posted = await fetch(`${sim.url}/_sim/buttons`, { method: 'POST', body: JSON.stringify(button) });
    assert.equal(posted.status, 201);
    sim.admin.putButton({ ...button, enabled: false });
    assert.equal((await fetch(`${sim.url}/_sim/buttons/callback`, { method: 'DELETE' })).status, 204);
    const deltas = await poll(sim, s);
    const view = { configurationId: button.configurationId, buttonText: button.buttonText };
    const base = { __type: 'urn:inin.com:configuration.people:clientButtonsMessage', isDelta: true, subscriptionId: 'buttons' };
    assert.deepEqual(deltas, [
      { ...base, added: [{ ...view, enabled: true }] },
      { ...base, changed: [{ ...view, enabled: false }] },
      { ...base, removed: ['Callback'] },
    ]);
    assert.equal((await call(sim, s, 'messaging/subscriptions/configuration/client-buttons/buttons', { method: 'DELETE' })).status, 204);
  });

  test('subscription validation', async () => {
    const s = await login(sim);
    const put = (body: unknown) => call(sim, s, 'messaging/subscriptions/configuration/client-buttons/x', { method: 'PUT', body });
    assert.equal((await put({ configurationIds: ['*'], properties: ['*'] })).status, 400);
    assert.equal((await put({ properties: ['*'] })).status, 400);
    assert.equal((await put({ configurationIds: ['Escalate'], properties: [] })).status, 400);
    assert.equal((await put({ configurationIds: ['escalate'], properties: ['*'] })).status, 200);
    const [snapshot] = await poll(sim, s);
    assert.deepEqual(snapshot!['added'].map((b: any) => b.configurationId.id), ['Escalate']);
  });
});

describe('SSE', () => {
  let sim: Simulator;
  before(async () => {
    sim = await start({ ssePingIntervalMs: 50 });
  });
  after(() => sim.close());

  test('text/event-stream with one data event per message, queued messages first, and :ping comments', async () => {
    const s = await login(sim);
    await subscribeQueue(sim, s, 'q-sse');
    const { res, reader } = await SseReader.open(sim, s);
    try {
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('content-type'), 'text/event-stream');
      await reader.until((r) => r.events.length === 1);
      assert.equal(reader.events[0]!['isDelta'], false);
      sim.admin.addInteraction('agent1', CALL('1001009100'));
      await reader.until((r) => r.events.length === 2);
      assert.deepEqual(reader.events[1]!['interactionsAdded'][0].interactionId, '1001009100');
      await reader.until((r) => r.comments.filter((c) => c === 'ping').length >= 3);
      // The stream drains the queue: a poll now finds nothing.
      assert.deepEqual(await poll(sim, s), []);
    } finally {
      reader.close();
      sim.admin.removeInteraction('1001009100');
    }
  });

  test('an SSE stream keeps its session alive through pings', async () => {
    const short = await start({ ssePingIntervalMs: 40, sessionIdleTtlMs: 120 });
    try {
      const s = await login(short);
      const { reader } = await SseReader.open(short, s);
      await new Promise((r) => setTimeout(r, 300));
      assert.equal((await call(short, s, 'connection')).status, 200);
      reader.close();
    } finally {
      await short.close();
    }
  });

  test('cut streams: messages sent meanwhile arrive on the next connection; midMessage leaves a partial event', async () => {
    const s = await login(sim);
    await subscribeQueue(sim, s, 'q-cut');
    const first = await SseReader.open(sim, s);
    await first.reader.until((r) => r.events.length === 1);
    const cut = await fetch(`${sim.url}/_sim/streams/cut`, { method: 'POST', body: '{}' });
    assert.deepEqual(await cut.json(), { cut: 1 });
    await first.reader.until((r) => r.ended);
    sim.admin.addInteraction('agent1', CALL('1001009200'));

    const second = await SseReader.open(sim, s);
    await second.reader.until((r) => r.events.length === 1);
    assert.equal(second.reader.events[0]!['interactionsAdded'][0].interactionId, '1001009200');
    assert.equal(sim.admin.cutStreams({ midMessage: true }), 1);
    await second.reader.until((r) => r.ended);
    assert.match(second.reader.leftover, /^data: \{"__type":"urn:inin\.com:queues:queueContentsMessage"/);
    assert.equal(second.reader.events.length, 1);
    sim.admin.removeInteraction('1001009200');
  });

  test('messaging 1 servers answer a poll even when asked for an event stream', async () => {
    const scenario = defaultScenario();
    scenario.features['messaging'] = 1;
    const old = await start({ scenario });
    try {
      const s = await login(old);
      const res = await fetch(`${old.url}/icws/${s.sessionId}/messaging/messages`, { headers: { Cookie: s.cookie, Accept: 'text/event-stream' } });
      assert.equal(res.headers.get('content-type'), 'application/vnd.inin.icws+json;charset=utf-8');
      assert.deepEqual(await res.json(), []);
    } finally {
      await old.close();
    }
  });
});

describe('connectionStateChangeMessage', () => {
  let sim: Simulator;
  before(async () => {
    sim = await start();
  });
  after(() => sim.close());

  test('pushed over SSE; state 2 ends the stream and the session', async () => {
    const s = await login(sim);
    const { reader } = await SseReader.open(sim, s);
    await reader.until((r) => r.comments.length > 0);
    const res = await fetch(`${sim.url}/_sim/connection-state`, {
      method: 'POST',
      body: JSON.stringify({ sessionId: s.sessionId, newConnectionState: 2, reason: 'Station removed', shouldReconnect: true }),
    });
    assert.deepEqual(await res.json(), { sessions: [s.sessionId] });
    await reader.until((r) => r.ended);
    assert.deepEqual(reader.events, [
      {
        __type: 'urn:inin.com:connection:connectionStateChangeMessage',
        isDelta: false,
        previousConnectionState: 1,
        newConnectionState: 2,
        reason: 'Station removed',
        shouldReconnect: true,
      },
    ]);
    assert.equal((await call(sim, s, 'connection')).status, 401);
  });

  test('a polling client reads the state-2 message once, then gets 401', async () => {
    const s = await login(sim);
    const other = await login(sim, 'agent2');
    sim.admin.pushConnectionState({ sessionId: s.sessionId, newConnectionState: 2, reason: 'Logged off by supervisor' });
    assert.equal((await call(sim, s, 'connection')).status, 401);
    const [message] = await poll(sim, s);
    assert.equal(message!['newConnectionState'], 2);
    assert.equal((await call(sim, s, 'messaging/messages', { omit: ['csrf'] })).status, 401);
    assert.equal((await call(sim, other, 'connection')).status, 200);
    // Other states are news only.
    sim.admin.pushConnectionState({ newConnectionState: 1, reason: 'Switchover complete' });
    assert.equal((await poll(sim, other))[0]!['reason'], 'Switchover complete');
    assert.equal((await call(sim, other, 'connection')).status, 200);
  });
});
