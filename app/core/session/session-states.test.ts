import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { SessionState } from '../../ipc/contract.ts';
import { canMove } from './session-states.ts';

const ALL: SessionState[] = ['signed-out', 'signing-in', 'up', 'expired', 'reconnecting', 'signed-out-by-server'];

test('sign-in and sign-out are always possible; an expiry ends only a live session', () => {
  for (const from of ALL) {
    assert.equal(canMove(from, 'signing-in'), true, from);
    assert.equal(canMove(from, 'signed-out'), true, from);
  }
  assert.deepEqual(ALL.filter((from) => canMove(from, 'expired')), ['signing-in', 'up', 'reconnecting']);
  assert.deepEqual(ALL.filter((from) => canMove(from, 'up')), ['signing-in', 'reconnecting']);
  assert.equal(canMove('expired', 'up'), false, 'only a new sign-in ends an expiry');
  assert.equal(canMove('signed-out', 'reconnecting'), false);
});
