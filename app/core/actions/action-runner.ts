// Runs client-button presses. The handler-action POST is not idempotent, so a press is sent again only when
// it certainly never reached the server; a press that meets an expired session (401, or made while expired or
// reconnecting) is held, visibly, and runs once when the session is back, unless cancelled or too old.
import type { PendingPress, PressProgress, PressRequest, PressSource, UiError } from '../../ipc/contract.ts';
import { createEmitter } from '../emitter.ts';
import type { IcwsClient } from '../icws/client.ts';
import { IcwsError, isIcwsError, toUiError } from '../icws/errors.ts';
import type { LiveSession } from '../session/live-session.ts';
import type { AuditLog } from './audit-log.ts';

export const DEFAULT_PENDING_TTL_MS = 2 * 60_000;
/** More held presses than this is not an agent waiting for a session: the rest are refused, visibly. */
export const MAX_HELD_PRESSES = 100;

/** A press that passed the catalog check: the button's canonical ID and its label. */
export interface CheckedPress {
  buttonId: string;
  buttonLabel: string;
}

export interface ActionRunnerOptions {
  client: IcwsClient;
  live: LiveSession;
  audit: AuditLog;
  /** Validates against the current catalog and interactions; throws a validation IcwsError when it does not apply. */
  check(request: PressRequest): CheckedPress;
  /** Signed in with a fresh list: a held press can be checked and sent. */
  ready(): boolean;
  pendingTtlMs?: number;
  now?: () => number;
}

/** A press as the runner keeps it: who made it, so it never runs under another agent's session. */
type Press = Omit<PendingPress, 'queuedAt' | 'expiresAt'> & { owner: string | null };

interface Held extends PendingPress {
  owner: string | null;
  timer: ReturnType<typeof setTimeout>;
}

export function createActionRunner(options: ActionRunnerOptions) {
  const { client, live, audit } = options;
  const now = options.now ?? Date.now;
  const ttl = options.pendingTtlMs ?? DEFAULT_PENDING_TTL_MS;
  const events = createEmitter<{ progress: PressProgress; pending: PendingPress[] }>();
  const held = new Map<string, Held>();
  let sequence = 0;

  const pending = (): PendingPress[] =>
    [...held.values()].map(({ timer: _timer, owner: _owner, ...press }) => press);
  const signedInUser = () => live.status().userId?.toLowerCase() ?? null;

  function progress(
    press: Press,
    phase: PressProgress['phase'],
    error: UiError | null = null,
    status: number | null = error?.status ?? null,
  ): PressProgress {
    const report: PressProgress = {
      pressId: press.pressId,
      buttonId: press.buttonId,
      buttonLabel: press.buttonLabel,
      interactionId: press.interactionId,
      source: press.source,
      phase,
      error,
      at: now(),
    };
    events.emit('progress', report);
    if (phase === 'succeeded' || phase === 'failed' || phase === 'cancelled' || phase === 'dropped') {
      audit.append({
        at: report.at,
        pressId: press.pressId,
        buttonId: press.buttonId,
        interactionId: press.interactionId,
        source: press.source,
        result: phase,
        status,
        errorId: error?.errorId ?? null,
        message: error?.message ?? (phase === 'succeeded' ? 'Done.' : ''),
      });
    }
    return report;
  }

  function refuse(press: Press, message: string): PressProgress {
    return progress(press, 'dropped', { kind: 'cancelled', status: null, errorId: null, message, retrySafe: false });
  }

  function hold(press: Press, queuedAt = now()): PressProgress {
    // Held only while a session may come back; after a sign-out nothing of it may run later.
    const { state } = live.status();
    if (state === 'signed-out' || state === 'signed-out-by-server') return refuse(press, 'Not sent: you are signed out.');
    if (held.size >= MAX_HELD_PRESSES) return refuse(press, 'Not sent: too many presses are already waiting.');
    const expiresAt = queuedAt + ttl;
    const timer = setTimeout(() => drop(press.pressId, 'Not sent: the session did not come back within the time limit.'), Math.max(0, expiresAt - now()));
    held.set(press.pressId, { ...press, queuedAt, expiresAt, timer });
    events.emit('pending', pending());
    return progress(press, 'pending');
  }

  function release(pressId: string): Held | null {
    const press = held.get(pressId);
    if (!press) return null;
    clearTimeout(press.timer);
    held.delete(pressId);
    events.emit('pending', pending());
    return press;
  }

  function drop(pressId: string, message: string): void {
    const press = release(pressId);
    if (press) refuse(press, message);
  }

  async function send(press: Press, queuedAt?: number): Promise<PressProgress> {
    const session = live.session();
    if (session && press.owner !== signedInUser()) return refuse(press, 'Not sent: a different user signed in.');
    if (!session || !options.ready()) return hold(press, queuedAt);
    progress(press, 'sending');
    try {
      const status = await client.handlerAction(session, {
        buttonId: press.buttonId,
        ...(press.interactionId === null ? {} : { interactionId: press.interactionId }),
      });
      return progress(press, 'succeeded', null, status);
    } catch (error) {
      const icws = isIcwsError(error) ? error : new IcwsError('network', 'Unexpected failure.');
      // 401: the handler did not run. Not sent: it cannot have run. Both are held and run once the session is back.
      if (icws.isSessionRejected || (icws.kind === 'network' && icws.delivery === 'not-sent')) {
        const report = hold(press, queuedAt);
        live.reportFailure(session, icws);
        // The agent may have signed in again while this press was in flight: then nothing else will flush it.
        if (options.ready()) void flush();
        return report;
      }
      if (icws.kind === 'network') live.reportFailure(session, icws);
      return progress(press, 'failed', toUiError(icws));
    }
  }

  async function press(request: PressRequest, source: PressSource): Promise<PressProgress> {
    const pressId = `press-${now()}-${++sequence}`;
    const interactionId = request.interactionId ?? null;
    const owner = signedInUser();
    let checked: CheckedPress;
    try {
      checked = options.check(request);
    } catch (error) {
      const base = { pressId, buttonId: String(request.buttonId), buttonLabel: String(request.buttonId), interactionId, source, owner };
      return progress(base, 'failed', toUiError(error));
    }
    return send({ pressId, buttonId: checked.buttonId, buttonLabel: checked.buttonLabel, interactionId, source, owner });
  }

  /** Sends every held press once, in the order they were made, re-checked against the fresh snapshot. */
  async function flush(): Promise<void> {
    for (const { pressId } of [...held.values()].sort((a, b) => a.queuedAt - b.queuedAt)) {
      if (!options.ready()) return;
      const heldPress = held.get(pressId);
      if (!heldPress) continue;
      if (heldPress.owner !== signedInUser()) {
        drop(pressId, 'Not sent: a different user signed in.');
        continue;
      }
      try {
        options.check({
          buttonId: heldPress.buttonId,
          ...(heldPress.interactionId === null ? {} : { interactionId: heldPress.interactionId }),
        });
      } catch (error) {
        drop(pressId, `Not sent: ${isIcwsError(error) ? error.message : 'it no longer applies.'}`);
        continue;
      }
      const press = release(pressId)!;
      await send(press, press.queuedAt);
    }
  }

  function cancel(pressId: string): boolean {
    const press = release(pressId);
    if (!press) return false;
    progress(press, 'cancelled', { kind: 'cancelled', status: null, errorId: null, message: 'Cancelled.', retrySafe: false });
    return true;
  }

  function dropAll(message: string): void {
    for (const pressId of [...held.keys()]) drop(pressId, message);
  }

  return { on: events.on, press, flush, cancel, dropAll, pending };
}

export type ActionRunner = ReturnType<typeof createActionRunner>;
