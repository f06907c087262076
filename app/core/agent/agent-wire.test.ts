// What a whole agent session puts on the wire, seen by a recording proxy between the core and the simulator:
// every session call carries the cookie (name=value only) and the CSRF token, except the messages resource,
// which gets the cookie alone, as an EventSource would.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { agentFor, startQuietSimulator, waitFor } from './testing/agent-harness.ts';
import { startRecordingProxy } from './testing/recording-proxy.ts';

test('every session request carries the cookie and, but for messages, the CSRF token', async () => {
  const sim = await startQuietSimulator();
  const proxy = await startRecordingProxy(sim);
  const { seen, url } = proxy;
  const t = agentFor();
  try {
    await t.signIn(url);
    assert.equal((await t.agent.press({ buttonId: 'Escalate', interactionId: '1001000001' }, 'click')).phase, 'succeeded');
    sim.admin.changeInteraction('1001000002', { Eic_State: 'C' });
    await waitFor(() => t.agent.snapshot().interactions.find((v) => v.id === '1001000002')?.state === 'connected', 'a delta');
    await t.agent.signOut();

    const [session] = sim.admin.sessions();
    assert.ok(session);
    const scoped = seen.filter((entry) => entry.path.startsWith(`/icws/${session.sessionId}/`));
    const kinds = new Set(scoped.map((entry) => `${entry.method} ${entry.path.split('?')[0]!.replace(`/icws/${session.sessionId}`, '')}`));
    for (const expected of [
      'PUT /messaging/subscriptions/queues/my-interactions',
      'PUT /messaging/subscriptions/configuration/client-buttons/client-buttons',
      'GET /configuration/client-buttons',
      'GET /messaging/messages',
      'POST /client-buttons/handler-action',
      'DELETE /connection',
    ]) {
      assert.ok(kinds.has(expected), `${expected} was sent (saw ${[...kinds].join(', ')})`);
    }
    for (const entry of scoped) {
      assert.match(String(entry.headers.cookie), new RegExp(`^icws_${session.sessionId}=[^;]+$`), `${entry.method} ${entry.path}`);
      const isMessages = entry.path.startsWith(`/icws/${session.sessionId}/messaging/messages`);
      assert.equal(typeof entry.headers['inin-icws-csrf-token'], isMessages ? 'undefined' : 'string', `${entry.method} ${entry.path}`);
    }
    const login = seen.find((entry) => entry.path.startsWith('/icws/connection'));
    assert.equal(login?.headers.cookie, undefined, 'the login sends no cookie');
  } finally {
    await t.agent.shutdown();
    await proxy.close();
    await sim.close();
  }
});
