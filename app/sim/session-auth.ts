// The checks every /icws/{sessionId}/... request passes before its handler runs (PROTOCOL.md §0, §5).
// Any failure is a 401 with the WWW-Authenticate challenge; errorCode says which check failed.
import type { IncomingMessage } from 'node:http';
import { ErrorCode, unauthorized } from './icws-errors.ts';
import { parseCookies } from './http-io.ts';
import type { Reply } from './reply.ts';
import type { Session, SessionRegistry } from './session-registry.ts';

export type AuthResult = { ok: true; session: Session } | { ok: false; reply: Reply };

export function authenticate(
  sessions: SessionRegistry,
  req: IncomingMessage,
  sessionId: string,
  needsCsrf: boolean,
): AuthResult {
  const fail = (code: number, message: string): AuthResult => ({ ok: false, reply: unauthorized(code, message) });
  const session = sessions.get(sessionId);
  if (!session) return fail(ErrorCode.invalidSession, 'The session ID is invalid.');
  // A session taken down by a connectionStateChangeMessage still lets one poll fetch that message.
  const finalPoll = session.ended === 'down' && !needsCsrf && session.outbox.length > 0;
  if (session.ended !== null && !finalPoll) return fail(ErrorCode.invalidSession, 'The session has expired or was ended.');

  const cookie = parseCookies(req.headers.cookie).get(session.cookieName);
  if (cookie === undefined) return fail(ErrorCode.cookieMissing, 'The session cookie is missing.');
  if (cookie !== session.cookieValue) return fail(ErrorCode.invalidSession, 'The session cookie is invalid.');

  if (needsCsrf) {
    const token = req.headers['inin-icws-csrf-token'];
    if (token === undefined || token === '') return fail(ErrorCode.csrfMissing, 'The ININ-ICWS-CSRF-Token header is missing.');
    if (token !== session.csrfToken) return fail(ErrorCode.invalidSession, 'The ININ-ICWS-CSRF-Token is invalid.');
  }
  sessions.touch(session);
  return { ok: true, session };
}
