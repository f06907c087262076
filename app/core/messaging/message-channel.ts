// The session's one message channel: server-sent events where the server offers them (messaging >= 2),
// short polling otherwise. It reports each message, each malformed one, and its end: a channel that fails
// (401, network, stall) stops and says why once; the live session decides what comes next.
import { httpError, type IcwsClient, type IcwsSession } from '../icws/client.ts';
import { IcwsError, isIcwsError } from '../icws/errors.ts';
import { isJsonMediaType } from '../icws/media-type.ts';
import { createSseParser } from './sse-parser.ts';

export type MessagingTransport = 'sse' | 'poll';

export interface MessageChannelOptions {
  client: IcwsClient;
  session: IcwsSession;
  transport: MessagingTransport;
  onMessage(message: unknown): void;
  onMalformed(reason: string): void;
  /** Called at most once; the channel has stopped by then. */
  onFailure(error: IcwsError): void;
  /** DU and CTI poll every second, waiting for each answer first. */
  pollIntervalMs?: number;
  /** No byte (not even a :ping) for this long means the stream is dead. */
  stallMs?: number;
}

export interface MessageChannel {
  stop(): void;
  readonly transport: MessagingTransport;
}

const MAX_ERROR_BODY = 64 * 1024;
/** A poll answer read off a stream request: as large as any other reply may be. */
const MAX_POLL_BODY = 8 * 1024 * 1024;
/** Quiet periods a heartbeat may excuse before the stream is reopened anyway. */
const MAX_EXCUSED_SILENCES = 8;

export function openMessageChannel(options: MessageChannelOptions): MessageChannel {
  const { client, session } = options;
  const pollIntervalMs = options.pollIntervalMs ?? 1000;
  const stallMs = options.stallMs ?? 45_000;
  const abort = new AbortController();
  let transport = options.transport;
  let stopped = false;
  let pollTimer: ReturnType<typeof setTimeout> | undefined;

  const url = client.sessionUrl(session, '/messaging/messages');
  // The messages resource needs only the cookie (a browser EventSource cannot send the CSRF header).
  const headers = client.sessionHeaders(session, false);

  function fail(error: IcwsError) {
    if (stopped) return;
    stop();
    options.onFailure(error);
  }

  function stop() {
    stopped = true;
    clearTimeout(pollTimer);
    abort.abort();
  }

  function dispatchJson(text: string) {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      options.onMalformed('a message that is not valid JSON');
      return;
    }
    options.onMessage(value);
  }

  function dispatchArray(text: string) {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      options.onMalformed('a poll reply that is not valid JSON');
      return;
    }
    if (!Array.isArray(value)) return options.onMalformed('a poll reply that is not an array');
    for (const message of value) options.onMessage(message);
  }

  async function poll() {
    try {
      const response = await client.http.request({ method: 'GET', url, headers, signal: abort.signal });
      if (stopped) return;
      if (response.status !== 200) return fail(httpError(response, 'messaging'));
      if (response.text.trim() !== '') dispatchArray(response.text);
      // A message just handled may have stopped the channel (the server ended the session).
      if (!stopped) pollTimer = setTimeout(poll, pollIntervalMs);
    } catch (error) {
      fail(asIcwsError(error));
    }
  }

  async function stream() {
    let stallTimer: ReturnType<typeof setTimeout> | undefined;
    let started = false;
    let pinged = false;
    let excused = 0;
    const stalled = new IcwsError('network', 'The message stream went silent; reconnecting.', { delivery: 'maybe-sent' });
    // A stream that never started, or a server that pings and went silent, is dead. A server that never
    // pings may simply have nothing to say: a heartbeat asks it (PROTOCOL.md §7.3), and the stream stays
    // while it answers, for a while; then it is reopened, and the subscriptions with it, to be sure.
    const onSilence = async () => {
      if (stopped) return;
      if (!started || pinged || ++excused > MAX_EXCUSED_SILENCES) return fail(stalled);
      try {
        await client.call(session, 'POST', '/messaging/heartbeat');
        if (!stopped) armStall();
      } catch (error) {
        fail(asIcwsError(error));
      }
    };
    const armStall = () => {
      clearTimeout(stallTimer);
      stallTimer = setTimeout(() => void onSilence(), stallMs);
    };
    try {
      armStall();
      const response = await client.http.stream({
        method: 'GET',
        url,
        headers: { ...headers, Accept: 'text/event-stream' },
        signal: abort.signal,
      });
      started = true;
      const contentType = response.headers['content-type'] ?? '';
      if (response.status !== 200) {
        const text = await readText(response.chunks, MAX_ERROR_BODY);
        return fail(httpError({ status: response.status, headers: response.headers, setCookies: [], text }, 'messaging'));
      }
      if (isJsonMediaType(contentType)) {
        // The server answered the stream request as a poll: take the messages and keep polling.
        dispatchArray(await readText(response.chunks, MAX_POLL_BODY));
        transport = 'poll';
        clearTimeout(stallTimer);
        pollTimer = setTimeout(poll, pollIntervalMs);
        return;
      }
      const parser = createSseParser({
        onEvent: (event) => event.event === 'message' && dispatchJson(event.data),
        onComment: () => (pinged = true),
        onOversized: () => options.onMalformed('a message larger than the size limit'),
      });
      for await (const chunk of response.chunks) {
        if (stopped) return;
        excused = 0;
        armStall();
        parser.push(chunk);
      }
      fail(new IcwsError('network', 'The server closed the message stream; reconnecting.', { delivery: 'maybe-sent' }));
    } catch (error) {
      fail(asIcwsError(error));
    } finally {
      clearTimeout(stallTimer);
    }
  }

  void (transport === 'sse' ? stream() : poll());
  return {
    stop,
    get transport() {
      return transport;
    },
  };
}

async function readText(chunks: AsyncIterable<Uint8Array | string>, limit: number): Promise<string> {
  const decoder = new TextDecoder();
  let text = '';
  for await (const chunk of chunks) {
    text += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    if (text.length > limit) break;
  }
  return text;
}

function asIcwsError(error: unknown): IcwsError {
  if (isIcwsError(error)) return error;
  return new IcwsError('network', 'The message stream broke; reconnecting.', { delivery: 'maybe-sent' });
}
