// The fetch the core's axios uses in the app: Chromium's network stack through a Session, so the system proxy
// (and PAC), the OS certificate store and enterprise policies apply as they do in a browser.
import type { Session } from 'electron';

type NetSession = Pick<Session, 'fetch'> & { cookies: Pick<Session['cookies'], 'get'> };

/**
 * `session` should be an in-memory partition (session.fromPartition without "persist:"), so the ICWS cookie
 * Chromium sees is never written to its on-disk cookie jar and the renderer's session never holds it.
 */
export function createNetFetch(session: NetSession): typeof globalThis.fetch {
  return async (input, init) => {
    // axios's fetch adapter passes a Request; session.fetch takes a Request or a string.
    const request = input instanceof URL ? input.href : input;
    const url = typeof request === 'string' ? request : request.url;
    const response = await session.fetch(request, init);
    return isLogin(url) ? withSessionCookies(session, url, response) : response;
  };
}

function isLogin(url: string): boolean {
  return /\/icws\/connection$/i.test(new URL(url).pathname);
}

/**
 * Chromium may keep Set-Cookie to itself (it files the cookie in the session's jar instead). The login is the
 * one answer whose cookie the core must read, so any icws_ cookie the jar took for that host is handed back
 * as Set-Cookie.
 */
async function withSessionCookies(session: NetSession, url: string, response: Response): Promise<Response> {
  if (response.headers.has('set-cookie')) return response;
  const host = new URL(url).hostname;
  const cookies = (await session.cookies.get({})).filter(
    (cookie) => cookie.name.startsWith('icws_') && (cookie.domain ?? '').replace(/^\./, '') === host,
  );
  if (cookies.length === 0) return response;
  const headers = new Headers(response.headers);
  for (const cookie of cookies) headers.append('set-cookie', `${cookie.name}=${cookie.value}; Path=${cookie.path ?? '/'}`);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}
