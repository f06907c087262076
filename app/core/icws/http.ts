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

export interface BytesResponse {
  status: number;
  headers: Record<string, string>;
  body: Uint8Array;
}

export interface Http {
  request(request: HttpRequest): Promise<HttpResponse>;
  /** A binary body (a button icon), at most `maxBytes` long. */
  bytes(request: HttpRequest & { maxBytes: number }): Promise<BytesResponse>;
  /** For server-sent events: resolves once headers arrive. */
  stream(request: HttpRequest): Promise<StreamResponse>;
}

const MAX_REPLY_BYTES = 8 * 1024 * 1024;

export function createHttp(options: HttpOptions = {}): Http {
  const instance: AxiosInstance = axios.create({
    ...(options.fetch ? { adapter: 'fetch', env: { fetch: options.fetch } } : { adapter: 'http' }),
    timeout: options.timeoutMs ?? 10_000,
    // ICWS replies are small; a server sending megabytes is broken or hostile (streams are not capped).
    maxContentLength: MAX_REPLY_BYTES,
    maxBodyLength: MAX_REPLY_BYTES,
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
    async bytes(request) {
      try {
        const response = await instance.request<ArrayBuffer>({
          ...config(request),
          responseType: 'arraybuffer',
          maxContentLength: request.maxBytes,
        });
        return {
          status: response.status,
          headers: flattenHeaders(response.headers),
          body: new Uint8Array(response.data),
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

function causeMessages(error: unknown): string[] {
  const messages: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current && typeof current === 'object' && depth < 5; depth++) {
    const { message } = current as { message?: unknown };
    if (typeof message === 'string') messages.push(message);
    current = (current as { cause?: unknown }).cause;
  }
  return messages;
}

/**
 * The cause chain as code and message only. An AxiosError carries its request config (the login body with the
 * password, the Cookie and CSRF headers), which must not ride along into logs or test output.
 */
function summarise(error: unknown, depth = 0): Error | undefined {
  if (!error || typeof error !== 'object' || depth > 4) return undefined;
  const { code, message, cause } = error as { code?: unknown; message?: unknown; cause?: unknown };
  const summary = new Error(typeof message === 'string' ? message : 'network failure', { cause: summarise(cause, depth + 1) });
  if (typeof code === 'string') Object.assign(summary, { code });
  return summary;
}

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

// A TLS handshake that failed (plain HTTP behind https://, an untrusted, expired or misnamed certificate):
// no request was delivered. Only handshake failures: a TLS error later in the exchange may follow a request.
const TLS_HANDSHAKE_CODE =
  /^(?:CERT_|UNABLE_TO_|DEPTH_ZERO_SELF_SIGNED|SELF_SIGNED_CERT|ERR_TLS_CERT_|ERR_CERT_|ERR_SSL_WRONG_VERSION_NUMBER|ERR_SSL_VERSION_OR_CIPHER_MISMATCH|ERR_SSL_PROTOCOL_ERROR)/;

function networkError(error: unknown): IcwsError {
  if (axios.isCancel(error)) {
    return new IcwsError('network', 'The request was cancelled.', { delivery: 'maybe-sent', cause: summarise(error) });
  }
  const codes = causeCodes(error);
  if (codes.some((code) => TLS_HANDSHAKE_CODE.test(code)) || causeMessages(error).some((m) => /wrong version number/i.test(m))) {
    return new IcwsError(
      'network',
      'Could not set up a secure connection to the server: check http:// or https:// in the address, and its certificate. The request was not sent.',
      { delivery: 'not-sent', cause: summarise(error) },
    );
  }
  const timedOut = codes.includes(AxiosError.ETIMEDOUT) || codes.includes(AxiosError.ECONNABORTED);
  const delivery: Delivery = codes.some((code) => NOT_SENT_CODES.includes(code)) ? 'not-sent' : 'maybe-sent';
  const message = timedOut
    ? 'The server did not answer in time; the request may have reached it.'
    : delivery === 'not-sent'
      ? 'Could not connect to the server; the request was not sent.'
      : 'The connection to the server failed; the request may have reached it.';
  return new IcwsError('network', message, { delivery, timedOut, cause: summarise(error) });
}
