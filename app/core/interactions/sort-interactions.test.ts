import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sortInteractions } from './sort-interactions.ts';
import type { SortableInteraction } from './sort-interactions.ts';

const row = (id: string, alerting: boolean, active: boolean, startedAt: number | null): SortableInteraction => ({ id, alerting, active, startedAt });

test('alerting, then active, then disconnected; newest first; unknown times last; ties by id', () => {
  const rows = [
    row('gone-old', false, false, 1),
    row('live-old', false, true, 10),
    row('ring-b', true, true, 50),
    row('gone-new', false, false, 99),
    row('live-none', false, true, null),
    row('live-new', false, true, 20),
    row('ring-a', true, true, 50),
    row('live-none-a', false, true, null),
  ];
  assert.deepEqual(
    sortInteractions(rows).map((r) => r.id),
    ['ring-a', 'ring-b', 'live-new', 'live-old', 'live-none', 'live-none-a', 'gone-new', 'gone-old'],
  );
});

test('returns a copy and leaves the input alone', () => {
  const rows = [row('b', false, true, 1), row('a', true, true, 1)];
  const sorted = sortInteractions(rows);
  assert.notEqual(sorted, rows);
  assert.deepEqual(rows.map((r) => r.id), ['b', 'a']);
  assert.deepEqual(sortInteractions([]), []);
});
