// One agent's ICWS session over its whole life: sign-in, subscriptions, the message channel, expiry on any
// 401 (one re-login request however many calls fail together), reconnecting with backoff on network loss,
// switchover, resume from stored credentials, and sign-out. It routes messages by __type; the agent owns the
// caches and so decides when the list is fresh.
import type { SessionState } from '../../ipc/contract.ts';
import type { CredentialStore, SessionCredentials } from '../agent/ports.ts';
import { createEmitter } from '../emitter.ts';
import { CLIENT_BUTTONS_MIN_VERSION, hasFeature, unsupportedClientButtons, type IcwsClient, type IcwsSession } from '../icws/client.ts';
import { IcwsError, isIcwsError } from '../icws/errors.ts';
import { normaliseServerUrl } from '../icws/server-url.ts';
import {
  CLIENT_BUTTONS_MESSAGE_TYPE,
  CONNECTION_STATE_CHANGE_TYPE,
  QUEUE_CONTENTS_TYPE,
  type ConnectionSettings,
} from '../icws/wire-types.ts';
import { QUEUE_ATTRIBUTES } from '../interactions/queue-attributes.ts';
import { openMessageChannel, type MessageChannel } from '../messaging/message-channel.ts';
import { createBackoff, type BackoffOptions } from './backoff.ts';
import { canMove } from './session-states.ts';

export const QUEUE_SUBSCRIPTION_ID = 'my-interactions';
/** Reconnect attempts that find no server before a switchover is assumed, when the server named alternates. */
export const ATTEMPTS_BEFORE_SWITCHOVER = 5;
/** Resubscriptions asked for by lost messages are at most this often. */
const RESUBSCRIBE_INTERVAL_MS = 2000;
export const BUTTONS_SUBSCRIPTION_ID = 'client-buttons';
const BUTTON_PROPERTIES = [
  'configurationId',
  'buttonText',
  'description',
  'iconUri',
  'action',
  'availability',
  'interactionTypes',
  'locations',
  'enabled',
];

export interface SignInParameters {
  server: string;
  userId: string;
  password: string;
  applicationName: string;
  language: string;
  station?: string | undefined;
}

export interface SessionStatus {
  state: SessionState;
  server: string | null;
  userId: string | null;
  userDisplayName: string | null;
  reason: string | null;
  nextAttemptAt: number | null;
}

export interface LiveSessionEvents {
  status: SessionStatus;
  /** The session has expired: ask the agent to sign in again. Once per expiry. */
  'relogin-required': { reason: string };
  /** A queue message of our subscription, to apply to the interaction store. */
  queue: unknown;
  /** The catalog as listed by GET configuration/client-buttons. */
  'buttons-listed': unknown[];
  /** A configuration message of our client-button subscription. */
  buttons: unknown;
  /** The subscriptions are being (re)created: the list is out of date until the next snapshot. */
  subscribing: null;
}

export interface LiveSessionOptions {
  client: IcwsClient;
  credentials: CredentialStore;
  now?: () => number;
  backoff?: BackoffOptions;
  pollIntervalMs?: number;
  stallMs?: number;
}

export function createLiveSession(options: LiveSessionOptions) {
  const { client, credentials } = options;
  const now = options.now ?? Date.now;
  const events = createEmitter<LiveSessionEvents>();
  const backoff = createBackoff(options.backoff);

  let state: SessionState = 'signed-out';
  let current: IcwsSession | null = null;
  /** Who was signed in, kept through expiry so the re-login dialog can be pre-filled. */
  let identity: { server: string; userId: string; userDisplayName: string | null; alternateHosts: string[] } | null = null;
  let reason: string | null = null;
  let nextAttemptAt: number | null = null;
  let channel: MessageChannel | null = null;
  let reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  let resubscribeTimer: ReturnType<typeof setTimeout> | undefined;
  let lastSubscribedAt = 0;
  let unreachableAttempts = 0;
  let malformedCount = 0;
  // Sign-in, resume and sign-out run one at a time: a double click or a resume racing a sign-in must not
  // leave two sessions, or one that looks up with nothing listening.
  let queue: Promise<unknown> = Promise.resolve();
  function serial<T>(work: () => Promise<T>): Promise<T> {
    const run = queue.then(work, work);
    queue = run.catch(() => undefined);
    return run;
  }

  function status(): SessionStatus {
    return {
      state,
      server: identity?.server ?? null,
      userId: identity?.userId ?? null,
      userDisplayName: identity?.userDisplayName ?? null,
      reason,
      nextAttemptAt,
    };
  }

  function setState(next: SessionState, why: string | null = null) {
    if (!canMove(state, next)) throw new Error(`session state cannot go from ${state} to ${next}`);
    state = next;
    reason = why;
    if (next !== 'reconnecting') nextAttemptAt = null;
    events.emit('status', status());
  }

  function halt() {
    channel?.stop();
    channel = null;
    clearTimeout(reconnectTimer);
    clearTimeout(resubscribeTimer);
    reconnectTimer = resubscribeTimer = undefined;
  }

  /** Ends the current session on our side: nothing listens, nothing is kept, and the state says why. */
  async function end(next: 'expired' | 'signed-out-by-server' | 'signed-out', why: string | null) {
    halt();
    current = null;
    setState(next, why);
    await credentials.clear().catch(() => undefined);
  }

  function adopt(session: IcwsSession) {
    halt();
    current = session;
    identity = {
      server: session.server,
      userId: session.userId,
      userDisplayName: session.userDisplayName,
      alternateHosts: session.alternateHosts,
    };
  }

  /** An unreadable message may have been one of ours: counted (the reason names the case), and a fresh snapshot asked for. */
  function malformed(_reason: string) {
    malformedCount++;
    resubscribe();
  }

  /**
   * Every failure of every call of a session comes here; calls of an earlier session are ignored. A 401
   * expires the session. Anything else starts reconnecting once: while reconnecting, the attempts decide.
   */
  function failed(session: IcwsSession, error: unknown) {
    if (session !== current) return;
    const icws = isIcwsError(error) ? error : new IcwsError('network', 'Unexpected failure.');
    if (icws.isSessionRejected) return expire(icws.serverMessage ?? 'Your session has expired.');
    if (state === 'up') startReconnecting(icws.message);
  }

  async function expire(why: string) {
    if (state !== 'up' && state !== 'reconnecting') return;
    const ending = end('expired', why);
    events.emit('relogin-required', { reason: why });
    await ending;
  }

  async function endByServer(settings: Pick<ConnectionSettings, 'reason' | 'shouldReconnect'>) {
    const why = settings.reason || 'The server ended the session.';
    // shouldReconnect means a new connection is wanted, which needs the agent's password: that is an expiry.
    if (settings.shouldReconnect !== false) return expire(why);
    if (state === 'up' || state === 'reconnecting') await end('signed-out-by-server', why);
  }

  /** From up (or a resume that found no server): stop listening and schedule the first attempt. */
  function startReconnecting(why: string) {
    if (state !== 'up' && state !== 'signing-in') return;
    halt();
    scheduleAttempt(why);
  }

  /** One timer at a time: the next attempt, after the backoff's delay. */
  function scheduleAttempt(why: string) {
    clearTimeout(reconnectTimer);
    const delay = backoff.next();
    nextAttemptAt = now() + delay;
    setState('reconnecting', why);
    const session = current!;
    reconnectTimer = setTimeout(() => void attemptReconnect(session), delay);
  }

  async function attemptReconnect(session: IcwsSession) {
    const stillOurs = () => session === current && state === 'reconnecting';
    if (!stillOurs()) return;
    let settings: ConnectionSettings;
    try {
      settings = await client.connectionState(session);
    } catch (error) {
      if (!stillOurs()) return;
      const icws = isIcwsError(error) ? error : null;
      if (icws?.isSessionRejected) {
        return expire('The server no longer knows this session (it may have restarted). Sign in again.');
      }
      // Sessions do not survive a switchover: signing in again is what reaches the server now in charge.
      // A 3xx is read like a 503 (PROTOCOL.md §7.4).
      const status = icws?.status ?? 0;
      if (status === 503 || (status >= 300 && status < 400)) {
        return expire('The server is switching over. Sign in again to continue.');
      }
      if (icws?.kind === 'network') unreachableAttempts++;
      if (unreachableAttempts >= ATTEMPTS_BEFORE_SWITCHOVER && session.alternateHosts.length > 0) {
        return expire(`The server cannot be reached. Sign in again to try its alternate (${session.alternateHosts.join(', ')}).`);
      }
      return scheduleAttempt(icws?.message ?? 'The server cannot be reached.');
    }
    if (!stillOurs()) return;
    if (settings.connectionState !== 1) return endByServer(settings);
    await resync(session);
  }

  function onMessage(session: IcwsSession, message: unknown) {
    if (session !== current) return;
    if (!message || typeof message !== 'object' || Array.isArray(message)) return malformed('a message that is not an object');
    const { __type: type, subscriptionId } = message as Record<string, unknown>;
    if (typeof type !== 'string') return malformed('a message without __type');
    switch (type) {
      case QUEUE_CONTENTS_TYPE:
        if (subscriptionId === QUEUE_SUBSCRIPTION_ID) events.emit('queue', message);
        return;
      case CLIENT_BUTTONS_MESSAGE_TYPE:
        if (subscriptionId === BUTTONS_SUBSCRIPTION_ID) events.emit('buttons', message);
        return;
      case CONNECTION_STATE_CHANGE_TYPE: {
        const change = message as { newConnectionState?: unknown; reason?: unknown; shouldReconnect?: unknown };
        if (change.newConnectionState === 2) {
          void endByServer({
            ...(typeof change.reason === 'string' ? { reason: change.reason } : {}),
            ...(typeof change.shouldReconnect === 'boolean' ? { shouldReconnect: change.shouldReconnect } : {}),
          });
        }
        return;
      }
      default:
        // Unknown types are normal as servers grow: ignored, not counted as malformed.
        return;
    }
  }

  /** Says the list is out of date before anything can act on it, then (re)creates the subscriptions. */
  async function subscribe(session: IcwsSession, announced = false) {
    lastSubscribedAt = now();
    if (!announced) events.emit('subscribing', null);
    await client.call(session, 'PUT', `/messaging/subscriptions/queues/${QUEUE_SUBSCRIPTION_ID}`, {
      queueIds: [{ queueType: 1, queueName: session.userId }],
      attributeNames: [...QUEUE_ATTRIBUTES],
    });
    // rightsFilter "view" is the likely right for an agent; a server that refuses it is asked without (§7.10).
    await withoutRightsFilterOnRefusal((rights) =>
      client.call(session, 'PUT', `/messaging/subscriptions/configuration/client-buttons/${BUTTONS_SUBSCRIPTION_ID}`, {
        configurationIds: ['*'],
        properties: BUTTON_PROPERTIES,
        ...(rights ? { rightsFilter: 'view' } : {}),
      }),
    );
    const listed = await withoutRightsFilterOnRefusal((rights) =>
      client.call(
        session,
        'GET',
        `/configuration/client-buttons?select=${BUTTON_PROPERTIES.join(',')}${rights ? '&rightsFilter=view' : ''}`,
      ),
    );
    const items = (listed as { items?: unknown } | null)?.items;
    if (Array.isArray(items)) events.emit('buttons-listed', items);
    else malformed('a client-button list without items');
  }

  /** (Re)creates every subscription and the message channel; fresh snapshots follow. */
  async function resync(session: IcwsSession) {
    // Up from here, but the list is out of date until the first snapshot arrives: said before "up" is.
    events.emit('subscribing', null);
    setState('up');
    try {
      await subscribe(session, true);
    } catch (error) {
      return failed(session, error);
    }
    if (session !== current) return;
    channel = openMessageChannel({
      client,
      session,
      transport: hasFeature(session.features, 'messaging', 2) ? 'sse' : 'poll',
      onMessage: (message) => onMessage(session, message),
      onMalformed: malformed,
      onFailure: (error) => failed(session, error),
      ...(options.pollIntervalMs === undefined ? {} : { pollIntervalMs: options.pollIntervalMs }),
      ...(options.stallMs === undefined ? {} : { stallMs: options.stallMs }),
    });
  }

  function toCredentials(session: IcwsSession, applicationName: string): SessionCredentials {
    return {
      server: session.server,
      userId: session.userId,
      userDisplayName: session.userDisplayName,
      sessionId: session.sessionId,
      csrfToken: session.csrfToken,
      cookie: session.cookie,
      features: session.features,
      alternateHosts: session.alternateHosts,
      language: session.language,
      applicationName,
      savedAt: now(),
    };
  }

  /** `persist: false` keeps the credentials in memory only (the demo server's port changes every launch). */
  function signIn(parameters: SignInParameters, options: { persist?: boolean } = {}): Promise<IcwsSession> {
    return serial(() => signInNow(parameters, options.persist ?? true));
  }

  async function signInNow(parameters: SignInParameters, persist: boolean): Promise<IcwsSession> {
    halt();
    const before = state;
    const beforeReason = reason;
    const replaced = current;
    current = null;
    setState('signing-in');
    let session: IcwsSession;
    try {
      session = await client.login({
        ...parameters,
        // Re-login after a switchover: the hosts the last session named are worth trying.
        knownAlternateHosts: identity && sameServer(identity.server, parameters.server) ? identity.alternateHosts : [],
      });
      if (!hasFeature(session.features, 'client-buttons', CLIENT_BUTTONS_MIN_VERSION)) {
        await client.logout(session).catch(() => undefined);
        throw unsupportedClientButtons(session.features);
      }
      if (parameters.station) await putStation(session, parameters.station);
    } catch (error) {
      // A session that was working goes on working: a failed sign-in on top of it changes nothing.
      if (replaced) {
        adopt(replaced);
        await resync(replaced);
        throw error;
      }
      // A failed re-login keeps the expiry (and with it the pending presses); any other failure signs out.
      // The sign-in result carries its own error; the state keeps the reason it had, if it returns to one.
      const keep = before === 'expired' || before === 'signed-out-by-server';
      setState(keep ? before : 'signed-out', keep ? beforeReason : null);
      throw error;
    }
    // Signed in again while signed in: the old session is ended on the server, not left to time out.
    if (replaced) await client.logout(replaced).catch(() => undefined);
    adopt(session);
    if (persist) await credentials.save(toCredentials(session, parameters.applicationName)).catch(() => undefined);
    else await credentials.clear().catch(() => undefined);
    backoff.reset();
    unreachableAttempts = 0;
    await resync(session);
    return session;
  }

  async function putStation(session: IcwsSession, station: string) {
    try {
      await client.call(session, 'PUT', '/connection/station', {
        __type: 'urn:inin.com:connection:workstationSettings',
        workstation: station,
        supportedMediaTypes: [1, 2, 3],
        readyForInteractions: true,
      });
    } catch (error) {
      await client.logout(session).catch(() => undefined);
      throw error;
    }
  }

  function resume(): Promise<boolean> {
    return serial(resumeNow);
  }

  async function resumeNow(): Promise<boolean> {
    const stored = await credentials.load().catch(() => null);
    if (!stored) return false;
    const session: IcwsSession = {
      server: stored.server,
      sessionId: stored.sessionId,
      csrfToken: stored.csrfToken,
      cookie: stored.cookie,
      userId: stored.userId,
      userDisplayName: stored.userDisplayName,
      icServer: null,
      language: stored.language,
      features: stored.features,
      alternateHosts: stored.alternateHosts,
      version: null,
    };
    adopt(session);
    setState('signing-in');
    try {
      const settings = await client.connectionState(session);
      if (settings.connectionState !== 1) throw new IcwsError('http', 'The stored session is no longer up.', { status: 401 });
    } catch (error) {
      if (isIcwsError(error) && error.kind === 'network') {
        // The server may just be unreachable for now: keep the session and keep trying.
        startReconnecting(error.message);
        return true;
      }
      await end('signed-out', 'The saved session has ended. Sign in again.');
      return false;
    }
    await resync(session);
    return true;
  }

  function signOut(): Promise<void> {
    return serial(async () => {
      const session = current;
      identity = null;
      await end('signed-out', null);
      if (session) await client.logout(session).catch(() => undefined);
    });
  }

  /** A snapshot was accepted: the session is healthy again, so the next outage backs off from the start. */
  function snapshotArrived() {
    backoff.reset();
    unreachableAttempts = 0;
  }

  /**
   * Recreates the subscriptions for fresh snapshots, because a message of ours was lost. A burst of lost
   * messages asks once: at most one resubscription per interval.
   */
  function resubscribe() {
    const session = current;
    if (!session || state !== 'up' || resubscribeTimer !== undefined) return;
    const wait = Math.max(0, lastSubscribedAt + RESUBSCRIBE_INTERVAL_MS - now());
    resubscribeTimer = setTimeout(() => {
      resubscribeTimer = undefined;
      if (session === current && state === 'up') subscribe(session).catch((error: unknown) => failed(session, error));
    }, wait);
  }

  return {
    on: events.on,
    status,
    signIn,
    resume,
    signOut,
    /** The live session for a call, or null when none is usable right now. */
    session: () => (state === 'up' ? current : null),
    snapshotArrived,
    resubscribe,
    /** Report a failed call made with `session` (a press, say): 401 expires, network reconnects. */
    reportFailure: failed,
    get malformedCount() {
      return malformedCount;
    },
  };
}

export type LiveSession = ReturnType<typeof createLiveSession>;

function sameServer(a: string, b: string): boolean {
  try {
    return normaliseServerUrl(a) === normaliseServerUrl(b);
  } catch {
    return false;
  }
}

async function withoutRightsFilterOnRefusal<T>(call: (withRights: boolean) => Promise<T>): Promise<T> {
  try {
    return await call(true);
  } catch (error) {
    if (isIcwsError(error) && (error.status === 400 || error.status === 403)) return call(false);
    throw error;
  }
}
