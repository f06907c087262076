import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AuditEntry } from '../../ipc/contract.ts';
import { createAuditLog } from './audit-log.ts';

const entry = (n: number): AuditEntry => ({
  at: n, pressId: `p${n}`, buttonId: 'B', interactionId: null, source: 'click', result: 'succeeded', status: 204, errorId: null, message: '',
});

test('appends persist through the store, and the log keeps only the newest entries', () => {
  let saved: AuditEntry[] = [];
  const log = createAuditLog({ load: () => [entry(0)], save: (entries) => (saved = entries) }, 3);
  for (let n = 1; n <= 4; n++) log.append(entry(n));
  assert.deepEqual(log.entries().map((e) => e.at), [2, 3, 4]);
  assert.deepEqual(saved.map((e) => e.at), [2, 3, 4]);
});

test('an unreadable stored log starts empty instead of failing', () => {
  const log = createAuditLog({ load: () => { throw new Error('corrupt'); }, save: () => {} });
  assert.deepEqual(log.entries(), []);
});
