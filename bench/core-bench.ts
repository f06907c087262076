// Reports how fast the core is against the simulator on this machine: sign-in to a fresh list, a delta from
// the server to the agent's view, and a press from the agent to the server's action log, with a long queue.
// A script that prints numbers, not a test: run `npm run bench`.
import { performance } from 'node:perf_hooks';
import { createAgent } from '../app/core/agent/agent.ts';
import { createMemoryPorts } from '../app/core/agent/memory-ports.ts';
import { createInteractionStore } from '../app/core/interactions/interaction-store.ts';
import { QUEUE_CONTENTS_TYPE } from '../app/core/icws/wire-types.ts';
import { defaultScenario } from '../app/sim/scenario.ts';
import { startSimulator } from '../app/sim/server.ts';

const ROWS = Number(process.env['BENCH_ROWS'] ?? 2000);
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 100);

function attributes(i: number): Record<string, string> {
  return {
    Eic_ObjectType: ['Call', 'Chat', 'Email'][i % 3]!,
    Eic_State: ['A', 'C', 'H'][i % 3]!,
    Eic_RemoteName: `Caller ${i}`,
    Eic_RemoteAddress: `+1 317 555 ${String(i).padStart(4, '0')}`,
    Eic_CallDirection: 'I',
    Eic_InitiationTime: new Date(Date.now() - i * 1000).toISOString(),
  };
}

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return `p50 ${at(0.5).toFixed(2)} ms   p95 ${at(0.95).toFixed(2)} ms   max ${sorted.at(-1)!.toFixed(2)} ms   (n=${samples.length})`;
}

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setImmediate(resolve));
}

const base = defaultScenario();
const interactions = Array.from({ length: ROWS }, (_, i) => ({ interactionId: `${3000000000 + i}`, attributes: attributes(i) }));
const sim = await startSimulator({ scenario: { ...base, timeline: [], interactions: { ...base.interactions, agent1: interactions } } });
const agent = createAgent(createMemoryPorts());
const fresh = () => {
  const { session } = agent.snapshot();
  return session.state === 'up' && !session.stale;
};

let start = performance.now();
const signedIn = await agent.signIn({ server: sim.url, userId: 'agent1', password: 'agent1' });
if (!signedIn.ok) throw new Error(signedIn.error.message);
await until(fresh);
const signInMs = performance.now() - start;

const deltaSamples: number[] = [];
let latest: string | null = null;
agent.on('interactions:changed', (views) => {
  latest = views.find((view) => view.id === interactions[0]!.interactionId)?.remoteName ?? null;
});
for (let round = 0; round < ROUNDS; round++) {
  const name = `Renamed ${round}`;
  start = performance.now();
  sim.admin.changeInteraction(interactions[0]!.interactionId, { Eic_RemoteName: name });
  await until(() => latest === name);
  deltaSamples.push(performance.now() - start);
}

const pressSamples: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  start = performance.now();
  const result = await agent.press({ buttonId: 'RequestBreak' }, 'click');
  if (result.phase !== 'succeeded') throw new Error(`press ${round}: ${result.error?.message}`);
  pressSamples.push(performance.now() - start);
}
const logged = sim.admin.actions().length;

await agent.shutdown();
await sim.close();

const store = createInteractionStore();
const snapshot = {
  __type: QUEUE_CONTENTS_TYPE,
  isDelta: false,
  subscriptionId: 'bench',
  interactionsAdded: interactions.map(({ interactionId, attributes: a }) => ({ interactionId, attributes: a })),
};
const applySamples: number[] = [];
for (let round = 0; round < 20; round++) {
  start = performance.now();
  store.apply(snapshot);
  applySamples.push(performance.now() - start);
}

console.log(`core bench, ${ROWS} interactions in the queue, node ${process.version}`);
console.log(`sign-in to a fresh list         ${signInMs.toFixed(1)} ms`);
console.log(`server delta to the agent view  ${stats(deltaSamples)}`);
console.log(`press to 204 (through the core) ${stats(pressSamples)}   server logged ${logged}`);
console.log(`store: apply a ${ROWS}-row snapshot ${stats(applySamples)}`);
