import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { PressProgress, UiError } from '../../app/ipc/contract.ts';
import { pressMessage, signInErrorMessage } from './messages.ts';

const error = (patch: Partial<UiError>): UiError => ({
  kind: 'http',
  status: 400,
  errorId: null,
  message: 'The authentication process failed.',
  retrySafe: false,
  ...patch,
});

test('sign-in errors say what is wrong in the agent’s terms', () => {
  assert.equal(
    signInErrorMessage(error({ errorId: 'error.request.connection.authenticationFailure' }), 'https://cic').title,
    'The user ID or password is not correct.',
  );
  assert.equal(signInErrorMessage(error({}), 'x').title, 'The user ID or password is not correct.', 'old servers send only a code');
  const network = signInErrorMessage(error({ kind: 'network', status: null, message: 'connect ECONNREFUSED' }), 'https://cic:8019');
  assert.match(network.title, /Cannot reach the server at https:\/\/cic:8019/);
  assert.equal(network.detail, 'connect ECONNREFUSED');
  assert.match(signInErrorMessage(error({ kind: 'unsupported', status: null }), 'x').title, /client-buttons version 3/);
  assert.equal(signInErrorMessage(error({ status: 500, errorId: 'x', message: 'boom' }), 'x').title, 'The server refused the sign-in (HTTP 500).');
});

const progress = (patch: Partial<PressProgress>): PressProgress => ({
  pressId: 'p1',
  buttonId: 'Escalate',
  buttonLabel: 'Escalate',
  interactionId: '1',
  source: 'click',
  phase: 'failed',
  error: null,
  at: 0,
  ...patch,
});

test('press results: success, permission, server message, and the unknown outcome', () => {
  assert.deepEqual(pressMessage(progress({ phase: 'succeeded' })), { tone: 'success', text: 'Escalate done.' });
  assert.equal(pressMessage(progress({ error: error({ status: 403, message: '' }) })).text, 'You do not have permission to use Escalate.');
  assert.equal(pressMessage(progress({ error: error({ status: 500, message: 'Handler threw' }) })).text, 'Escalate failed (HTTP 500): Handler threw');
  assert.match(
    pressMessage(progress({ error: error({ kind: 'network', status: null, message: 'socket hang up' }) })).text,
    /may or may not have run: socket hang up\. Check before pressing it again\./,
  );
  assert.equal(pressMessage(progress({ phase: 'pending' })).tone, 'pending');
  assert.equal(pressMessage(progress({ phase: 'dropped', error: error({ message: 'waited past the time limit' }) })).text, 'Escalate was not run: waited past the time limit');
});
