// The simulator's admin API over HTTP (/_sim/...), as a test drives it: what the server recorded, and
// changes to its world while the app watches.
import type { Attributes } from '../../app/core/icws/wire-types.ts';
import type { ScenarioInteraction } from '../../app/sim/scenario.ts';
import type { FaultSpec } from '../../app/sim/faults.ts';
import type { ActionRecord } from '../../app/sim/world.ts';

export interface SimHttpAdmin {
  actions(): Promise<ActionRecord[]>;
  clearActions(): Promise<void>;
  expireSessions(): Promise<string[]>;
  addInteraction(userId: string, interaction: ScenarioInteraction): Promise<void>;
  changeInteraction(interactionId: string, attributes: Attributes): Promise<void>;
  removeInteraction(interactionId: string): Promise<void>;
  addFault(fault: FaultSpec): Promise<void>;
  clearFaults(): Promise<void>;
  /** Refuses connections for forMs, then listens again (a server restart or network loss, as clients see it). */
  stopListening(forMs: number): Promise<void>;
}

export function simHttpAdmin(baseUrl: string): SimHttpAdmin {
  async function call(method: string, path: string, body?: unknown): Promise<unknown> {
    const response = await fetch(new URL(path, baseUrl), {
      method,
      ...(body === undefined ? {} : { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status} ${text}`);
    return text ? JSON.parse(text) : null;
  }
  return {
    actions: async () => ((await call('GET', '/_sim/actions')) as { actions: ActionRecord[] }).actions,
    clearActions: async () => void (await call('DELETE', '/_sim/actions')),
    expireSessions: async () => ((await call('POST', '/_sim/sessions/expire', {})) as { expired: string[] }).expired,
    addInteraction: async (userId, interaction) => void (await call('POST', '/_sim/interactions', { userId, interaction })),
    changeInteraction: async (id, attributes) =>
      void (await call('PATCH', `/_sim/interactions/${encodeURIComponent(id)}`, { attributes })),
    removeInteraction: async (id) => void (await call('DELETE', `/_sim/interactions/${encodeURIComponent(id)}`)),
    addFault: async (fault) => void (await call('POST', '/_sim/faults', fault)),
    clearFaults: async () => void (await call('DELETE', '/_sim/faults')),
    stopListening: async (forMs) => void (await call('POST', '/_sim/listen', { listening: false, forMs })),
  };
}
