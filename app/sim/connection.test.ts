import assert from 'node:assert/strict';
import { request } from 'node:http';
import { after, before, describe, test } from 'node:test';
import { call, credentials, login, loginRaw, start } from './test-support.ts';
import type { Simulator } from './server.ts';

const WWW = 'ICWS realm="ICWS" location="/ICWS/connection"';

describe('POST /icws/connection', () => {
  let sim: Simulator;
  before(async () => {
    sim = await start({ alternateHosts: ['127.0.0.2'] });
  });
  after(() => sim.close());

  test('201 with session ID, CSRF token and cookie in body and headers', async () => {
    const res = await loginRaw(sim.url, credentials(), { query: '?include=features,version' });
    assert.equal(res.status, 201);
    assert.equal(res.headers.get('content-type'), 'application/vnd.inin.icws+json;charset=utf-8');
    const body = (await res.json()) as Record<string, any>;
    assert.match(body['sessionId'], /^\d+$/);
    assert.match(body['csrfToken'], /^[A-Za-z0-9+/]+=*$/);
    assert.deepEqual(body['alternateHostList'], ['127.0.0.2']);
    assert.equal(body['userID'], 'agent1');
    assert.equal(body['userDisplayName'], 'Agent One');
    assert.equal(body['icServer'], 'sim-cic01');
    assert.deepEqual(body['features'].find((f: any) => f.featureId === 'client-buttons'), { featureId: 'client-buttons', version: 3 });
    assert.equal(body['version'].majorVersion, 25);
    assert.equal(res.headers.get('ININ-ICWS-Session-ID'), body['sessionId']);
    assert.equal(res.headers.get('ININ-ICWS-CSRF-Token'), body['csrfToken']);
    const [cookie, ...rest] = res.headers.getSetCookie();
    assert.equal(rest.length, 0);
    assert.match(cookie!, new RegExp(`^icws_${body['sessionId']}=[0-9a-f-]{36}; Path=/icws/${body['sessionId']}; HttpOnly$`));
  });

  test('include is honoured field by field; without it there is no version or features', async () => {
    const plain = (await (await loginRaw(sim.url, credentials())).json()) as Record<string, unknown>;
    assert.equal(plain['features'], undefined);
    assert.equal(plain['version'], undefined);
    const timed = (await (await loginRaw(sim.url, credentials(), { query: '?include=server-time' })).json()) as Record<string, any>;
    assert.match(timed['serverTimeInfo'].serverUtcTime, /Z$/);
  });

  test('user IDs ignore case; the canonical one comes back', async () => {
    const body = (await (await loginRaw(sim.url, credentials('AGENT2', 'agent2'))).json()) as Record<string, unknown>;
    assert.equal(body['userID'], 'agent2');
  });

  test('400 when Accept-Language is missing or names no language', async () => {
    // fetch always sends "Accept-Language: *"; node:http sends only what it is given.
    const { status, body } = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(`${sim.url}/icws/connection`, { method: 'POST', headers: { 'Content-Type': 'application/json' } }, (res) => {
        let text = '';
        res.on('data', (c) => (text += c)).on('end', () => resolve({ status: res.statusCode!, body: text }));
      });
      req.on('error', reject).end(JSON.stringify(credentials()));
    });
    assert.equal(status, 400);
    assert.match((JSON.parse(body) as { message: string }).message, /Accept-Language/);
    assert.equal((await loginRaw(sim.url, credentials(), { headers: { 'Accept-Language': '*' } })).status, 400);
  });

  test('400 authenticationFailure -2147221503 for a bad password or unknown user', async () => {
    for (const body of [credentials('agent1', 'wrong'), credentials('nobody', 'x')]) {
      const res = await loginRaw(sim.url, body);
      assert.equal(res.status, 400);
      assert.deepEqual(await res.json(), {
        errorId: 'error.request.connection.authenticationFailure',
        message: 'The authentication process failed.',
        errorCode: -2147221503,
      });
    }
  });

  test('400 invalidRepresentation for missing fields, missing __type and bad JSON', async () => {
    for (const field of ['applicationName', 'userID', 'password']) {
      const body: Record<string, string> = credentials();
      delete body[field];
      const res = await loginRaw(sim.url, body);
      assert.equal(res.status, 400);
      const error = (await res.json()) as Record<string, unknown>;
      assert.equal(error['errorId'], 'error.request.invalidRepresentation.missingProperty');
      assert.equal(error['propertyName'], field);
    }
    const { __type: _, ...untyped } = credentials();
    assert.equal(((await (await loginRaw(sim.url, untyped)).json()) as Record<string, unknown>)['propertyName'], '__type');
    const bad = await loginRaw(sim.url, '{not json');
    assert.equal(bad.status, 400);
    assert.equal(((await bad.json()) as Record<string, unknown>)['errorId'], 'error.request.invalidRepresentation');
  });

  test('plain application/json and no Content-Type are accepted, text/plain is not', async () => {
    const json = await loginRaw(sim.url, credentials(), { headers: { 'Content-Type': 'application/json' } });
    assert.equal(json.status, 201);
    const none = await fetch(`${sim.url}/icws/connection`, {
      method: 'POST',
      headers: { 'Accept-Language': 'en-US' },
      body: new Blob([JSON.stringify(credentials())]),
    });
    assert.equal(none.status, 201);
    const text = await loginRaw(sim.url, credentials(), { headers: { 'Content-Type': 'text/plain' } });
    assert.equal(text.status, 400);
  });
});

describe('session checks', () => {
  let sim: Simulator;
  before(async () => {
    sim = await start();
  });
  after(() => sim.close());

  async function expect401(res: Response, errorCode: number): Promise<void> {
    assert.equal(res.status, 401);
    assert.equal(res.headers.get('www-authenticate'), WWW);
    const body = (await res.json()) as Record<string, unknown>;
    assert.equal(body['errorId'], 'error.request.connection.authenticationFailure');
    assert.equal(body['errorCode'], errorCode);
    assert.equal(typeof body['message'], 'string');
  }

  test('GET connection answers 200 with connectionState 1', async () => {
    const s = await login(sim);
    const res = await call(sim, s, 'connection');
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { connectionState: 1, reason: 'Connected', shouldReconnect: false });
  });

  test('401 variants: missing cookie (4), missing CSRF (2), wrong values and unknown session (-2147221499)', async () => {
    const s = await login(sim);
    await expect401(await call(sim, s, 'connection', { omit: ['cookie'] }), 4);
    await expect401(await call(sim, s, 'connection', { omit: ['csrf'] }), 2);
    await expect401(await call(sim, s, 'connection', { headers: { 'ININ-ICWS-CSRF-Token': 'nope' } }), -2147221499);
    await expect401(await call(sim, { ...s, cookie: `icws_${s.sessionId}=wrong` }, 'connection'), -2147221499);
    await expect401(await call(sim, { ...s, sessionId: '1' }, 'connection'), -2147221499);
  });

  test('the cookie is found among other cookies; messages need no CSRF token', async () => {
    const s = await login(sim);
    const res = await call(sim, { ...s, cookie: `other=1; ${s.cookie}; icws_1=x` }, 'messaging/messages', { omit: ['csrf'] });
    assert.equal(res.status, 200);
  });

  test('DELETE connection ends the session', async () => {
    const s = await login(sim);
    assert.equal((await call(sim, s, 'connection', { method: 'DELETE' })).status, 200);
    await expect401(await call(sim, s, 'connection'), -2147221499);
  });

  test('admin expiry of one or all sessions', async () => {
    const a = await login(sim);
    const b = await login(sim, 'agent2');
    assert.deepEqual(sim.admin.expireSessions(a.sessionId), [a.sessionId]);
    await expect401(await call(sim, a, 'connection'), -2147221499);
    assert.equal((await call(sim, b, 'connection')).status, 200);
    const res = await fetch(`${sim.url}/_sim/sessions/expire`, { method: 'POST' });
    assert.ok(((await res.json()) as { expired: string[] }).expired.includes(b.sessionId));
    await expect401(await call(sim, b, 'messaging/messages', { omit: ['csrf'] }), -2147221499);
    const listed = ((await (await fetch(`${sim.url}/_sim/sessions`)).json()) as { sessions: any[] }).sessions;
    assert.equal(listed.find((x) => x.sessionId === b.sessionId).alive, false);
  });

  test('restart drops every session: the next call is a 401, a new login works', async () => {
    const s = await login(sim);
    sim.admin.restart();
    // Like a real restart, pooled keep-alive sockets die; let the client notice before reusing one.
    await new Promise((r) => setTimeout(r, 20));
    await expect401(await call(sim, s, 'connection'), -2147221499);
    assert.equal((await call(sim, await login(sim), 'connection')).status, 200);
  });

  test('unknown routes 404, wrong methods 405, both with ICWS error bodies', async () => {
    const s = await login(sim);
    const missing = await call(sim, s, 'no/such/thing');
    assert.equal(missing.status, 404);
    assert.equal(missing.headers.get('content-type'), 'application/vnd.inin.icws+json;charset=utf-8');
    assert.equal(typeof ((await missing.json()) as Record<string, unknown>)['message'], 'string');
    const wrong = await call(sim, s, 'client-buttons/handler-action');
    assert.equal(wrong.status, 405);
    assert.equal(((await wrong.json()) as Record<string, unknown>)['errorId'], 'error.request.accessDenied.httpMethodNotAllowed');
    assert.equal(wrong.headers.get('allow'), 'POST');
  });
});

describe('session-less resources', () => {
  let sim: Simulator;
  before(async () => {
    sim = await start();
  });
  after(() => sim.close());

  test('features, one feature, version', async () => {
    const list = (await (await fetch(`${sim.url}/icws/connection/features`)).json()) as { featureInfoList: unknown[] };
    assert.ok(list.featureInfoList.length >= 6);
    const one = await fetch(`${sim.url}/icws/connection/features/Client-Buttons`);
    assert.deepEqual(await one.json(), { featureId: 'client-buttons', version: 3 });
    assert.equal((await fetch(`${sim.url}/icws/connection/features/licenses`)).status, 404);
    const version = (await (await fetch(`${sim.url}/ICWS/connection/version`)).json()) as Record<string, unknown>;
    assert.equal(version['productReleaseDisplayString'], '2025 R1');
  });
});

describe('idle expiry', () => {
  test('a session idle longer than sessionIdleTtlMs answers 401; activity keeps it alive', async () => {
    let now = 1_000_000;
    const sim = await start({ sessionIdleTtlMs: 1000, clock: () => now });
    try {
      const s = await login(sim);
      now += 800;
      assert.equal((await call(sim, s, 'connection')).status, 200);
      now += 800;
      assert.equal((await call(sim, s, 'connection')).status, 200);
      now += 1001;
      const res = await call(sim, s, 'connection');
      assert.equal(res.status, 401);
      assert.equal(res.headers.get('www-authenticate'), WWW);
      assert.equal(sim.admin.sessions()[0]!.endedReason, 'expired');
    } finally {
      await sim.close();
    }
  });

  test('with the real clock and a short TTL', async () => {
    const sim = await start({ sessionIdleTtlMs: 150 });
    try {
      const s = await login(sim);
      await new Promise((r) => setTimeout(r, 250));
      assert.equal((await call(sim, s, 'connection')).status, 401);
    } finally {
      await sim.close();
    }
  });
});

describe('switchover', () => {
  test('backup answers 503 notAcceptingConnections with alternateHostList; the peer on 127.0.0.2 logs in', async () => {
    const backup = await start({ mode: 'backup', alternateHosts: ['127.0.0.2'] });
    const primary = await start({ host: '127.0.0.2', port: backup.port, alternateHosts: ['127.0.0.1'] });
    try {
      const res = await loginRaw(backup.url, credentials());
      assert.equal(res.status, 503);
      assert.equal(res.headers.get('content-type'), 'application/vnd.inin.icws+json;charset=utf-8');
      const body = (await res.json()) as Record<string, unknown>;
      assert.equal(body['errorId'], 'error.server.notAcceptingConnections');
      assert.equal(typeof body['message'], 'string');
      assert.deepEqual(body['alternateHostList'], ['127.0.0.2']);
      const peer = new URL(backup.url);
      peer.hostname = (body['alternateHostList'] as string[])[0]!;
      const s = await login(peer.origin);
      assert.deepEqual(s.body['alternateHostList'], ['127.0.0.1']);

      // Mode flips at run time, over HTTP too.
      await fetch(`${backup.url}/_sim/mode`, { method: 'POST', body: JSON.stringify({ mode: 'primary' }) });
      assert.equal((await loginRaw(backup.url, credentials())).status, 201);
      backup.admin.setMode('backup', ['127.0.0.3']);
      assert.deepEqual(((await (await loginRaw(backup.url, credentials())).json()) as Record<string, unknown>)['alternateHostList'], ['127.0.0.3']);
    } finally {
      await Promise.all([backup.close(), primary.close()]);
    }
  });
});

describe('PUT /icws/{sessionId}/connection/station', () => {
  let sim: Simulator;
  before(async () => {
    sim = await start();
  });
  after(() => sim.close());

  test('a workstation is connected (200) and read back; bad settings are 400s', async () => {
    const session = await login(sim);
    assert.equal((await call(sim, session, 'connection/station')).status, 404, 'no station yet');
    const put = (body: unknown) => call(sim, session, 'connection/station', { method: 'PUT', body });
    assert.equal((await put({ __type: 'urn:inin.com:connection:workstationSettings', workstation: '7001', supportedMediaTypes: [1] })).status, 200);
    const station = (await (await call(sim, session, 'connection/station')).json()) as Record<string, unknown>;
    assert.equal(station['id'], '7001');
    assert.equal((await put({ __type: 'urn:inin.com:connection:workstationSettings' })).status, 400, 'workstation is required');
    assert.equal((await put({ workstation: '7001' })).status, 400, 'the settings type is required');
    assert.equal((await put({ __type: 'urn:inin.com:connection:stationlessSettings' })).status, 200);
  });
});
