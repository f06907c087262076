import { test } from 'node:test';
import assert from 'node:assert/strict';
import { INVOKE_CHANNELS } from '../../ipc/bridge.ts';
import { createIpcHandlers } from './ipc-handlers.ts';
import { createFakeAgent } from './testing/fake-agent.ts';

const signIn = { server: 'https://cic.example.com:8019', userId: 'agent1', password: 'hunter2' };

test('the table has exactly one handler for every invoke channel of the contract', () => {
  assert.deepEqual(Object.keys(createIpcHandlers(createFakeAgent())).sort(), [...INVOKE_CHANNELS].sort());
});

test('valid payloads reach the agent, typed and with the right press source', async () => {
  const agent = createFakeAgent();
  const handlers = createIpcHandlers(agent);
  await handlers['session:sign-in']({ ...signIn, station: '7001', remember: true, language: 'fr-fr' });
  await handlers['press:run']({ buttonId: 'btn-1', interactionId: 'i-1' });
  await handlers['press:cancel']('press-9');
  await handlers['settings:set']({ notifications: false, shortcuts: { 'CommandOrControl+Shift+F1': { kind: 'show-window' } } });
  assert.equal(await handlers['selection:set'](null), null);
  await handlers['selection:set']('i-2');
  await handlers['app:snapshot']();
  await handlers['audit:list']();
  await handlers['session:sign-out']();
  assert.deepEqual(
    agent.calls.map((call) => [call.method, ...call.args]),
    [
      ['signIn', { ...signIn, station: '7001', remember: true, language: 'fr-fr' }],
      ['press', { buttonId: 'btn-1', interactionId: 'i-1' }, 'click'],
      ['cancelPending', 'press-9'],
      ['updateSettings', { notifications: false, shortcuts: { 'CommandOrControl+Shift+F1': { kind: 'show-window' } } }],
      ['setFocusedInteraction', null],
      ['setFocusedInteraction', 'i-2'],
      ['snapshot'],
      ['auditLog'],
      ['signOut'],
    ],
  );
});

const rejected: [string, unknown[], RegExp][] = [
  ['app:snapshot', ['extra'], /takes 0 arguments/],
  ['session:sign-in', [], /takes 1 argument/],
  ['session:sign-in', ['not an object'], /must be an object/],
  ['session:sign-in', [{ ...signIn, password: undefined }], /password is required/],
  ['session:sign-in', [{ ...signIn, password: '' }], /password is required/],
  ['session:sign-in', [{ ...signIn, password: 42 }], /password must be a string/],
  ['session:sign-in', [{ ...signIn, admin: true }], /unknown field "admin"/],
  ['session:sign-in', [{ ...signIn, server: 'file:///etc/passwd' }], /http/],
  ['session:sign-in', [{ ...signIn, server: 'javascript:alert(1)' }], /not a valid server/],
  ['session:sign-in', [{ ...signIn, server: 'https://user:pw@cic.example.com' }], /user name or password/],
  ['session:sign-in', [{ ...signIn, userId: 'x'.repeat(257) }], /userId must be at most 256/],
  ['session:sign-in', [{ ...signIn, remember: 'yes' }], /remember must be true or false/],
  ['session:sign-in', [{ ...signIn, language: '<script>' }], /language tag/],
  ['press:run', [{ buttonId: 'b'.repeat(257) }], /buttonId must be at most 256/],
  ['press:run', [{ buttonId: '' }], /buttonId must be a non-empty/],
  ['press:run', [{ buttonId: 'b\u0000' }], /control characters/],
  ['press:run', [{}], /buttonId is required/],
  ['press:run', [{ buttonId: 'b', source: 'shortcut' }], /unknown field "source"/],
  ['press:run', [Object.assign(Object.create({ polluted: true }), { buttonId: 'b' })], /must be an object/],
  ['press:cancel', [7], /pressId must be a string/],
  ['settings:set', [{ server: 'https://elsewhere' }], /unknown field "server"/],
  ['settings:set', [{ notifications: 'off' }], /notifications must be true or false/],
  ['settings:set', [{ shortcuts: { A: { kind: 'show-window' } } }], /not a valid shortcut/],
  ['settings:set', [{ shortcuts: { 'Alt+1': { kind: 'button-slot', slot: 0 } } }], /slot must be a whole number/],
  ['settings:set', [{ shortcuts: { 'Alt+1': { kind: 'launch-missiles' } } }], /button-slot/],
  ['selection:set', [42], /interactionId must be a string/],
];

for (const [channel, payload, message] of rejected) {
  test(`${channel} rejects ${JSON.stringify(payload).slice(0, 60)}`, async () => {
    const agent = createFakeAgent();
    const handlers = createIpcHandlers(agent) as Record<string, (...args: unknown[]) => Promise<unknown>>;
    await assert.rejects(handlers[channel]!(...payload), (error: Error) => {
      assert.equal(error.name, 'ValidationError');
      assert.match(error.message, message);
      return true;
    });
    assert.deepEqual(agent.calls, [], 'nothing reaches the agent');
  });
}

test('a validation error never echoes the password it rejected', async () => {
  const handlers = createIpcHandlers(createFakeAgent());
  const secret = `s3cret-${'x'.repeat(2000)}`;
  await assert.rejects(handlers['session:sign-in']({ ...signIn, password: secret }), (error: Error) => {
    assert.doesNotMatch(error.message, /s3cret/);
    return true;
  });
});
