import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { defaultScenario, loadScenario, parseScenario, ScenarioError, startSimulator } from './server.ts';
import { login, poll, start, subscribeQueue } from './test-support.ts';

describe('scenarios', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sim-scenario-'));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  test('the default scenario is valid and is a fresh copy each time', async () => {
    const a = defaultScenario();
    a.users.length = 0;
    const b = defaultScenario();
    assert.deepEqual(b.users.map((u) => u.userID), ['agent1', 'agent2']);
    assert.equal(b.features['client-buttons'], 3);
    const fromFile = await loadScenario(fileURLToPath(new URL('./scenarios/default.json', import.meta.url)));
    assert.deepEqual(fromFile, b);
  });

  test('loadScenario names the file and the exact problems', async () => {
    await assert.rejects(loadScenario(join(dir, 'missing.json')), (e: Error) => e instanceof ScenarioError && /cannot read file/.test(e.message));
    const badJson = join(dir, 'bad.json');
    await writeFile(badJson, '{"users": [');
    await assert.rejects(loadScenario(badJson), /bad\.json[\s\S]*not valid JSON/);

    const broken = defaultScenario() as unknown as Record<string, any>;
    broken['users'][0].password = 7;
    broken['users'][1].clientButtonRights = ['Nope'];
    broken['clientButtons'][1].configurationId.id = 'escalate';
    broken['clientButtons'][0].availability = 9;
    broken['interactions']['agent1'][0].attributes.Eic_Muted = 0;
    broken['interactions']['ghost'] = [];
    broken['timeline'][2] = { atMs: 1, remove: { interactionId: '404' } };
    broken['colour'] = 'blue';
    const file = join(dir, 'broken.json');
    await writeFile(file, JSON.stringify(broken));
    const error = await loadScenario(file).then(
      () => assert.fail('should not load'),
      (e: unknown) => e as ScenarioError,
    );
    assert.ok(error.message.startsWith(`Invalid scenario ${file}:`));
    const expected = [
      'scenario.colour: unknown field',
      'users[0].password: expected a string',
      'users[1].clientButtonRights[0]: no client button "Nope"',
      'clientButtons[1].configurationId.id: duplicate button ID "escalate"',
      'clientButtons[0].availability: expected an integer 0..2',
      'interactions.agent1[0].attributes.Eic_Muted: attribute values must be strings',
      'interactions.ghost: no user "ghost"',
      'timeline[2].remove.interactionId: no interaction "404"',
    ];
    for (const problem of expected) assert.ok(error.problems.some((p) => p.startsWith(problem)), `missing: ${problem}\n${error.message}`);
  });

  test('startSimulator validates a scenario passed in options', async () => {
    const scenario = defaultScenario();
    delete (scenario as Partial<typeof scenario>).users;
    await assert.rejects(startSimulator({ scenario, timeline: false }), /options\.scenario[\s\S]*users: expected a list/);
  });

  test('"{now-Ns}" attribute values become ISO times', async () => {
    const before = Date.now();
    const sim = await start();
    try {
      const [first] = sim.admin.interactions('agent1');
      const at = Date.parse(first!.attributes['Eic_InitiationTime']!);
      assert.ok(Math.abs(at - (before - 340_000)) < 5000);
    } finally {
      await sim.close();
    }
  });
});

describe('timeline', () => {
  test('events fire at their offsets on the simulator clock, producing queue deltas', async () => {
    let now = 5_000_000;
    const sim = await start({ timeline: true, clock: () => now });
    try {
      const s = await login(sim);
      await subscribeQueue(sim, s, 'q-live', ['Eic_State']);
      await poll(sim, s);
      assert.equal(sim.admin.tickTimeline(), 0);
      now += 30_000;
      assert.equal(sim.admin.tickTimeline(), 1);
      now += 200_000;
      assert.equal(sim.admin.tickTimeline(), 4);
      const messages = await poll(sim, s);
      assert.deepEqual(
        messages.map((m) => m['interactionsAdded']?.[0].interactionId ?? m['interactionsChanged']?.[0].interactionId ?? m['interactionsRemoved']?.[0]),
        ['1001000010', '1001000002', '1001000006', '1001000011', '1001000003'],
      );
    } finally {
      await sim.close();
    }
  });

  test('timeline:false leaves the scenario still', async () => {
    let now = 0;
    const sim = await start({ timeline: false, clock: () => now });
    try {
      now = 1_000_000;
      assert.equal(sim.admin.tickTimeline(), 0);
      assert.equal(sim.admin.interactions('agent1').length, 6);
    } finally {
      await sim.close();
    }
  });

  test('with the real clock the runner fires on its own', async () => {
    const scenario = parseScenario({
      ...defaultScenario(),
      timeline: [{ atMs: 50, change: { interactionId: '1001000002', attributes: { Eic_State: 'C' } } }],
    });
    const sim = await start({ scenario, timeline: true });
    try {
      await new Promise((r) => setTimeout(r, 400));
      assert.equal(sim.admin.interactions('agent1')[1]!.attributes['Eic_State'], 'C');
    } finally {
      await sim.close();
    }
  });
});
