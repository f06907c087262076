// The backend of the browser suite: the real agent core (in-memory ports, short timers) against the real
// simulator over HTTP, served to the page through the core's own IPC handler table.
import type { EventChannel } from '../../app/ipc/contract.ts';
import { createAgent, type AgentCore } from '../../app/core/agent/agent.ts';
import { createIpcHandlers } from '../../app/core/agent/ipc-handlers.ts';
import { createMemoryPorts, type MemoryShortcutRegistrar } from '../../app/core/agent/memory-ports.ts';
import { defaultScenario, startSimulator, type Scenario, type Simulator } from '../../app/sim/server.ts';
import type { Backend } from './harness.ts';
import { simHttpAdmin, type SimHttpAdmin } from './sim-admin.ts';

export const AGENT1 = { userId: 'agent1', password: 'agent1' };

export interface RealBackend {
  backend: Backend;
  agent: AgentCore;
  /** The OS side of the global shortcuts: what is registered, and a key press. */
  shortcuts: MemoryShortcutRegistrar;
  sim: Simulator;
  /** The simulator's /_sim/ API over HTTP. */
  admin: SimHttpAdmin;
  close(): Promise<void>;
}

export interface RealBackendOptions {
  /** Changes to the default scenario (whose demo timeline is always off, so tests decide what happens). */
  scenario?: (scenario: Scenario) => Scenario;
  pendingTtlMs?: number;
  /** Marks the simulator as the app's built-in demo server (the status bar shows a badge). */
  demo?: boolean;
  /** Accelerators "another application" holds from the start, so registering them is a conflict. */
  takenShortcuts?: string[];
}

export async function startRealBackend(options: RealBackendOptions = {}): Promise<RealBackend> {
  const base: Scenario = { ...defaultScenario(), timeline: [] };
  const sim = await startSimulator({ scenario: options.scenario ? options.scenario(base) : base, port: 0, timeline: false });
  const ports = createMemoryPorts();
  for (const accelerator of options.takenShortcuts ?? []) ports.shortcuts.taken.add(accelerator);
  const agent = createAgent({
    ...ports,
    backoff: { baseMs: 100, capMs: 1000 },
    pollIntervalMs: 100,
    ...(options.pendingTtlMs === undefined ? {} : { pendingTtlMs: options.pendingTtlMs }),
    ...(options.demo ? { demo: { server: sim.url, ...AGENT1 } } : {}),
  });
  const handlers = createIpcHandlers(agent);
  const backend: Backend = {
    handlers,
    on: (channel: EventChannel, listener: (payload: unknown) => void) => agent.on(channel, listener),
  };
  return {
    backend,
    agent,
    shortcuts: ports.shortcuts,
    sim,
    admin: simHttpAdmin(sim.url),
    async close() {
      await agent.shutdown();
      await sim.close();
    },
  };
}
