// One agent's ICWS session over its whole life: sign-in, subscriptions, the message channel, expiry on any
// 401 (one re-login request however many calls fail together), reconnecting with backoff on network loss,
// resume from stored credentials, and sign-out. It routes messages by __type; the agent owns the caches.
import type { SessionState } from '../../ipc/contract.ts';
import type { CredentialStore, SessionCredentials } from '../agent/ports.ts';
import { createEmitter } from '../emitter.ts';
import { CLIENT_BUTTONS_MIN_VERSION, featureVersion, hasFeature, type IcwsClient, type IcwsSession } from '../icws/client.ts';
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
  /** True until the first queue snapshot of the current subscription has arrived. */
  stale: boolean;
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
  /** A message that could not be used: counted, skipped. */
  malformed: { reason: string };
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
  let stale = true;
  let channel: MessageChannel | null = null;
  let reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  let malformedCount = 0;

  function status(): SessionStatus {
    return {
      state,
      server: identity?.server ?? null,
      userId: identity?.userId ?? null,
      userDisplayName: identity?.userDisplayName ?? null,
      reason,
      nextAttemptAt,
      stale,
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
    reconnectTimer = undefined;
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

  function malformed(why: string) {
    malformedCount++;
    events.emit('malformed', { reason: why });
  }

  /** Every failure of every call of a session comes here; calls of an earlier session are ignored. */
  function failed(session: IcwsSession, error: unknown) {
    if (session !== current) return;
    const icws = isIcwsError(error) ? error : new IcwsError('network', 'Unexpected failure.', { cause: error });
    if (icws.isSessionRejected) return expire(icws.serverMessage ?? 'Your session has expired.');
    startReconnecting(icws.message);
  }

  async function expire(why: string) {
    if (state !== 'up' && state !== 'reconnecting') return;
    halt();
    current = null;
    stale = true;
    setState('expired', why);
    events.emit('relogin-required', { reason: why });
    await credentials.clear().catch(() => undefined);
  }

  async function endByServer(settings: Pick<ConnectionSettings, 'reason' | 'shouldReconnect'>) {
    const why = settings.reason || 'The server ended the session.';
    // shouldReconnect means a new connection is wanted, which needs the agent's password: that is an expiry.
    if (settings.shouldReconnect !== false) return expire(why);
    halt();
    current = null;
    stale = true;
    setState('signed-out-by-server', why);
    await credentials.clear().catch(() => undefined);
  }

  function startReconnecting(why: string) {
    if (state !== 'up' && state !== 'reconnecting' && state !== 'signing-in') return;
    halt();
    stale = true;
    const delay = backoff.next();
    nextAttemptAt = now() + delay;
    setState('reconnecting', why);
    const session = current!;
    reconnectTimer = setTimeout(() => void attemptReconnect(session), delay);
  }

  async function attemptReconnect(session: IcwsSession) {
    if (session !== current) return;
    let settings: ConnectionSettings;
    try {
      settings = await client.connectionState(session);
    } catch (error) {
      if (session !== current) return;
      if (isIcwsError(error) && error.isSessionRejected) {
        return expire('The server no longer knows this session (it may have restarted). Sign in again.');
      }
      return startReconnecting(isIcwsError(error) ? error.message : 'The server cannot be reached.');
    }
    if (session !== current) return;
    if (settings.connectionState !== 1) return endByServer(settings);
    backoff.reset();
    await resync(session);
  }

  function onMessage(session: IcwsSession, message: unknown) {
    if (session !== current) return;
    if (!message || typeof message !== 'object' || Array.isArray(message)) return malformed('a message that is not an object');
    const { __type: type, subscriptionId, isDelta } = message as Record<string, unknown>;
    if (typeof type !== 'string') return malformed('a message without __type');
    switch (type) {
      case QUEUE_CONTENTS_TYPE:
        if (subscriptionId !== QUEUE_SUBSCRIPTION_ID) return;
        if (isDelta === false && stale) {
          // Fresh as the snapshot is applied; the status follows so held presses see the new list.
          stale = false;
          events.emit('queue', message);
          events.emit('status', status());
        } else events.emit('queue', message);
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

  async function subscribe(session: IcwsSession) {
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
    stale = true;
    // Up from here: the session is live, the list stays stale until the first snapshot arrives.
    setState('up');
    try {
      await subscribe(session);
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
  async function signIn(parameters: SignInParameters, { persist = true } = {}): Promise<IcwsSession> {
    halt();
    const before = state;
    const beforeReason = reason;
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
        const version = featureVersion(session.features, 'client-buttons');
        throw new IcwsError(
          'unsupported',
          version === null
            ? 'This server does not offer client buttons, so this app cannot work with it.'
            : `This server offers client buttons version ${version}; version ${CLIENT_BUTTONS_MIN_VERSION} or newer is needed.`,
        );
      }
      if (parameters.station) await putStation(session, parameters.station);
    } catch (error) {
      // A failed re-login keeps the expiry (and with it the pending presses); any other failure signs out.
      current = null;
      // The sign-in result carries its own error; the state keeps the reason it had, if it returns to one.
      const keep = before === 'expired' || before === 'signed-out-by-server';
      setState(keep ? before : 'signed-out', keep ? beforeReason : null);
      throw error;
    }
    adopt(session);
    if (persist) await credentials.save(toCredentials(session, parameters.applicationName)).catch(() => undefined);
    else await credentials.clear().catch(() => undefined);
    backoff.reset();
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

  async function resume(): Promise<boolean> {
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
      current = null;
      await credentials.clear().catch(() => undefined);
      setState('signed-out', 'The saved session has ended. Sign in again.');
      return false;
    }
    await resync(session);
    return true;
  }

  async function signOut(): Promise<void> {
    const session = current;
    halt();
    current = null;
    stale = true;
    await credentials.clear().catch(() => undefined);
    if (session) await client.logout(session).catch(() => undefined);
    identity = null;
    setState('signed-out');
  }

  return {
    on: events.on,
    status,
    signIn,
    resume,
    signOut,
    /** The live session for a call, or null when none is usable right now. */
    session: () => (state === 'up' ? current : null),
    /** Up with a fresh list: held presses can be checked and sent. */
    ready: () => state === 'up' && !stale,
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
