// Handlers return a Reply instead of writing to the response, so faults can replace or swallow an
// answer after the handler has run (a request that reached the server but whose answer was lost).
import type { OutgoingHttpHeaders } from 'node:http';

export type Reply =
  | { kind: 'json'; status: number; body: unknown; headers?: OutgoingHttpHeaders }
  | { kind: 'empty'; status: number; headers?: OutgoingHttpHeaders }
  /** The handler owns the response from here on (SSE). */
  | { kind: 'taken' };

export type ReplyLike = Reply | Promise<Reply>;

export function json(status: number, body: unknown, headers?: OutgoingHttpHeaders): Reply {
  return headers ? { kind: 'json', status, body, headers } : { kind: 'json', status, body };
}

export function empty(status: number, headers?: OutgoingHttpHeaders): Reply {
  return headers ? { kind: 'empty', status, headers } : { kind: 'empty', status };
}

export const TAKEN: Reply = { kind: 'taken' };
