import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { HANDLER_REQUEST_TYPE } from '../core/icws/wire-types.ts';
import { defaultScenario, type Simulator } from './server.ts';
import { call, login, poll, start, subscribeQueue, type TestSession } from './test-support.ts';

const PATH = 'client-buttons/handler-action';
const press = (sim: Simulator, s: TestSession, body: unknown, init: Parameters<typeof call>[3] = {}): Promise<Response> =>
  call(sim, s, PATH, { method: 'POST', body, ...init });

async function errorOf(res: Response, status: number): Promise<Record<string, unknown>> {
  assert.equal(res.status, status);
  assert.equal(res.headers.get('content-type'), 'application/vnd.inin.icws+json;charset=utf-8');
  const body = (await res.json()) as Record<string, unknown>;
  assert.equal(typeof body['message'], 'string');
  return body;
}

describe('POST client-buttons/handler-action', () => {
  let sim: Simulator;
  let agent1: TestSession;
  before(async () => {
    sim = await start();
    agent1 = await login(sim);
  });
  after(() => sim.close());
  beforeEach(() => sim.admin.clearActions());

  test('204 with no body; the action is logged with the canonical button ID', async () => {
    const res = await press(sim, agent1, { buttonId: 'CrmLookup', interactionId: '1001000001' });
    assert.equal(res.status, 204);
    assert.equal(await res.text(), '');
    assert.equal(res.headers.get('content-type'), null);
    const [action, ...rest] = sim.admin.actions();
    assert.equal(rest.length, 0);
    assert.equal(action!.sessionId, agent1.sessionId);
    assert.equal(action!.userId, 'agent1');
    assert.equal(action!.buttonId, 'CrmLookup');
    assert.equal(action!.interactionId, '1001000001');
    assert.ok(!Number.isNaN(Date.parse(action!.at)));
  });

  test('buttonId is case-insensitive; interactionId is optional; a matching __type is fine', async () => {
    assert.equal((await press(sim, agent1, { buttonId: 'requestBREAK' })).status, 204);
    assert.equal((await press(sim, agent1, { __type: HANDLER_REQUEST_TYPE, buttonId: 'crmlookup', interactionId: '1001000004' })).status, 204);
    const actions = sim.admin.actions();
    assert.deepEqual(
      actions.map((a) => [a.buttonId, a.requestedButtonId, a.interactionId]),
      [
        ['RequestBreak', 'requestBREAK', null],
        ['CrmLookup', 'crmlookup', '1001000004'],
      ],
    );
  });

  test('plain application/json and no Content-Type are accepted', async () => {
    const json = await press(sim, agent1, { buttonId: 'RequestBreak' }, { headers: { 'Content-Type': 'application/json' } });
    assert.equal(json.status, 204);
    const none = await fetch(`${sim.url}/icws/${agent1.sessionId}/${PATH}`, {
      method: 'POST',
      headers: { Cookie: agent1.cookie, 'ININ-ICWS-CSRF-Token': agent1.csrfToken },
      body: new Blob([JSON.stringify({ buttonId: 'RequestBreak' })]),
    });
    assert.equal(none.status, 204);
  });

  test('400 for every malformed request, and nothing is logged', async () => {
    const cases: [unknown, string | undefined][] = [
      ['{"buttonId":', undefined],
      ['', undefined],
      ['[]', undefined],
      ['null', undefined],
      ['"Escalate"', undefined],
      [{}, 'buttonId'],
      [{ interactionId: '1001000001' }, 'buttonId'],
      [{ buttonId: 42 }, 'buttonId'],
      [{ buttonId: null }, 'buttonId'],
      [{ buttonId: '' }, 'buttonId'],
      [{ buttonId: 'Escalate', interactionId: 1001000001 }, 'interactionId'],
      [{ buttonId: 'Escalate', interactionId: null }, 'interactionId'],
      [{ buttonId: 'NoSuchButton' }, 'buttonId'],
      [{ buttonId: 'Escalate', interactionId: '999' }, 'interactionId'],
      // Another user's interaction is not in this user's queue.
      [{ buttonId: 'Escalate', interactionId: '1002000001' }, 'interactionId'],
      [{ __type: 'urn:inin.com:clientButtons:somethingElse', buttonId: 'Escalate' }, '__type'],
    ];
    for (const [body, property] of cases) {
      const error = await errorOf(await press(sim, agent1, body), 400);
      assert.match(String(error['errorId']), /^error\.request\.invalidRepresentation/, JSON.stringify(body));
      assert.equal(error['propertyName'], property, JSON.stringify(body));
    }
    const wrongType = await press(sim, agent1, { buttonId: 'Escalate' }, { headers: { 'Content-Type': 'text/plain' } });
    await errorOf(wrongType, 400);
    assert.deepEqual(sim.admin.actions(), []);
  });

  test('401 with WWW-Authenticate for a missing CSRF token or cookie, or a dead session', async () => {
    for (const omit of [['csrf'], ['cookie']] as const) {
      const res = await press(sim, agent1, { buttonId: 'Escalate' }, { omit: [...omit] });
      assert.equal(res.status, 401);
      assert.equal(res.headers.get('www-authenticate'), 'ICWS realm="ICWS" location="/ICWS/connection"');
      assert.equal((await errorOf(res, 401))['errorId'], 'error.request.connection.authenticationFailure');
    }
    const gone = await login(sim);
    sim.admin.expireSessions(gone.sessionId);
    assert.equal((await press(sim, gone, { buttonId: 'Escalate' })).status, 401);
    assert.deepEqual(sim.admin.actions(), []);
  });

  test('403 accessDenied for a button the user has no right to; another user may run it', async () => {
    const error = await errorOf(await press(sim, agent1, { buttonId: 'forcerecord', interactionId: '1001000001' }), 403);
    assert.equal(error['errorId'], 'error.request.accessDenied');
    assert.deepEqual(sim.admin.actions(), []);
    const agent2 = await login(sim, 'agent2');
    assert.equal((await press(sim, agent2, { buttonId: 'ForceRecord', interactionId: '1002000001' })).status, 204);
  });

  test('500 when the server fails (injected)', async () => {
    sim.admin.addFault({ route: 'handler-action', kind: 'status', status: 500, count: 1 });
    const error = await errorOf(await press(sim, agent1, { buttonId: 'Escalate', interactionId: '1001000001' }), 500);
    assert.equal(error['errorCode'], -2147467259);
    assert.deepEqual(sim.admin.actions(), []);
    assert.equal((await press(sim, agent1, { buttonId: 'RequestBreak' })).status, 204);
  });

  test("the button's effect reaches queue subscribers as a delta with only the changed attributes", async () => {
    const s = await login(sim);
    await subscribeQueue(sim, s, 'q-effect', ['Eic_State', 'Eic_CallStateString']);
    await poll(sim, s);
    assert.equal((await press(sim, s, { buttonId: 'WrapUp', interactionId: '1001000005' })).status, 204);
    const [delta, ...rest] = await poll(sim, s);
    assert.equal(rest.length, 0);
    assert.deepEqual(delta, {
      __type: 'urn:inin.com:queues:queueContentsMessage',
      isDelta: true,
      subscriptionId: 'q-effect',
      interactionsChanged: [{ interactionId: '1001000005', attributes: { Eic_State: 'I', Eic_CallStateString: 'Disconnected' } }],
    });
  });
});

describe('handler-action below client-buttons 3', () => {
  for (const version of [2, undefined]) {
    test(`410 when client-buttons is ${version ?? 'absent'}`, async () => {
      const scenario = defaultScenario();
      if (version === undefined) delete scenario.features['client-buttons'];
      else scenario.features['client-buttons'] = version;
      const sim = await start({ scenario });
      try {
        const res = await press(sim, await login(sim), { buttonId: 'Escalate' });
        assert.equal(res.status, 410);
        assert.match(String(((await res.json()) as Record<string, unknown>)['message']), /client-buttons/);
        assert.deepEqual(sim.admin.actions(), []);
      } finally {
        await sim.close();
      }
    });
  }
});
