import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createSseParser, MAX_EVENT_BYTES, type SseEvent } from './sse-parser.ts';

function collect() {
  const events: SseEvent[] = [];
  const comments: string[] = [];
  let oversized = 0;
  const parser = createSseParser({
    onEvent: (event) => events.push(event),
    onComment: (text) => comments.push(text),
    onOversized: () => oversized++,
  });
  return { parser, events, comments, oversized: () => oversized };
}

test('events split across chunks, CRLF and multi-line data, comments as liveness', () => {
  const { parser, events, comments } = collect();
  const bytes = new TextEncoder().encode(':ping\r\n\r\ndata: {"a":\r\ndata: 1}\r\n\r\nevent: x\nid: 7\ndata:two\n\n');
  for (let i = 0; i < bytes.length; i += 3) parser.push(bytes.slice(i, i + 3));
  assert.deepEqual(comments, ['ping']);
  assert.deepEqual(events, [
    { event: 'message', data: '{"a":\n1}', id: null },
    { event: 'x', data: 'two', id: '7' },
  ]);
});

test('a multi-byte character split between chunks survives', () => {
  const { parser, events } = collect();
  const bytes = new TextEncoder().encode('data: Zoë 名前\n\n');
  parser.push(bytes.slice(0, 9));
  parser.push(bytes.slice(9));
  assert.equal(events[0]!.data, 'Zoë 名前');
});

test('an event cut before its blank line is never dispatched', () => {
  const { parser, events } = collect();
  parser.push('data: {"__type":"urn:x","isDelta":tr');
  assert.equal(events.length, 0);
  assert.ok(parser.pendingBytes > 0);
});

test('an oversized event is dropped and reported, and the stream goes on', () => {
  const { parser, events, oversized } = collect();
  const big = 'x'.repeat(MAX_EVENT_BYTES / 4);
  for (let i = 0; i < 5; i++) parser.push(`data: ${big}\n`);
  parser.push('\ndata: ok\n\n');
  assert.equal(oversized(), 1);
  assert.deepEqual(events.map((e) => e.data), ['ok']);
});
