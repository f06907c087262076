// Demo mode (the built-in simulator, remembered nowhere), and the optional station at sign-in.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createAgent } from './agent.ts';
import { createMemoryPorts } from './memory-ports.ts';
import { fresh, startQuietSimulator, waitFor } from './testing/agent-harness.ts';

test('with no server configured, resume signs in to the demo server and persists neither server nor session', async () => {
  const sim = await startQuietSimulator();
  const ports = createMemoryPorts();
  const agent = createAgent({ ...ports, demo: { server: sim.url, userId: 'agent1', password: 'agent1' } });
  try {
    assert.equal(await agent.resume(), true);
    await waitFor(() => fresh(agent), 'the demo session');
    const { session } = agent.snapshot();
    assert.equal(session.demo, true);
    assert.equal(session.userId, 'agent1');
    assert.equal(await ports.credentials.load(), null, 'the demo session is not stored');
    assert.equal(ports.settings.load().server ?? null, null, 'the demo server is not remembered');
  } finally {
    await agent.shutdown();
    await sim.close();
  }
});

test('a configured server wins over the demo: nothing is signed in without a password', async () => {
  const sim = await startQuietSimulator();
  const ports = createMemoryPorts({ server: 'https://cic.example.invalid', userId: 'agent1' });
  const agent = createAgent({ ...ports, demo: { server: sim.url, userId: 'agent1', password: 'agent1' } });
  try {
    assert.equal(await agent.resume(), false);
    assert.equal(agent.snapshot().session.state, 'signed-out');
    assert.equal(sim.admin.sessions().length, 0);
  } finally {
    await agent.shutdown();
    await sim.close();
  }
});

test('a station given at sign-in is connected to the session', async () => {
  const sim = await startQuietSimulator();
  const agent = createAgent(createMemoryPorts());
  try {
    const result = await agent.signIn({ server: sim.url, userId: 'agent1', password: 'agent1', station: '7001' });
    assert.equal(result.ok, true);
    assert.deepEqual(sim.admin.sessions().map((s) => s.station), ['7001']);
  } finally {
    await agent.shutdown();
    await sim.close();
  }
});
