// The ICWS wire client: login with switchover, the handler-action POST exactly as the seed specifies,
// sign-out, connection state, features, version, and the generic session request the live session uses.
import { displayText } from '../display-text.ts';
import { IcwsError, parseWwwAuthenticate, statusSentence } from './errors.ts';
import { createHttp, type Http, type HttpOptions, type HttpResponse } from './http.ts';
import { ICWS_CONTENT_TYPE, ICWS_MEDIA_TYPE, isJsonMediaType } from './media-type.ts';
import { hostOf, normaliseServerUrl, withHost } from './server-url.ts';
import {
  IC_AUTH_TYPE,
  type ClientButtonHandlerRequest,
  type ConnectionResponse,
  type ConnectionSettings,
  type Feature,
  type IcAuthConnectionRequest,
  type VersionInfo,
} from './wire-types.ts';

export const CLIENT_BUTTONS_MIN_VERSION = 3;
const MAX_ID_LENGTH = 256;
/** RIC stops after 5 switchover attempts, POSH after 8. */
const DEFAULT_MAX_LOGIN_ATTEMPTS = 5;

export interface LoginRequest {
  server: string;
  userId: string;
  password: string;
  applicationName: string;
  /** Accept-Language: fixes the session's language for its whole life. */
  language: string;
  /** Hosts to try when the given one cannot be reached (a previous session's alternateHostList). */
  knownAlternateHosts?: string[];
}

/** A live ICWS session. Secret: the CSRF token and cookie stay in the main process. */
export interface IcwsSession {
  /** Base URL actually signed in to (after any switchover). */
  server: string;
  sessionId: string;
  csrfToken: string;
  /** `icws_<sessionId>=<value>`, the name=value part of the login's Set-Cookie. */
  cookie: string;
  userId: string;
  userDisplayName: string | null;
  icServer: string | null;
  language: string;
  features: Feature[];
  alternateHosts: string[];
  version: VersionInfo | null;
}

export interface HandlerActionRequest {
  buttonId: string;
  interactionId?: string | undefined;
}

export function hasFeature(features: readonly Feature[], featureId: string, minVersion: number): boolean {
  const id = featureId.toLowerCase();
  return features.some((feature) => feature.featureId.toLowerCase() === id && feature.version >= minVersion);
}

export function featureVersion(features: readonly Feature[], featureId: string): number | null {
  const id = featureId.toLowerCase();
  return features.find((feature) => feature.featureId.toLowerCase() === id)?.version ?? null;
}

/** The refusal for a server without client-buttons version 3, in the words the agent and scripts see. */
export function unsupportedClientButtons(features: readonly Feature[]): IcwsError {
  const version = featureVersion(features, 'client-buttons');
  return new IcwsError(
    'unsupported',
    version === null
      ? 'This server does not support client buttons.'
      : `This server supports client buttons version ${version}; version ${CLIENT_BUTTONS_MIN_VERSION} or newer is needed.`,
  );
}

export interface IcwsClient {
  login(request: LoginRequest): Promise<IcwsSession>;
  /** Resolves the 2xx status (204 documented); throws IcwsError for everything else. */
  handlerAction(session: IcwsSession, request: HandlerActionRequest): Promise<number>;
  logout(session: IcwsSession): Promise<void>;
  connectionState(session: IcwsSession): Promise<ConnectionSettings>;
  features(server: string): Promise<Feature[]>;
  version(server: string): Promise<VersionInfo>;
  /** Any session-scoped call: `path` is relative to /icws/{sessionId}. Resolves the parsed JSON body or null. */
  call(session: IcwsSession, method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<unknown>;
  /** Headers for a session-scoped request (the messaging stream uses them). */
  sessionHeaders(session: IcwsSession, withCsrf: boolean): Record<string, string>;
  sessionUrl(session: IcwsSession, path: string): string;
  readonly http: Http;
}

export function createIcwsClient(options: HttpOptions & { maxLoginAttempts?: number } = {}): IcwsClient {
  const http = createHttp(options);
  const maxAttempts = options.maxLoginAttempts ?? DEFAULT_MAX_LOGIN_ATTEMPTS;

  function sessionUrl(session: IcwsSession, path: string): string {
    return `${session.server}/icws/${encodeURIComponent(session.sessionId)}${path}`;
  }

  function sessionHeaders(session: IcwsSession, withCsrf: boolean): Record<string, string> {
    return {
      Accept: ICWS_MEDIA_TYPE,
      'Accept-Language': session.language,
      Cookie: session.cookie,
      ...(withCsrf ? { 'ININ-ICWS-CSRF-Token': session.csrfToken } : {}),
    };
  }

  async function loginOnce(base: string, request: LoginRequest): Promise<HttpResponse> {
    const body: IcAuthConnectionRequest = {
      __type: IC_AUTH_TYPE,
      applicationName: request.applicationName,
      userID: request.userId,
      password: request.password,
    };
    return http.request({
      method: 'POST',
      url: `${base}/icws/connection?include=features,version`,
      headers: { Accept: ICWS_MEDIA_TYPE, 'Content-Type': ICWS_CONTENT_TYPE, 'Accept-Language': request.language },
      body,
    });
  }

  async function login(request: LoginRequest): Promise<IcwsSession> {
    const server = normaliseServerUrl(request.server);
    requireText(request.userId, 'Enter your user ID.');
    requireText(request.password, 'Enter your password.');
    requireText(request.applicationName, 'An application name is required.');
    requireText(request.language, 'A language (for example en-US) is required.');

    const tried = new Set<string>();
    const queue = [server];
    const fallbacks = (request.knownAlternateHosts ?? []).map((host) => withHost(server, host));
    let lastError: IcwsError | null = null;
    while (queue.length > 0 && tried.size < maxAttempts) {
      const base = queue.shift()!;
      if (tried.has(hostOf(base))) continue;
      tried.add(hostOf(base));
      let response: HttpResponse;
      try {
        response = await loginOnce(base, request);
      } catch (error) {
        lastError = error as IcwsError;
        // An unreachable host: fall back to the hosts a previous session told us about.
        queue.push(...fallbacks.splice(0));
        continue;
      }
      if (response.status === 201) return readSession(base, request, response);
      const alternates = alternateHostsOf(response);
      if (response.status === 503 || (response.status >= 300 && response.status < 400 && alternates.length > 0)) {
        lastError = httpError(response, 'login');
        queue.push(...alternates.map((host) => withHost(base, host)));
        continue;
      }
      throw httpError(response, 'login');
    }
    throw lastError ?? new IcwsError('network', 'No server could be reached.', { delivery: 'not-sent' });
  }

  async function readSession(base: string, request: LoginRequest, response: HttpResponse): Promise<IcwsSession> {
    const body = parseJsonObject(response) as Partial<ConnectionResponse> | null;
    const sessionId = body?.sessionId ?? response.headers['inin-icws-session-id'];
    const csrfToken = body?.csrfToken ?? response.headers['inin-icws-csrf-token'];
    if (typeof sessionId !== 'string' || sessionId === '' || typeof csrfToken !== 'string' || csrfToken === '') {
      throw new IcwsError('malformed', 'The server accepted the login but sent no session ID or CSRF token.', {
        status: response.status,
      });
    }
    const cookie = sessionCookie(response.setCookies, sessionId);
    if (!cookie) {
      throw new IcwsError('malformed', `The server accepted the login but set no icws_${sessionId} cookie.`, {
        status: response.status,
      });
    }
    const session: IcwsSession = {
      server: base,
      sessionId,
      csrfToken,
      cookie,
      userId: typeof body?.userID === 'string' ? body.userID : request.userId,
      userDisplayName: typeof body?.userDisplayName === 'string' ? body.userDisplayName : null,
      icServer: typeof body?.icServer === 'string' ? body.icServer : null,
      language: request.language,
      features: validFeatures(body?.features),
      alternateHosts: stringArray(body?.alternateHostList),
      version: body?.version && typeof body.version === 'object' ? body.version : null,
    };
    // Servers before connection v3 ignore ?include; ask the session-less features resource instead.
    if (!Array.isArray(body?.features)) {
      session.features = await features(base).catch(() => []);
    }
    return session;
  }

  async function handlerAction(session: IcwsSession, request: HandlerActionRequest): Promise<number> {
    const body = handlerRequestBody(request);
    if (!hasFeature(session.features, 'client-buttons', CLIENT_BUTTONS_MIN_VERSION)) {
      throw unsupportedClientButtons(session.features);
    }
    const response = await http.request({
      method: 'POST',
      url: sessionUrl(session, '/client-buttons/handler-action'),
      headers: { ...sessionHeaders(session, true), 'Content-Type': ICWS_CONTENT_TYPE },
      body,
    });
    // 204 is the documented success; any 2xx is accepted (PROTOCOL.md §7.1).
    if (response.status >= 200 && response.status < 300) return response.status;
    throw httpError(response, 'handler-action');
  }

  async function call(session: IcwsSession, method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown) {
    const response = await http.request({
      method,
      url: sessionUrl(session, path),
      headers: {
        ...sessionHeaders(session, true),
        ...(body === undefined ? {} : { 'Content-Type': ICWS_CONTENT_TYPE }),
      },
      body,
    });
    if (response.status < 200 || response.status >= 300) throw httpError(response, path);
    if (response.text.trim() === '') return null;
    if (!isJsonMediaType(response.headers['content-type'])) {
      throw new IcwsError('malformed', 'The server answered with something other than JSON.', { status: response.status });
    }
    try {
      return JSON.parse(response.text) as unknown;
    } catch {
      throw new IcwsError('malformed', 'The server sent a reply that is not valid JSON.', { status: response.status });
    }
  }

  async function logout(session: IcwsSession): Promise<void> {
    await call(session, 'DELETE', '/connection');
  }

  async function connectionState(session: IcwsSession): Promise<ConnectionSettings> {
    const body = (await call(session, 'GET', '/connection')) as Partial<ConnectionSettings> | null;
    const state = body?.connectionState;
    if (state !== 0 && state !== 1 && state !== 2) {
      throw new IcwsError('malformed', 'The server sent an unreadable connection state.');
    }
    return {
      connectionState: state,
      ...(typeof body?.reason === 'string' ? { reason: body.reason } : {}),
      ...(typeof body?.shouldReconnect === 'boolean' ? { shouldReconnect: body.shouldReconnect } : {}),
    };
  }

  async function sessionless(server: string, path: string): Promise<Record<string, unknown>> {
    const base = normaliseServerUrl(server);
    const response = await http.request({ method: 'GET', url: `${base}/icws/connection${path}`, headers: { Accept: ICWS_MEDIA_TYPE } });
    if (response.status !== 200) throw httpError(response, path);
    const body = parseJsonObject(response);
    if (!body) throw new IcwsError('malformed', 'The server sent a reply that is not a JSON object.', { status: 200 });
    return body;
  }

  async function features(server: string): Promise<Feature[]> {
    const body = await sessionless(server, '/features');
    return validFeatures(body['featureInfoList']);
  }

  async function version(server: string): Promise<VersionInfo> {
    return (await sessionless(server, '/version')) as unknown as VersionInfo;
  }

  return { login, handlerAction, logout, connectionState, features, version, call, sessionHeaders, sessionUrl, http };
}

/** Validates before anything is sent; interactionId is omitted, never null, when absent. */
export function handlerRequestBody(request: HandlerActionRequest): ClientButtonHandlerRequest {
  const { buttonId, interactionId } = request;
  if (typeof buttonId !== 'string' || buttonId.trim() === '') {
    throw new IcwsError('validation', 'A client button ID is required.');
  }
  if (buttonId.length > MAX_ID_LENGTH) throw new IcwsError('validation', 'The client button ID is too long.');
  if (interactionId === undefined) return { buttonId };
  if (typeof interactionId !== 'string' || interactionId.trim() === '' || interactionId.length > MAX_ID_LENGTH) {
    throw new IcwsError('validation', 'The interaction ID must be a non-empty string.');
  }
  return { buttonId, interactionId };
}

function requireText(value: unknown, message: string): void {
  if (typeof value !== 'string' || value.trim() === '') throw new IcwsError('validation', message);
}

/** `icws_<sessionId>=<value>` from the login's Set-Cookie headers (attributes dropped). */
export function sessionCookie(setCookies: readonly string[], sessionId: string): string | null {
  const name = `icws_${sessionId}`;
  for (const header of setCookies) {
    const pair = header.split(';')[0]!.trim();
    const eq = pair.indexOf('=');
    if (eq > 0 && pair.slice(0, eq).trim() === name) return `${name}=${pair.slice(eq + 1).trim()}`;
  }
  return null;
}

function parseJsonObject(response: HttpResponse): Record<string, unknown> | null {
  if (response.text.trim() === '') return null;
  // Bodies are read as JSON when they say so; error bodies from odd proxies may not, and are still tried.
  try {
    const value: unknown = JSON.parse(response.text);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function alternateHostsOf(response: HttpResponse): string[] {
  return stringArray(parseJsonObject(response)?.['alternateHostList']);
}

function stringArray(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string' && item.trim() !== '') : [];
}

function validFeatures(value: unknown): Feature[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (item): item is Feature =>
      !!item && typeof item === 'object' && typeof item.featureId === 'string' && Number.isInteger(item.version),
  );
}

/** Maps any non-success answer to an IcwsError carrying status, errorId and the server's message. */
export function httpError(response: HttpResponse, operation: string): IcwsError {
  const body = parseJsonObject(response);
  // Bounded: the message travels to the window, the audit log and scripts' output.
  const serverMessage = typeof body?.['message'] === 'string' && body['message'].trim() !== '' ? displayText(body['message']) : null;
  const errorId = typeof body?.['errorId'] === 'string' && body['errorId'] !== '' ? displayText(body['errorId'], 256) : null;
  const authenticate = response.status === 401 ? parseWwwAuthenticate(response.headers['www-authenticate']) : null;
  let message = serverMessage ?? statusSentence(response.status);
  if (!serverMessage && response.text.trim() !== '' && !body) message += ' The reply was not a readable ICWS error.';
  if (response.status === 400 && errorId === 'error.request.connection.authenticationFailure' && operation === 'login') {
    message = serverMessage ?? 'The user ID or password is not correct.';
  }
  return new IcwsError('http', message, { status: response.status, errorId, serverMessage, authenticate });
}
