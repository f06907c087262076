import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startSimulator, type Simulator } from '../../sim/server.ts';
import { defaultScenario } from '../../sim/scenario.ts';
import { createIcwsClient, handlerRequestBody, sessionCookie, type IcwsSession } from './client.ts';
import { IcwsError, parseWwwAuthenticate } from './errors.ts';

const client = createIcwsClient({ timeoutMs: 2000 });
const login = (server: string, password = 'agent1') =>
  client.login({ server, userId: 'agent1', password, applicationName: 'client tests', language: 'en-US' });

/** A throwaway HTTP server whose every answer the test decides; it records what it was sent. */
async function rawServer(answer: (req: IncomingMessage, body: string, res: ServerResponse) => void) {
  const seen: { method: string; url: string; headers: IncomingMessage['headers']; body: string }[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      answer(req, body, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

async function rejects(promise: Promise<unknown>): Promise<IcwsError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof IcwsError, `expected IcwsError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected the call to fail');
}

const firstInteraction = () => defaultScenario().interactions!['agent1']![0]!.interactionId;

describe('ICWS client against the simulator', () => {
  let sim: Simulator;
  before(async () => {
    sim = await startSimulator({ scenario: { ...defaultScenario(), timeline: [] } });
  });
  after(() => sim.close());

  test('login reads session ID, CSRF token, cookie, features and display name', async () => {
    const session = await login(sim.url);
    assert.match(session.sessionId, /^\d+$/);
    assert.ok(session.csrfToken.length > 10);
    assert.match(session.cookie, new RegExp(`^icws_${session.sessionId}=[^;]+$`), 'name=value only, no attributes');
    assert.equal(session.userDisplayName, 'Agent One');
    assert.ok(session.features.some((f) => f.featureId === 'client-buttons' && f.version >= 3));
    assert.equal(session.server, sim.url);
    await client.logout(session);
  });

  test('bad password is an authentication failure with the server message', async () => {
    const error = await rejects(login(sim.url, 'wrong'));
    assert.equal(error.kind, 'http');
    assert.equal(error.status, 400);
    assert.equal(error.errorId, 'error.request.connection.authenticationFailure');
    assert.ok(error.message.length > 0);
  });

  test('missing credentials and malformed URLs fail before anything is sent', async () => {
    for (const request of [
      { server: sim.url, userId: '', password: 'x' },
      { server: sim.url, userId: 'agent1', password: '' },
      { server: 'ftp://example', userId: 'agent1', password: 'x' },
      { server: 'http://user:pw@127.0.0.1:1', userId: 'agent1', password: 'x' },
      { server: 'http://[bad', userId: 'agent1', password: 'x' },
    ]) {
      const error = await rejects(client.login({ ...request, applicationName: 'a', language: 'en-US' }));
      assert.equal(error.kind, 'validation', JSON.stringify(request));
    }
  });

  test('handler action: 204, case-insensitive button ID, recorded once by the server', async () => {
    const session = await login(sim.url);
    sim.admin.clearActions();
    const interactionId = firstInteraction();
    assert.equal(await client.handlerAction(session, { buttonId: 'ESCALATE', interactionId }), 204);
    assert.equal(await client.handlerAction(session, { buttonId: 'RequestBreak' }), 204);
    const actions = sim.admin.actions();
    assert.equal(actions.length, 2);
    assert.equal(actions[0]!.buttonId, 'Escalate');
    assert.equal(actions[0]!.interactionId, interactionId);
    assert.equal(actions[1]!.interactionId, null);
    await client.logout(session);
  });

  test('400 for an interaction that does not exist carries errorId and message', async () => {
    const session = await login(sim.url);
    const error = await rejects(client.handlerAction(session, { buttonId: 'Escalate', interactionId: 'no-such-interaction' }));
    assert.equal(error.status, 400);
    assert.equal(error.kind, 'http');
    assert.ok(error.serverMessage && error.serverMessage.length > 0);
    assert.equal(error.message, error.serverMessage);
  });

  test('403 for a button the agent has no right to', async () => {
    const session = await login(sim.url);
    const error = await rejects(client.handlerAction(session, { buttonId: 'ForceRecord', interactionId: firstInteraction() }));
    assert.equal(error.status, 403);
    assert.equal(error.kind, 'http');
  });

  test('401 for a wrong token, a wrong cookie, a missing cookie and an expired session, with the auth location', async () => {
    const session = await login(sim.url);
    const variants: [string, IcwsSession][] = [
      ['wrong token', { ...session, csrfToken: 'not-the-token' }],
      ['missing token', { ...session, csrfToken: '' }],
      ['wrong cookie', { ...session, cookie: `icws_${session.sessionId}=00000000` }],
      ['missing cookie', { ...session, cookie: '' }],
      ['unknown session', { ...session, sessionId: '999999999' }],
    ];
    for (const [name, broken] of variants) {
      const error = await rejects(client.handlerAction(broken, { buttonId: 'Escalate' }));
      assert.equal(error.status, 401, name);
      assert.equal(error.isSessionRejected, true, name);
      assert.equal(error.authenticate?.scheme, 'ICWS', name);
      assert.equal(error.authenticate?.location, '/ICWS/connection', name);
    }
    // The real session still works: the broken copies changed nothing on the server.
    assert.equal(await client.handlerAction(session, { buttonId: 'Escalate' }), 204);
    sim.admin.expireSessions(session.sessionId);
    const expired = await rejects(client.handlerAction(session, { buttonId: 'Escalate' }));
    assert.equal(expired.status, 401);
    assert.equal(expired.authenticate?.location, '/ICWS/connection');
  });

  test('500 from the server maps to a server error with its message', async () => {
    const session = await login(sim.url);
    sim.admin.addFault({ route: 'handler-action', kind: 'status', status: 500, count: 1 });
    const error = await rejects(client.handlerAction(session, { buttonId: 'Escalate' }));
    assert.equal(error.status, 500);
    assert.ok(error.message.length > 0);
    assert.equal(await client.handlerAction(session, { buttonId: 'Escalate' }), 204, 'the fault was one-shot');
  });

  test('a server that closes the socket mid-request gives a network error that may have reached it', async () => {
    const session = await login(sim.url);
    sim.admin.addFault({ route: 'handler-action', kind: 'drop', count: 1 });
    const error = await rejects(client.handlerAction(session, { buttonId: 'Escalate' }));
    assert.equal(error.kind, 'network');
    assert.equal(error.delivery, 'maybe-sent');
    assert.equal(error.status, null);
  });

  test('sign-out ends the session on the server', async () => {
    const session = await login(sim.url);
    await client.logout(session);
    const error = await rejects(client.handlerAction(session, { buttonId: 'Escalate' }));
    assert.equal(error.status, 401);
  });

  test('connection state, features and version', async () => {
    const session = await login(sim.url);
    assert.equal((await client.connectionState(session)).connectionState, 1);
    const features = await client.features(sim.url);
    assert.ok(features.some((f) => f.featureId === 'messaging'));
    const version = await client.version(sim.url);
    assert.equal(typeof version.majorVersion, 'number');
  });
});

describe('feature gate and 410', () => {
  test('below client-buttons 3 the POST is refused locally; a server that says 410 maps to unsupported-by-server', async () => {
    const scenario = defaultScenario();
    const sim = await startSimulator({ scenario: { ...scenario, timeline: [], features: { ...scenario.features, 'client-buttons': 2 } } });
    try {
      const session = await login(sim.url);
      const local = await rejects(client.handlerAction(session, { buttonId: 'Escalate' }));
      assert.equal(local.kind, 'unsupported');
      assert.equal(local.status, null, 'nothing was sent: a sent POST would have answered 410');
      assert.match(local.message, /version 2/);
      // Pretend the server had advertised version 3: the real answer is then the seed's 410.
      const claimed = { ...session, features: [{ featureId: 'client-buttons', version: 3 }] };
      const gone = await rejects(client.handlerAction(claimed, { buttonId: 'Escalate' }));
      assert.equal(gone.status, 410);
      assert.equal(gone.kind, 'http');
    } finally {
      await sim.close();
    }
  });
});

describe('switchover', () => {
  test('503 with alternateHostList moves the login to the listed host on the same scheme and port', async () => {
    const primary = await startSimulator({ host: '127.0.0.2', port: 0, scenario: { ...defaultScenario(), timeline: [] } });
    const backup = await startSimulator({ host: '127.0.0.1', port: primary.port, mode: 'backup', alternateHosts: ['127.0.0.2'] });
    try {
      const session = await login(`http://127.0.0.1:${primary.port}`);
      assert.equal(session.server, `http://127.0.0.2:${primary.port}`);
      assert.equal(await client.handlerAction(session, { buttonId: 'Escalate' }), 204);
    } finally {
      await Promise.all([primary.close(), backup.close()]);
    }
  });

  test('two backups pointing at each other: each host tried once, then the 503 is reported', async () => {
    const a = await startSimulator({ host: '127.0.0.3', port: 0, mode: 'backup', alternateHosts: ['127.0.0.4'] });
    const b = await startSimulator({ host: '127.0.0.4', port: a.port, mode: 'backup', alternateHosts: ['127.0.0.3'] });
    try {
      const error = await rejects(login(`http://127.0.0.3:${a.port}`));
      assert.equal(error.status, 503);
      assert.equal(error.errorId, 'error.server.notAcceptingConnections');
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});

describe('wire details against a recording server', () => {
  test('handler action sends CSRF, name=value cookie, vnd content type, and no interactionId when absent', async () => {
    const server = await rawServer((_req, _body, res) => { res.statusCode = 204; res.end(); });
    try {
      const session: IcwsSession = {
        server: server.url, sessionId: '42', csrfToken: 'tok', cookie: 'icws_42=abc', userId: 'agent1',
        userDisplayName: null, icServer: null, language: 'en-US', alternateHosts: [], version: null,
        features: [{ featureId: 'client-buttons', version: 3 }],
      };
      assert.equal(await client.handlerAction(session, { buttonId: 'Escalate' }), 204);
      await client.handlerAction(session, { buttonId: 'Escalate', interactionId: '1001' });
      const [first, second] = server.seen;
      assert.equal(first!.method, 'POST');
      assert.equal(first!.url, '/icws/42/client-buttons/handler-action');
      assert.equal(first!.headers['inin-icws-csrf-token'], 'tok');
      assert.equal(first!.headers.cookie, 'icws_42=abc');
      assert.match(String(first!.headers['content-type']), /^application\/vnd\.inin\.icws\+JSON/i);
      assert.equal(first!.body, '{"buttonId":"Escalate"}');
      assert.equal(second!.body, '{"buttonId":"Escalate","interactionId":"1001"}');
    } finally {
      await server.close();
    }
  });

  test('plain application/json login replies are accepted; Set-Cookie attributes are dropped', async () => {
    const server = await rawServer((_req, _body, res) => {
      res.writeHead(201, {
        'Content-Type': 'application/json',
        'Set-Cookie': ['other=1; Path=/', 'icws_7=guid-1|languageId=en-us; Path=/icws/7; HttpOnly; Secure'],
      });
      res.end(JSON.stringify({ sessionId: '7', csrfToken: 'c', features: [{ featureId: 'client-buttons', version: 3 }] }));
    });
    try {
      const session = await login(server.url);
      assert.equal(session.cookie, 'icws_7=guid-1|languageId=en-us');
      assert.equal(server.seen[0]!.url, '/icws/connection?include=features,version');
      assert.equal(server.seen[0]!.headers['accept-language'], 'en-US');
      const body = JSON.parse(server.seen[0]!.body);
      assert.deepEqual(body, {
        __type: 'urn:inin.com:connection:icAuthConnectionRequestSettings',
        applicationName: 'client tests', userID: 'agent1', password: 'agent1',
      });
    } finally {
      await server.close();
    }
  });

  test('non-JSON and empty error bodies still give clear messages', async () => {
    let reply: [number, string, string] = [500, 'text/html', '<html><body>Proxy error</body></html>'];
    const server = await rawServer((_req, _body, res) => {
      res.writeHead(reply[0], { 'Content-Type': reply[1] });
      res.end(reply[2]);
    });
    const session: IcwsSession = {
      server: server.url, sessionId: '1', csrfToken: 't', cookie: 'icws_1=v', userId: 'u', userDisplayName: null,
      icServer: null, language: 'en-US', alternateHosts: [], version: null, features: [{ featureId: 'client-buttons', version: 3 }],
    };
    try {
      const html = await rejects(client.handlerAction(session, { buttonId: 'B' }));
      assert.equal(html.status, 500);
      assert.equal(html.errorId, null);
      assert.match(html.message, /failed.*HTTP 500.*not a readable ICWS error/);
      assert.doesNotMatch(html.message, /<html>/);
      reply = [403, 'application/vnd.inin.icws+json', ''];
      const empty = await rejects(client.handlerAction(session, { buttonId: 'B' }));
      assert.equal(empty.status, 403);
      assert.match(empty.message, /permission/);
      reply = [400, 'application/json', '{"errorId":"error.request.invalidRepresentation","message":"buttonId is missing"}'];
      const bad = await rejects(client.handlerAction(session, { buttonId: 'B' }));
      assert.equal(bad.errorId, 'error.request.invalidRepresentation');
      assert.equal(bad.message, 'buttonId is missing');
      reply = [418, 'application/json', '{"message": 42}'];
      const odd = await rejects(client.handlerAction(session, { buttonId: 'B' }));
      assert.equal(odd.status, 418);
      assert.match(odd.message, /HTTP 418/);
    } finally {
      await server.close();
    }
  });

  test('connection refused and a failed TLS handshake are certainly not sent; a silent server times out as maybe sent', async () => {
    const closed = await rawServer(() => undefined);
    await closed.close();
    const refused = await rejects(login(closed.url));
    assert.equal(refused.kind, 'network');
    assert.equal(refused.delivery, 'not-sent');

    const plain = await rawServer((_req, _body, res) => res.end());
    try {
      const tls = await rejects(login(plain.url.replace('http:', 'https:')));
      assert.equal(tls.kind, 'network');
      assert.equal(tls.delivery, 'not-sent', 'a failed TLS handshake delivered nothing');
      assert.match(tls.message, /secure connection/);
    } finally {
      await plain.close();
    }

    const silent = await rawServer(() => undefined);
    try {
      const quick = createIcwsClient({ timeoutMs: 200 });
      const timeout = await rejects(quick.login({ server: silent.url, userId: 'u', password: 'p', applicationName: 'a', language: 'en' }));
      assert.equal(timeout.kind, 'network');
      assert.equal(timeout.timedOut, true);
      assert.equal(timeout.delivery, 'maybe-sent');
    } finally {
      await silent.close();
    }
  });
});

describe('pure helpers', () => {
  test('handler request body: validated, interactionId omitted rather than null', () => {
    assert.deepEqual(handlerRequestBody({ buttonId: 'A' }), { buttonId: 'A' });
    assert.equal('interactionId' in handlerRequestBody({ buttonId: 'A', interactionId: undefined }), false);
    for (const bad of [{ buttonId: '' }, { buttonId: '   ' }, { buttonId: 7 }, { buttonId: 'A', interactionId: '' }, { buttonId: 'x'.repeat(300) }]) {
      assert.throws(() => handlerRequestBody(bad as never), (e: unknown) => e instanceof IcwsError && e.kind === 'validation');
    }
  });

  test('WWW-Authenticate and Set-Cookie parsing', () => {
    assert.deepEqual(parseWwwAuthenticate('ICWS realm="ICWS" location="/ICWS/connection"'), {
      scheme: 'ICWS', realm: 'ICWS', location: '/ICWS/connection',
    });
    assert.deepEqual(parseWwwAuthenticate('ICWS realm=ICWS, location="/x"'), { scheme: 'ICWS', realm: 'ICWS', location: '/x' });
    assert.equal(parseWwwAuthenticate(''), null);
    assert.equal(sessionCookie(['icws_12=a-b; Path=/icws/12; HttpOnly'], '12'), 'icws_12=a-b');
    assert.equal(sessionCookie(['icws_123=zzz; Path=/'], '12'), null);
  });
});
