// Reading requests and writing Replies over node:http.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isJsonMediaType } from '../core/icws/media-type.ts';
import { invalidRepresentation } from './icws-errors.ts';
import type { Reply } from './reply.ts';

/** ICWS answers in its own media type, lower-case as servers send it (PROTOCOL.md §7.2). */
export const ICWS_RESPONSE_TYPE = 'application/vnd.inin.icws+json;charset=utf-8';
export const ADMIN_RESPONSE_TYPE = 'application/json;charset=utf-8';

const MAX_BODY_BYTES = 1024 * 1024;

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new Error('request body too large');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

export function writeReply(res: ServerResponse, reply: Reply, contentType: string): void {
  if (reply.kind === 'taken' || res.destroyed || res.headersSent) return;
  if (reply.kind === 'empty') {
    res.writeHead(reply.status, { ...reply.headers });
    res.end();
    return;
  }
  const body = Buffer.from(JSON.stringify(reply.body), 'utf8');
  res.writeHead(reply.status, {
    ...reply.headers,
    'Content-Type': contentType,
    'Content-Length': body.length,
    'Cache-Control': 'no-cache',
  });
  res.end(body);
}

export function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    cookies.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  return cookies;
}

export type BodyResult = { ok: true; value: unknown } | { ok: false; reply: Reply };

/** ICWS bodies: the vnd type, application/json or no Content-Type at all are accepted (PROTOCOL.md §7.2). */
export function parseIcwsJson(req: IncomingMessage, raw: Buffer): BodyResult {
  const contentType = req.headers['content-type'];
  if (contentType !== undefined && contentType !== '' && !isJsonMediaType(contentType)) {
    // The seed documents no 415; a bad header is one of its 400 cases.
    return { ok: false, reply: invalidRepresentation(`Unsupported Content-Type "${contentType}".`) };
  }
  const text = raw.toString('utf8');
  if (text.trim() === '') return { ok: false, reply: invalidRepresentation('The request body is missing.') };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, reply: invalidRepresentation('The request body is not valid JSON.') };
  }
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
