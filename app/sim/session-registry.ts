// ICWS sessions: credentials issued at login, idle expiry, the per-session message channel (queued
// messages plus at most one open SSE stream) and the subscriptions feeding it.
import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import type { IcwsMessage, QueueId } from '../core/icws/wire-types.ts';
import type { SseStream } from './sse.ts';

export type SessionEndReason = 'logout' | 'expired' | 'down' | 'restart';

export interface QueueSubscription {
  subscriptionId: string;
  queueIds: QueueId[];
  attributeNames: string[];
}

export interface ButtonSubscription {
  subscriptionId: string;
  configurationIds: string[] | '*';
  properties: string[] | '*';
}

export interface Session {
  readonly id: string;
  readonly userId: string;
  readonly displayName: string;
  readonly cookieName: string;
  readonly cookieValue: string;
  readonly csrfToken: string;
  readonly language: string;
  readonly applicationName: string;
  readonly createdAt: number;
  lastActivityAt: number;
  ended: SessionEndReason | null;
  /** Messages waiting for a poll or the next SSE connection. */
  outbox: IcwsMessage[];
  stream: SseStream | null;
  readonly queueSubscriptions: Map<string, QueueSubscription>;
  readonly buttonSubscriptions: Map<string, ButtonSubscription>;
  /** The workstation PUT connection/station connected, if any. */
  station: string | null;
}

export interface SessionInfo {
  sessionId: string;
  userId: string;
  alive: boolean;
  endedReason: SessionEndReason | null;
  language: string;
  applicationName: string;
  createdAt: string;
  lastActivityAt: string;
  streaming: boolean;
  queuedMessages: number;
  station: string | null;
  queueSubscriptions: string[];
  clientButtonSubscriptions: string[];
}

export interface NewSession {
  userId: string;
  displayName: string;
  language: string;
  applicationName: string;
}

export class SessionRegistry {
  private readonly sessions = new Map<string, Session>();
  private readonly clock: () => number;
  private readonly idleTtlMs: number;
  // Numeric-looking IDs like real servers ("54613001"), distinct between simulator instances.
  private nextId = randomInt(10_000, 90_000) * 1000 + 1;

  constructor(clock: () => number, idleTtlMs: number) {
    this.clock = clock;
    this.idleTtlMs = idleTtlMs;
  }

  create(spec: NewSession): Session {
    const id = String(this.nextId++);
    const now = this.clock();
    const session: Session = {
      id,
      ...spec,
      cookieName: `icws_${id}`,
      cookieValue: randomUUID(),
      csrfToken: randomBytes(36).toString('base64'),
      createdAt: now,
      lastActivityAt: now,
      ended: null,
      outbox: [],
      stream: null,
      queueSubscriptions: new Map(),
      buttonSubscriptions: new Map(),
      station: null,
    };
    this.sessions.set(id, session);
    return session;
  }

  /** Any session ever created with this ID; idle expiry is applied first. */
  get(id: string): Session | undefined {
    const session = this.sessions.get(id);
    if (session) this.expireIfIdle(session);
    return session;
  }

  all(): Session[] {
    const list = [...this.sessions.values()];
    for (const session of list) this.expireIfIdle(session);
    return list;
  }

  alive(): Session[] {
    return this.all().filter((s) => s.ended === null);
  }

  touch(session: Session): void {
    if (session.ended === null) session.lastActivityAt = this.clock();
  }

  /** Ends a session; a 'down' session keeps its queued messages so one last poll can read why. */
  end(session: Session, reason: SessionEndReason): void {
    if (session.ended !== null) return;
    session.ended = reason;
    session.queueSubscriptions.clear();
    session.buttonSubscriptions.clear();
    if (reason !== 'down') session.outbox = [];
    const stream = session.stream;
    session.stream = null;
    if (reason === 'down') stream?.end();
    else stream?.cut(false, null);
  }

  deliver(session: Session, message: IcwsMessage): void {
    if (session.ended !== null) return;
    if (session.stream && !session.stream.closed) session.stream.send(message);
    else session.outbox.push(message);
  }

  /** One stream per session: a reconnecting client replaces a stream the server has not seen die. */
  attachStream(session: Session, stream: SseStream): void {
    session.stream?.end();
    session.stream = stream;
    stream.onClose(() => {
      if (session.stream === stream) session.stream = null;
    });
    for (const message of session.outbox.splice(0)) stream.send(message);
    if (session.ended === 'down') stream.end();
  }

  drain(session: Session): IcwsMessage[] {
    return session.outbox.splice(0);
  }

  info(session: Session): SessionInfo {
    return {
      sessionId: session.id,
      userId: session.userId,
      alive: session.ended === null,
      endedReason: session.ended,
      language: session.language,
      applicationName: session.applicationName,
      createdAt: new Date(session.createdAt).toISOString(),
      lastActivityAt: new Date(session.lastActivityAt).toISOString(),
      streaming: session.stream !== null && !session.stream.closed,
      queuedMessages: session.outbox.length,
      station: session.station,
      queueSubscriptions: [...session.queueSubscriptions.keys()],
      clientButtonSubscriptions: [...session.buttonSubscriptions.keys()],
    };
  }

  /** An open SSE stream counts as activity at each ping; otherwise only requests do. */
  private expireIfIdle(session: Session): void {
    if (session.ended === null && this.clock() - session.lastActivityAt > this.idleTtlMs) this.end(session, 'expired');
  }
}
