// Test and demo controls: the operations behind /_sim/..., also callable directly as sim.admin.*.
import {
  CONNECTION_STATE_CHANGE_TYPE,
  QUEUE_CONTENTS_TYPE,
  type Attributes,
  type ClientButton,
  type ConnectionStateChangeMessage,
} from '../core/icws/wire-types.ts';
import type { SimMode, SimState } from './context.ts';
import type { ActiveFault, FaultSpec } from './faults.ts';
import type { ButtonEffect, ScenarioInteraction } from './scenario.ts';
import type { Session, SessionInfo } from './session-registry.ts';
import type { TimelineRunner } from './timeline.ts';
import { WorldError, type ActionRecord, type StoredInteraction } from './world.ts';

export interface ConnectionStateChange {
  /** All live sessions when absent. */
  sessionId?: string;
  /** 0 none, 1 up, 2 down; 2 also ends the session (its next request answers 401). */
  newConnectionState: number;
  reason: string;
  shouldReconnect?: boolean;
}

export interface StreamCut {
  /** Send half of an event before killing the socket. */
  midMessage?: boolean;
  sessionId?: string;
}

/** The server side the admin cannot reach through SimState: its listening socket. */
export interface ListenerControl {
  isListening(): boolean;
  stop(): Promise<void>;
  resume(): Promise<void>;
  /** Destroys every open socket, SSE streams included; the listener stays up. */
  dropConnections(): void;
}

export interface SimAdmin {
  actions(): ActionRecord[];
  clearActions(): void;

  sessions(): SessionInfo[];
  /** Ends the session (or all live ones); returns the IDs ended. */
  expireSessions(sessionId?: string): string[];

  faults(): ActiveFault[];
  addFault(fault: FaultSpec): void;
  clearFaults(): void;

  interactions(userId?: string): StoredInteraction[];
  addInteraction(userId: string, interaction: ScenarioInteraction): StoredInteraction;
  changeInteraction(interactionId: string, attributes: Attributes): StoredInteraction;
  removeInteraction(interactionId: string): void;

  buttons(): ClientButton[];
  putButton(button: ClientButton, effect?: ButtonEffect): 'added' | 'changed';
  removeButton(buttonId: string): void;

  /** Pushes urn:inin.com:connection:connectionStateChangeMessage; returns the sessions it reached. */
  pushConnectionState(change: ConnectionStateChange): string[];
  /** Destroys open SSE sockets; returns how many. */
  cutStreams(cut?: StreamCut): number;
  /** Sends each text as one raw SSE event to open streams (malformed-message tests); returns streams reached. */
  pushRawEvents(texts: readonly string[], sessionId?: string): number;

  mode(): { mode: SimMode; alternateHosts: string[] };
  setMode(mode: SimMode, alternateHosts?: string[]): void;

  isListening(): boolean;
  /** Closes the listener (connections are refused) but keeps all state; forMs resumes on its own. */
  stopListening(forMs?: number): Promise<void>;
  /** Listens again on the same host and port. */
  resumeListening(): Promise<void>;
  /** A server restart as clients see it: every session and socket is gone, so the next call is a 401. */
  restart(): void;

  /** Fires due timeline events now (for tests driving a fake clock); returns how many fired. */
  tickTimeline(): number;
  /** Stops pending timers; called by Simulator.close(). */
  dispose(): void;
}

export function createAdmin(sim: SimState, listener: ListenerControl, timeline: TimelineRunner): SimAdmin {
  let resumeTimer: NodeJS.Timeout | null = null;
  const clearResumeTimer = (): void => {
    if (resumeTimer) clearTimeout(resumeTimer);
    resumeTimer = null;
  };

  const liveTargets = (sessionId: string | undefined): Session[] => {
    if (sessionId === undefined) return sim.sessions.alive();
    const session = sim.sessions.get(sessionId);
    if (!session || session.ended !== null) throw new WorldError(404, `No live session ${sessionId}`);
    return [session];
  };

  return {
    actions: () => sim.world.actions(),
    clearActions: () => sim.world.clearActions(),

    sessions: () => sim.sessions.all().map((s) => sim.sessions.info(s)),
    expireSessions(sessionId) {
      const targets = liveTargets(sessionId);
      for (const session of targets) sim.sessions.end(session, 'expired');
      return targets.map((s) => s.id);
    },

    faults: () => sim.faults.list(),
    addFault: (fault) => sim.faults.add(fault),
    clearFaults: () => sim.faults.clear(),

    interactions: (userId) =>
      (userId === undefined ? sim.world.allInteractions() : sim.world.queue(userId)).map((it) => structuredClone(it)),
    addInteraction: (userId, interaction) => structuredClone(sim.world.addInteraction(userId, structuredClone(interaction))),
    changeInteraction: (interactionId, attributes) => structuredClone(sim.world.changeInteraction(interactionId, attributes)),
    removeInteraction: (interactionId) => sim.world.removeInteraction(interactionId),

    buttons: () => structuredClone(sim.world.allButtons()),
    putButton: (button, effect) => sim.world.putButton(structuredClone(button), effect && structuredClone(effect)),
    removeButton: (buttonId) => sim.world.removeButton(buttonId),

    pushConnectionState(change) {
      const targets = liveTargets(change.sessionId);
      for (const session of targets) {
        const message: ConnectionStateChangeMessage = {
          __type: CONNECTION_STATE_CHANGE_TYPE,
          isDelta: false,
          previousConnectionState: 1,
          newConnectionState: change.newConnectionState,
          reason: change.reason,
        };
        if (change.shouldReconnect !== undefined) message.shouldReconnect = change.shouldReconnect;
        sim.sessions.deliver(session, message);
        if (change.newConnectionState === 2) sim.sessions.end(session, 'down');
      }
      return targets.map((s) => s.id);
    },

    cutStreams(cut = {}) {
      let count = 0;
      for (const session of liveTargets(cut.sessionId)) {
        const stream = session.stream;
        if (!stream || stream.closed) continue;
        // What a half-sent event looks like: the start of a real queue delta the client must drop.
        const subscriptionId = session.queueSubscriptions.keys().next().value ?? 'sim-cut';
        const sample = {
          __type: QUEUE_CONTENTS_TYPE,
          isDelta: true,
          subscriptionId,
          interactionsRemoved: sim.world.queue(session.userId).map((it) => it.interactionId),
        };
        stream.cut(cut.midMessage === true, sample);
        count++;
      }
      return count;
    },

    pushRawEvents(texts, sessionId) {
      let count = 0;
      for (const session of liveTargets(sessionId)) {
        const stream = session.stream;
        if (!stream || stream.closed) continue;
        for (const text of texts) stream.sendRaw(text);
        count++;
      }
      return count;
    },

    mode: () => ({ mode: sim.mode, alternateHosts: [...sim.alternateHosts] }),
    setMode(mode, alternateHosts) {
      sim.mode = mode;
      if (alternateHosts) sim.alternateHosts = [...alternateHosts];
    },

    isListening: () => listener.isListening(),
    async stopListening(forMs) {
      clearResumeTimer();
      await listener.stop();
      if (forMs !== undefined) {
        resumeTimer = setTimeout(() => {
          resumeTimer = null;
          void listener.resume();
        }, forMs);
      }
    },
    async resumeListening() {
      clearResumeTimer();
      await listener.resume();
    },
    restart() {
      for (const session of sim.sessions.alive()) sim.sessions.end(session, 'restart');
      listener.dropConnections();
    },

    tickTimeline: () => timeline.tick(),
    dispose: clearResumeTimer,
  };
}
