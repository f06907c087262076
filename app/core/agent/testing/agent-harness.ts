// Test harness: the real agent core over real HTTP against a real simulator, with in-memory ports and short
// timers so expiry, reconnects and pending presses play out in milliseconds.
import type { AgentEvents } from '../agent-api.ts';
import { createAgent, type AgentCore } from '../agent.ts';
import { createMemoryPorts } from '../memory-ports.ts';
import { startSimulator, type Simulator, type SimulatorOptions } from '../../../sim/server.ts';
import { defaultScenario, type Scenario } from '../../../sim/scenario.ts';

export const AGENT1 = { userId: 'agent1', password: 'agent1' };

/** The default scenario without its demo timeline, optionally changed. */
export function quietScenario(change: (scenario: Scenario) => Scenario = (s) => s): Scenario {
  return change({ ...defaultScenario(), timeline: [] });
}

/** Pings every 200 ms, well inside the agents' stall limit below. */
export async function startQuietSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  return startSimulator({ scenario: quietScenario(), ssePingIntervalMs: 200, ...options });
}

export interface AgentUnderTest {
  agent: AgentCore;
  ports: ReturnType<typeof createMemoryPorts>;
  /** Every event the agent emitted, in order. */
  seen: { event: keyof AgentEvents; payload: unknown }[];
  count(event: keyof AgentEvents): number;
  signIn(server: string): Promise<void>;
}

export function agentFor(
  options: { pendingTtlMs?: number; stallMs?: number; ports?: ReturnType<typeof createMemoryPorts> } = {},
): AgentUnderTest {
  const ports = options.ports ?? createMemoryPorts();
  const agent = createAgent({
    ...ports,
    backoff: { baseMs: 40, capMs: 200 },
    pollIntervalMs: 50,
    stallMs: options.stallMs ?? 1500,
    ...(options.pendingTtlMs === undefined ? {} : { pendingTtlMs: options.pendingTtlMs }),
  });
  const seen: AgentUnderTest['seen'] = [];
  const events: (keyof AgentEvents)[] = [
    'session:changed',
    'interactions:changed',
    'buttons:changed',
    'press:progress',
    'pending:changed',
    'relogin:required',
    'shortcuts:changed',
    'notify',
  ];
  for (const event of events) agent.on(event, (payload) => seen.push({ event, payload }));
  return {
    agent,
    ports,
    seen,
    count: (event) => seen.filter((entry) => entry.event === event).length,
    async signIn(server) {
      const result = await agent.signIn({ server, ...AGENT1 });
      if (!result.ok) throw new Error(`sign-in failed: ${result.error.message}`);
      await waitFor(() => fresh(agent), 'a fresh interaction list');
    },
  };
}

/**
 * Starts a quiet simulator and an agent, signs in unless told not to, runs the body, and always shuts the agent
 * down and closes the simulator, in that order.
 */
export async function withSignedInAgent(
  options: { sim?: SimulatorOptions; agent?: Parameters<typeof agentFor>[0]; signIn?: boolean },
  body: (t: AgentUnderTest, sim: Simulator) => Promise<void>,
): Promise<void> {
  const sim = await startQuietSimulator(options.sim);
  const t = agentFor(options.agent);
  try {
    if (options.signIn ?? true) await t.signIn(sim.url);
    await body(t, sim);
  } finally {
    await t.agent.shutdown();
    await sim.close();
  }
}

export function fresh(agent: AgentCore): boolean {
  const { session } = agent.snapshot();
  return session.state === 'up' && !session.stale;
}

export async function waitFor(condition: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
