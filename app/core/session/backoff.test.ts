import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createBackoff } from './backoff.ts';

test('delays double from the base, stay under the cap, and jitter within half of the ceiling', () => {
  const low = createBackoff({ baseMs: 100, capMs: 1000, random: () => 0 });
  assert.deepEqual([1, 2, 3, 4, 5, 6].map(() => low.next()), [50, 100, 200, 400, 500, 500]);
  const high = createBackoff({ baseMs: 100, capMs: 1000, random: () => 1 });
  assert.deepEqual([1, 2, 3, 4, 5].map(() => high.next()), [100, 200, 400, 800, 1000]);
  high.reset();
  assert.equal(high.next(), 100);
  assert.equal(high.attempts, 1);
});
