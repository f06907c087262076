// Helpers for the simulator's own tests: log in, call session resources, read an SSE stream.
import { IC_AUTH_TYPE } from '../core/icws/wire-types.ts';
import { startSimulator, type Simulator, type SimulatorOptions } from './server.ts';

export const VND = 'application/vnd.inin.icws+JSON;charset=utf-8';

export interface TestSession {
  sessionId: string;
  csrfToken: string;
  /** "icws_<id>=<value>" */
  cookie: string;
  body: Record<string, unknown>;
}

export function start(options: SimulatorOptions = {}): Promise<Simulator> {
  return startSimulator({ timeline: false, ...options });
}

export async function loginRaw(baseUrl: string, body: unknown, init: { headers?: Record<string, string>; query?: string } = {}): Promise<Response> {
  return fetch(`${baseUrl}/icws/connection${init.query ?? ''}`, {
    method: 'POST',
    headers: { 'Accept-Language': 'en-US', 'Content-Type': VND, ...init.headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

export function credentials(userID = 'agent1', password = userID): Record<string, string> {
  return { __type: IC_AUTH_TYPE, applicationName: 'sim tests', userID, password };
}

export async function login(sim: Simulator | string, userID = 'agent1', password = userID): Promise<TestSession> {
  const res = await loginRaw(typeof sim === 'string' ? sim : sim.url, credentials(userID, password), { query: '?include=features,version' });
  if (res.status !== 201) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as Record<string, unknown>;
  const cookie = res.headers.getSetCookie()[0]!.split(';')[0]!;
  return { sessionId: body['sessionId'] as string, csrfToken: body['csrfToken'] as string, cookie, body };
}

export interface CallInit {
  method?: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** Leave out the cookie or CSRF header to test the 401s. */
  omit?: ('cookie' | 'csrf')[];
}

/** A request on /icws/{sessionId}/<path> with the session's cookie and CSRF token. */
export function call(sim: Simulator, session: TestSession, path: string, init: CallInit = {}): Promise<Response> {
  const headers: Record<string, string> = {};
  if (!init.omit?.includes('cookie')) headers['Cookie'] = session.cookie;
  if (!init.omit?.includes('csrf')) headers['ININ-ICWS-CSRF-Token'] = session.csrfToken;
  if (init.body !== undefined) headers['Content-Type'] = VND;
  return fetch(`${sim.url}/icws/${session.sessionId}/${path}`, {
    method: init.method ?? 'GET',
    headers: { ...headers, ...init.headers },
    ...(init.body !== undefined ? { body: typeof init.body === 'string' ? init.body : JSON.stringify(init.body) } : {}),
  });
}

export async function poll(sim: Simulator, session: TestSession): Promise<Record<string, any>[]> {
  const res = await call(sim, session, 'messaging/messages', { omit: ['csrf'] });
  if (res.status !== 200) throw new Error(`poll failed: ${res.status}`);
  return (await res.json()) as Record<string, any>[];
}

export function subscribeQueue(sim: Simulator, session: TestSession, subscriptionId = 'q-mine', attributeNames = ['Eic_State', 'Eic_ObjectType', 'Eic_RemoteName']): Promise<Response> {
  return call(sim, session, `messaging/subscriptions/queues/${subscriptionId}`, {
    method: 'PUT',
    body: { queueIds: [{ queueType: 1, queueName: 'agent1' }], attributeNames },
  });
}

/** Reads `data:` events and comment lines from an SSE response as they arrive. */
export class SseReader {
  readonly events: Record<string, any>[] = [];
  readonly comments: string[] = [];
  ended = false;
  error: unknown = null;
  private buffer = '';
  private waiters: (() => void)[] = [];
  private readonly controller = new AbortController();

  static async open(sim: Simulator, session: TestSession): Promise<{ res: Response; reader: SseReader }> {
    const reader = new SseReader();
    const res = await fetch(`${sim.url}/icws/${session.sessionId}/messaging/messages`, {
      headers: { Cookie: session.cookie, Accept: 'text/event-stream' },
      signal: reader.controller.signal,
    });
    void reader.pump(res);
    return { res, reader };
  }

  /** Waits until `predicate` holds over what has arrived (or the stream ended), up to timeoutMs. */
  async until(predicate: (r: SseReader) => boolean, timeoutMs = 2000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate(this)) {
      if (this.ended) throw new Error('stream ended before the condition held');
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out; events so far: ${JSON.stringify(this.events)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  close(): void {
    this.controller.abort();
  }

  /** Bytes received after the last complete event: a partial one, if the stream was cut mid-event. */
  get leftover(): string {
    return this.buffer;
  }

  private async pump(res: Response): Promise<void> {
    const decoder = new TextDecoder();
    try {
      for await (const chunk of res.body as AsyncIterable<Uint8Array>) {
        this.buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = this.buffer.indexOf('\n\n')) >= 0) {
          const block = this.buffer.slice(0, end);
          this.buffer = this.buffer.slice(end + 2);
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) this.comments.push(line.slice(1));
            else if (line.startsWith('data: ')) this.events.push(JSON.parse(line.slice(6)));
          }
        }
        this.wake();
      }
    } catch (error) {
      this.error = error;
    }
    this.ended = true;
    this.wake();
  }

  private wake(): void {
    for (const waiter of this.waiters.splice(0)) waiter();
  }
}
