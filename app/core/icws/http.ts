// The one place the core talks HTTP: axios, over Node's HTTP stack by default or over a given fetch
// (Electron's net.fetch in the shell, so the system proxy and OS certificates apply).
import axios, { AxiosError, type AxiosInstance } from 'axios';
import { IcwsError, type Delivery } from './errors.ts';

export interface HttpOptions {
  fetch?: typeof globalThis.fetch;
  /** Per-request timeout; the ICWS SDK uses 10 s. */
  timeoutMs?: number;
}

export interface HttpRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  url: string;
  headers?: Record<string, string>;
  /** Serialised as JSON when present. */
  body?: unknown;
  timeoutMs?: number;
  signal?: AbortSignal;
}

export interface HttpResponse {
  status: number;
  /** Lower-cased names; set-cookie keeps every value. */
  headers: Record<string, string>;
  setCookies: string[];
  text: string;
}

export interface StreamResponse {
  status: number;
  headers: Record<string, string>;
  /** Raw bytes of the body, as they arrive. */
  chunks: AsyncIterable<Uint8Array | string>;
}

export interface Http {
  request(request: HttpRequest): Promise<HttpResponse>;
  /** For server-sent events: resolves once headers arrive. */
  stream(request: HttpRequest): Promise<StreamResponse>;
}

export function createHttp(options: HttpOptions = {}): Http {
  const instance: AxiosInstance = axios.create({
    ...(options.fetch ? { adapter: 'fetch', env: { fetch: options.fetch } } : { adapter: 'http' }),
    timeout: options.timeoutMs ?? 10_000,
    validateStatus: () => true,
    maxRedirects: 0,
    transitional: { clarifyTimeoutError: true },
    // Redirects are answers here (a 3xx on login may carry alternate hosts), never followed.
    fetchOptions: { redirect: 'manual' },
  });

  function config(request: HttpRequest) {
    return {
      method: request.method,
      url: request.url,
      headers: request.headers ?? {},
      data: request.body === undefined ? undefined : JSON.stringify(request.body),
      ...(request.timeoutMs === undefined ? {} : { timeout: request.timeoutMs }),
      ...(request.signal ? { signal: request.signal } : {}),
    };
  }

  return {
    async request(request) {
      try {
        const response = await instance.request<string>({
          ...config(request),
          responseType: 'text',
          transformResponse: [(data: unknown) => data],
        });
        return {
          status: response.status,
          headers: flattenHeaders(response.headers),
          setCookies: setCookiesOf(response.headers),
          text: typeof response.data === 'string' ? response.data : '',
        };
      } catch (error) {
        throw networkError(error);
      }
    },
    async stream(request) {
      try {
        // No overall timeout for a stream that is meant to stay open; stalls are the caller's to detect.
        const response = await instance.request({ ...config(request), timeout: 0, responseType: 'stream' });
        return {
          status: response.status,
          headers: flattenHeaders(response.headers),
          chunks: response.data as AsyncIterable<Uint8Array | string>,
        };
      } catch (error) {
        throw networkError(error);
      }
    },
  };
}

function flattenHeaders(headers: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  const source = headers && typeof headers === 'object' ? (headers as Record<string, unknown>) : {};
  for (const [name, value] of Object.entries(source)) {
    if (Array.isArray(value)) out[name.toLowerCase()] = value.join(', ');
    else if (value !== undefined && value !== null) out[name.toLowerCase()] = String(value);
  }
  return out;
}

function setCookiesOf(headers: unknown): string[] {
  const raw = (headers as Record<string, unknown> | undefined)?.['set-cookie'];
  if (Array.isArray(raw)) return raw.map(String);
  // The fetch adapter folds several Set-Cookie headers into one, comma-separated, string.
  if (typeof raw === 'string') return raw.split(/,(?=\s*[^;,=\s]+=)/).map((part) => part.trim());
  return [];
}

// Failures that happen before a single byte of the request left this machine.
const NOT_SENT_CODES = [
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EADDRNOTAVAIL',
  'ERR_CONNECTION_REFUSED',
  'ERR_NAME_NOT_RESOLVED',
  'ERR_ADDRESS_UNREACHABLE',
  'ERR_INTERNET_DISCONNECTED',
  'ERR_INVALID_URL',
];

function causeCodes(error: unknown): string[] {
  const codes: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current && typeof current === 'object' && depth < 5; depth++) {
    const { code, message } = current as { code?: unknown; message?: unknown };
    if (typeof code === 'string') codes.push(code);
    if (typeof message === 'string') codes.push(...(message.match(/\b(?:E[A-Z]+|ERR_[A-Z_]+)\b/g) ?? []));
    current = (current as { cause?: unknown }).cause;
  }
  return codes;
}

// A TLS handshake that failed (wrong scheme, untrusted or expired certificate): no request was delivered.
const TLS_CODE = /^(?:EPROTO|ERR_SSL_|ERR_TLS_|ERR_CERT_|CERT_|UNABLE_TO_|DEPTH_ZERO_SELF_SIGNED|SELF_SIGNED_CERT)/;

function networkError(error: unknown): IcwsError {
  if (axios.isCancel(error)) {
    return new IcwsError('network', 'The request was cancelled.', { delivery: 'maybe-sent', cause: error });
  }
  const codes = causeCodes(error);
  if (codes.some((code) => TLS_CODE.test(code))) {
    return new IcwsError(
      'network',
      'Could not set up a secure connection to the server: check http:// or https:// in the address, and its certificate. The request was not sent.',
      { delivery: 'not-sent', cause: error },
    );
  }
  const timedOut = codes.includes(AxiosError.ETIMEDOUT) || codes.includes(AxiosError.ECONNABORTED);
  const delivery: Delivery = codes.some((code) => NOT_SENT_CODES.includes(code)) ? 'not-sent' : 'maybe-sent';
  const message = timedOut
    ? 'The server did not answer in time; the request may have reached it.'
    : delivery === 'not-sent'
      ? 'Could not connect to the server; the request was not sent.'
      : 'The connection to the server failed; the request may have reached it.';
  return new IcwsError('network', message, { delivery, timedOut, cause: error });
}
