// Every failed ICWS call becomes an IcwsError: the HTTP status, errorId and the server's message, or a
// network cause that says whether the request may have reached the server. No stack trace reaches a person.
import type { UiError } from '../../ipc/contract.ts';

export type IcwsErrorKind = 'http' | 'network' | 'validation' | 'unsupported' | 'malformed';

/** Whether a request that failed on the network could have reached the server. */
export type Delivery = 'not-sent' | 'maybe-sent';

export interface WwwAuthenticate {
  scheme: string;
  realm: string | null;
  location: string | null;
}

export interface IcwsErrorDetails {
  status?: number | null;
  errorId?: string | null;
  serverMessage?: string | null;
  authenticate?: WwwAuthenticate | null;
  delivery?: Delivery | null;
  timedOut?: boolean;
  cause?: unknown;
}

export class IcwsError extends Error {
  override readonly name = 'IcwsError';
  readonly kind: IcwsErrorKind;
  readonly status: number | null;
  readonly errorId: string | null;
  /** The `message` of the server's error body, when it sent one. */
  readonly serverMessage: string | null;
  /** Parsed WWW-Authenticate of a 401 (its `location` is where to authenticate). */
  readonly authenticate: WwwAuthenticate | null;
  /** Network errors only. */
  readonly delivery: Delivery | null;
  readonly timedOut: boolean;

  constructor(kind: IcwsErrorKind, message: string, details: IcwsErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.kind = kind;
    this.status = details.status ?? null;
    this.errorId = details.errorId ?? null;
    this.serverMessage = details.serverMessage ?? null;
    this.authenticate = details.authenticate ?? null;
    this.delivery = details.delivery ?? null;
    this.timedOut = details.timedOut ?? false;
  }

  get isSessionRejected(): boolean {
    return this.kind === 'http' && this.status === 401;
  }
}

export function isIcwsError(value: unknown): value is IcwsError {
  return value instanceof IcwsError;
}

const STATUS_TEXT: Record<number, string> = {
  400: 'The server rejected the request as invalid',
  401: 'The session is missing, invalid or has expired',
  403: 'You do not have permission to do this',
  404: 'The server does not know this resource',
  410: 'This server no longer offers this operation',
  500: 'The server failed while handling the request',
  503: 'The server is not accepting connections',
};

/** The sentence for an HTTP failure when the server sent no usable error message. */
export function statusSentence(status: number): string {
  const text = STATUS_TEXT[status] ?? (status >= 500 ? 'The server failed' : 'The server refused the request');
  return `${text} (HTTP ${status}).`;
}

/** Parses `ICWS realm="ICWS" location="/ICWS/connection"` (auth-params separated by spaces or commas). */
export function parseWwwAuthenticate(header: string | null | undefined): WwwAuthenticate | null {
  if (!header) return null;
  const trimmed = header.trim();
  const scheme = /^[A-Za-z0-9!#$%&'*+.^_`|~-]+/.exec(trimmed)?.[0];
  if (!scheme) return null;
  const params = new Map<string, string>();
  const paramPattern = /([A-Za-z0-9_-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,"]+))/g;
  for (const match of trimmed.slice(scheme.length).matchAll(paramPattern)) {
    const value = match[2] !== undefined ? match[2].replace(/\\(.)/g, '$1') : (match[3] ?? '');
    params.set(match[1]!.toLowerCase(), value);
  }
  return { scheme, realm: params.get('realm') ?? null, location: params.get('location') ?? null };
}

/** What the renderer may see of any error; `retrySafe` only where a resend cannot run a handler twice. */
export function toUiError(error: unknown): UiError {
  if (!isIcwsError(error)) {
    return { kind: 'network', status: null, errorId: null, message: 'Something went wrong inside the app.', retrySafe: false };
  }
  const kind: UiError['kind'] = error.kind === 'malformed' ? 'http' : error.kind;
  return {
    kind: error.isSessionRejected ? 'expired' : kind,
    status: error.status,
    errorId: error.errorId,
    message: error.message,
    retrySafe: error.kind === 'network' ? error.delivery === 'not-sent' : error.kind === 'http' && error.status === 503,
  };
}
