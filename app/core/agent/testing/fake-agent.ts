// A fake Agent for shell and IPC tests: records every call, answers from a settable snapshot, and emits
// events on demand. Not for production use.
import type { AppSnapshot, PressProgress, PressRequest, PressSource, SessionSnapshot } from '../../../ipc/contract.ts';
import type { Agent, AgentEvents } from '../agent-api.ts';
import { appSnapshot, session } from './snapshot-fixtures.ts';

export interface FakeAgent extends Agent {
  calls: { method: string; args: unknown[] }[];
  state: AppSnapshot;
  emit<E extends keyof AgentEvents>(event: E, payload: AgentEvents[E]): void;
}

export function createFakeAgent(state: AppSnapshot = appSnapshot()): FakeAgent {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const calls: FakeAgent['calls'] = [];
  const record = (method: string, ...args: unknown[]) => void calls.push({ method, args });
  const progress = (request: PressRequest, source: PressSource): PressProgress => ({
    pressId: `press-${calls.length}`,
    buttonId: request.buttonId,
    buttonLabel: request.buttonId,
    interactionId: request.interactionId ?? null,
    source,
    phase: 'succeeded',
    error: null,
    at: 0,
  });
  const agent: FakeAgent = {
    calls,
    state,
    snapshot: () => (record('snapshot'), agent.state),
    resume: async () => (record('resume'), false),
    signIn: async (request) => {
      record('signIn', request);
      return { ok: true, session: session({ state: 'up', server: request.server, userId: request.userId }) };
    },
    signOut: async (): Promise<SessionSnapshot> => (record('signOut'), session()),
    press: async (request, source) => (record('press', request, source), progress(request, source)),
    pressSlot: async (slot) => (record('pressSlot', slot), null),
    cancelPending: (pressId) => (record('cancelPending', pressId), true),
    updateSettings: (patch) => (record('updateSettings', patch), { ...agent.state.settings, ...patch }),
    auditLog: () => (record('auditLog'), []),
    setFocusedInteraction: (id) => record('setFocusedInteraction', id),
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener as (payload: unknown) => void);
      return () => set.delete(listener as (payload: unknown) => void);
    },
    emit(event, payload) {
      for (const listener of listeners.get(event) ?? []) listener(payload);
    },
    shutdown: async () => record('shutdown'),
  };
  return agent;
}
