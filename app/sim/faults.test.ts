import assert from 'node:assert/strict';
import { after, afterEach, before, describe, test } from 'node:test';
import type { Simulator } from './server.ts';
import { call, credentials, login, loginRaw, start, type TestSession } from './test-support.ts';

const pressBreak = (sim: Simulator, s: TestSession): Promise<Response> =>
  call(sim, s, 'client-buttons/handler-action', { method: 'POST', body: { buttonId: 'RequestBreak' } });

/** The network error fetch reports, or null when a response came back. */
async function networkError(request: Promise<Response>): Promise<string | null> {
  try {
    await request;
    return null;
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause;
    return cause?.code ?? String(error);
  }
}

describe('faults', () => {
  let sim: Simulator;
  let s: TestSession;
  before(async () => {
    sim = await start({ alternateHosts: ['127.0.0.2'] });
    s = await login(sim);
  });
  after(() => sim.close());
  afterEach(() => {
    sim.admin.clearFaults();
    sim.admin.clearActions();
  });

  test('status faults fire count times on their route only', async () => {
    const res = await fetch(`${sim.url}/_sim/faults`, {
      method: 'POST',
      body: JSON.stringify({ route: 'handler-action', kind: 'status', status: 500, count: 2 }),
    });
    assert.equal(res.status, 201);
    assert.equal((await call(sim, s, 'connection')).status, 200);
    assert.equal((await pressBreak(sim, s)).status, 500);
    assert.equal((await pressBreak(sim, s)).status, 500);
    assert.equal((await pressBreak(sim, s)).status, 204);
    assert.equal(sim.admin.actions().length, 1);
  });

  test('a 503 on login carries alternateHostList; a 401 carries the challenge', async () => {
    sim.admin.addFault({ route: 'connection', kind: 'status', status: 503, count: 1 });
    const unavailable = await loginRaw(sim.url, credentials());
    assert.equal(unavailable.status, 503);
    assert.deepEqual(await unavailable.json(), {
      errorId: 'error.server.unavailable',
      message: 'Simulated failure (HTTP 503).',
      alternateHostList: ['127.0.0.2'],
    });
    sim.admin.addFault({ route: '*', kind: 'status', status: 401, count: 1 });
    const denied = await call(sim, s, 'connection');
    assert.equal(denied.status, 401);
    assert.equal(denied.headers.get('www-authenticate'), 'ICWS realm="ICWS" location="/ICWS/connection"');
    assert.equal((await call(sim, s, 'connection')).status, 200);
  });

  test('drop before: the socket dies and the action never ran', async () => {
    sim.admin.addFault({ route: 'handler-action', kind: 'drop', count: 1 });
    assert.ok(await networkError(pressBreak(sim, s)));
    assert.deepEqual(sim.admin.actions(), []);
    assert.equal((await pressBreak(sim, s)).status, 204);
  });

  test('drop after: the action ran but its answer never came', async () => {
    sim.admin.addFault({ route: 'handler-action', kind: 'drop', phase: 'after', count: 1 });
    assert.ok(await networkError(pressBreak(sim, s)));
    assert.equal(sim.admin.actions().length, 1);
  });

  test('delay holds the answer back', async () => {
    sim.admin.addFault({ route: 'messages', kind: 'delay', ms: 150, count: 1 });
    const started = Date.now();
    assert.equal((await call(sim, s, 'messaging/messages', { omit: ['csrf'] })).status, 200);
    assert.ok(Date.now() - started >= 140);
  });

  test('bad fault specs are refused; DELETE clears them', async () => {
    for (const body of [{ route: 'nope', kind: 'drop' }, { kind: 'status' }, { kind: 'delay' }, { kind: 'teleport' }]) {
      assert.equal((await fetch(`${sim.url}/_sim/faults`, { method: 'POST', body: JSON.stringify(body) })).status, 400);
    }
    sim.admin.addFault({ route: '*', kind: 'status', status: 500 });
    assert.equal((await call(sim, s, 'connection')).status, 500);
    assert.equal((await fetch(`${sim.url}/_sim/faults`, { method: 'DELETE' })).status, 204);
    assert.equal((await call(sim, s, 'connection')).status, 200);
  });
});

describe('listening', () => {
  test('stop refuses connections but keeps state; resume listens on the same port', async () => {
    const sim = await start();
    try {
      const s = await login(sim);
      await sim.admin.stopListening();
      assert.equal(sim.admin.isListening(), false);
      assert.equal(await networkError(fetch(`${sim.url}/icws/connection/version`)), 'ECONNREFUSED');
      await sim.admin.resumeListening();
      assert.equal((await call(sim, s, 'connection')).status, 200);
    } finally {
      await sim.close();
    }
  });

  test('POST /_sim/listen with forMs answers first, then resumes by itself', async () => {
    const sim = await start();
    try {
      const res = await fetch(`${sim.url}/_sim/listen`, { method: 'POST', body: JSON.stringify({ listening: false, forMs: 200 }) });
      assert.equal(res.status, 202);
      await new Promise((r) => setTimeout(r, 50));
      assert.equal(await networkError(fetch(`${sim.url}/icws/connection/version`)), 'ECONNREFUSED');
      await new Promise((r) => setTimeout(r, 250));
      assert.equal((await fetch(`${sim.url}/icws/connection/version`)).status, 200);
    } finally {
      await sim.close();
    }
  });

  test('close() ends open SSE streams promptly', async () => {
    const sim = await start();
    const s = await login(sim);
    const res = await fetch(`${sim.url}/icws/${s.sessionId}/messaging/messages`, { headers: { Cookie: s.cookie, Accept: 'text/event-stream' } });
    const reading = (async () => {
      try {
        for await (const _ of res.body as AsyncIterable<Uint8Array>);
      } catch {
        // a destroyed socket is the expected end
      }
    })();
    const started = Date.now();
    await sim.close();
    await reading;
    assert.ok(Date.now() - started < 1000);
  });
});

describe('admin API', () => {
  test('404 for unknown endpoints and objects, 400 for bad bodies', async () => {
    const sim = await start();
    try {
      assert.equal((await fetch(`${sim.url}/_sim/nothing`)).status, 404);
      assert.equal((await fetch(`${sim.url}/_sim/buttons/none`, { method: 'DELETE' })).status, 404);
      assert.equal((await fetch(`${sim.url}/_sim/sessions/expire`, { method: 'POST', body: '{"sessionId":"1"}' })).status, 404);
      assert.equal((await fetch(`${sim.url}/_sim/mode`, { method: 'POST', body: '{"mode":"sideways"}' })).status, 400);
      assert.equal((await fetch(`${sim.url}/_sim/buttons`, { method: 'POST', body: '{"configurationId":{}}' })).status, 400);
      assert.equal((await fetch(`${sim.url}/_sim/actions`, { method: 'POST', body: 'nope' })).status, 405);
      const actions = await fetch(`${sim.url}/_sim/actions`);
      assert.deepEqual(await actions.json(), { actions: [] });
    } finally {
      await sim.close();
    }
  });
});
