// Incremental text/event-stream parser (the WHATWG rules ICWS needs): data lines joined, an event dispatched
// on a blank line, comments (":ping") reported as liveness, a half-received event at a cut never dispatched.
export interface SseEvent {
  event: string;
  data: string;
  id: string | null;
}

export interface SseParser {
  /** Feeds raw bytes or text; calls back for each complete event and each comment line. */
  push(chunk: Uint8Array | string): void;
  /** Bytes of an event still waiting for its terminating blank line. */
  readonly pendingBytes: number;
}

/** Refuse one event larger than this: a hostile or broken server must not grow memory without bound. */
export const MAX_EVENT_BYTES = 4 * 1024 * 1024;

export function createSseParser(handlers: {
  onEvent(event: SseEvent): void;
  onComment?(text: string): void;
  onOversized?(): void;
}): SseParser {
  const decoder = new TextDecoder();
  let buffer = '';
  let data: string[] = [];
  let dataBytes = 0;
  let eventName = '';
  let lastId: string | null = null;
  let discarding = false;

  function dispatch() {
    if (!discarding && data.length > 0) handlers.onEvent({ event: eventName || 'message', data: data.join('\n'), id: lastId });
    data = [];
    dataBytes = 0;
    eventName = '';
    discarding = false;
  }

  function line(text: string) {
    if (text === '') return dispatch();
    if (text.startsWith(':')) return handlers.onComment?.(text.slice(1).trim());
    const colon = text.indexOf(':');
    const field = colon === -1 ? text : text.slice(0, colon);
    let value = colon === -1 ? '' : text.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') {
      dataBytes += value.length;
      if (dataBytes > MAX_EVENT_BYTES) {
        if (!discarding) handlers.onOversized?.();
        discarding = true;
        data = [];
      } else if (!discarding) data.push(value);
    } else if (field === 'event') eventName = value;
    else if (field === 'id' && !value.includes('\0')) lastId = value;
    // "retry" and unknown fields are ignored: reconnect timing is ours.
  }

  return {
    push(chunk) {
      buffer += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
      let start = 0;
      for (let i = 0; i < buffer.length; i++) {
        const c = buffer[i];
        if (c !== '\n' && c !== '\r') continue;
        // A CR at the very end may be the first half of CRLF: wait for more.
        if (c === '\r' && i === buffer.length - 1) break;
        line(buffer.slice(start, i));
        if (c === '\r' && buffer[i + 1] === '\n') i++;
        start = i + 1;
      }
      buffer = buffer.slice(start);
      if (buffer.length > MAX_EVENT_BYTES) {
        handlers.onOversized?.();
        buffer = '';
        discarding = true;
      }
    },
    get pendingBytes() {
      return buffer.length + dataBytes;
    },
  };
}
