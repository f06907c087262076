// The built icws-agent command, run as a child process against the simulator.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startSimulator, type Simulator } from '../sim/server.ts';
import { quietScenario } from '../core/agent/testing/agent-harness.ts';

const BIN = fileURLToPath(new URL('../../dist/app/cli/icws-agent.js', import.meta.url));
const PASSWORD = 'Pa55-w0rd-never-printed';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(args: string[], options: { env?: Record<string, string>; onLine?: (line: string) => void } = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { PATH: process.env['PATH'] ?? '', AGENT_PASSWORD: PASSWORD, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      const text = chunk.toString();
      stdout += text;
      if (options.onLine) for (const line of text.split('\n').filter(Boolean)) options.onLine(line);
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const scenario = quietScenario((s) => ({
  ...s,
  users: s.users.map((user) => (user.userID === 'agent1' ? { ...user, password: PASSWORD } : user)),
}));

describe('icws-agent press', { skip: existsSync(BIN) ? false : 'dist is not built: run npm run build first' }, () => {
  let sim: Simulator;
  let gone: Simulator;
  before(async () => {
    sim = await startSimulator({ scenario });
    gone = await startSimulator({ scenario: { ...scenario, features: { ...scenario.features, 'client-buttons': 2 } } });
  });
  after(() => Promise.all([sim.close(), gone.close()]));

  const press = (extra: string[], server = sim.url) =>
    run(['press', '--server', server, '--user', 'agent1', '--password-env', 'AGENT_PASSWORD', '--json', ...extra]);

  function onlyJson(result: Run) {
    const lines = result.stdout.trim().split('\n');
    assert.equal(lines.length, 1, `exactly one line on stdout, got: ${result.stdout}`);
    const report = JSON.parse(lines[0]!);
    assert.deepEqual(Object.keys(report).sort(), ['errorId', 'message', 'ok', 'status']);
    assert.ok(!result.stdout.includes(PASSWORD) && !result.stderr.includes(PASSWORD), 'the password is never printed');
    return report;
  }

  test('success: exit 0, status 204, recorded by the server, signed out afterwards', async () => {
    sim.admin.clearActions();
    const result = await press(['--button', 'Escalate', '--interaction', '1001000001']);
    assert.equal(result.code, 0);
    assert.deepEqual({ ...onlyJson(result), message: 'm' }, { ok: true, status: 204, errorId: null, message: 'm' });
    assert.deepEqual(sim.admin.actions().map((a) => a.interactionId), ['1001000001']);
    assert.equal(sim.admin.sessions().filter((s) => s.alive).length, 0, 'the CLI signed out');
  });

  test('each outcome has its exit code', async () => {
    const cases: [string, string[], number, number | null, string?][] = [
      ['forbidden', ['--button', 'ForceRecord', '--interaction', '1001000001'], 3, 403],
      ['bad request', ['--button', 'Escalate', '--interaction', 'nope'], 5, 400],
      ['empty button', ['--button', ' '], 2, null],
      ['empty interaction', ['--button', 'Escalate', '--interaction', ''], 2, null],
    ];
    const sessionsBefore = sim.admin.sessions().length;
    for (const [name, args, code, status] of cases) {
      const result = await press(args);
      assert.equal(result.code, code, name);
      const report = onlyJson(result);
      assert.equal(report.ok, false, name);
      assert.equal(report.status, status, name);
    }
    assert.equal(sim.admin.sessions().length, sessionsBefore + 2, 'the two invalid presses never signed in');
    const unsupported = await press(['--button', 'Escalate'], gone.url);
    assert.equal(unsupported.code, 6);
    assert.equal(onlyJson(unsupported).status, null, 'refused locally: nothing sent');

    for (const [status, code] of [[410, 6], [500, 7], [401, 4]] as const) {
      sim.admin.addFault({ route: 'handler-action', kind: 'status', status, count: 1 });
      const result = await press(['--button', 'Escalate']);
      assert.equal(result.code, code, `HTTP ${status}`);
      assert.equal(onlyJson(result).status, status);
    }
  });

  test('bad credentials exit 4 with the server errorId; an unreachable server exits 8', async () => {
    const badPassword = await run(
      ['press', '--server', sim.url, '--user', 'agent1', '--password-env', 'OTHER', '--button', 'Escalate', '--json'],
      { env: { OTHER: 'wrong' } },
    );
    assert.equal(badPassword.code, 4);
    assert.equal(onlyJson(badPassword).errorId, 'error.request.connection.authenticationFailure');
    const closed = await startSimulator({ scenario });
    const url = closed.url;
    await closed.close();
    const network = await press(['--button', 'Escalate'], url);
    assert.equal(network.code, 8);
    assert.equal(onlyJson(network).status, null);
  });

  test('usage errors exit 2 and say what is wrong; the password is only read from the environment', async () => {
    const missing = await run(['press', '--server', sim.url, '--user', 'agent1', '--password-env', 'AGENT_PASSWORD']);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /--button is required/);
    const noEnv = await run(['press', '--server', sim.url, '--user', 'agent1', '--password-env', 'UNSET_VAR', '--button', 'X', '--json']);
    assert.equal(noEnv.code, 2);
    assert.match(onlyJson(noEnv).message, /UNSET_VAR is not set/);
    const flag = await run(['press', '--password', PASSWORD]);
    assert.equal(flag.code, 2, 'there is no --password flag');
    const human = await run(['press', '--server', sim.url, '--user', 'agent1', '--password-env', 'AGENT_PASSWORD', '--button', 'RequestBreak']);
    assert.equal(human.code, 0);
    assert.equal(human.stdout.trim().split('\n').length, 1);
    assert.match(human.stdout, /^Ran the handler action of button RequestBreak\.$/m);
  });
});

describe('icws-agent watch', { skip: existsSync(BIN) ? false : 'dist is not built: run npm run build first' }, () => {
  test('prints session, buttons and the whole sorted list after each message; exits 4 when the session expires', async () => {
    const sim = await startSimulator({ scenario });
    try {
      const events: Record<string, unknown>[] = [];
      let changed = false;
      const result = await run(['watch', '--server', sim.url, '--user', 'agent1', '--password-env', 'AGENT_PASSWORD', '--json', '--for', '20'], {
        onLine(line) {
          const event = JSON.parse(line) as Record<string, unknown>;
          events.push(event);
          if (event['event'] === 'interactions' && !changed) {
            changed = true;
            sim.admin.changeInteraction('1001000002', { Eic_State: 'C' });
            setTimeout(() => sim.admin.expireSessions(), 300);
          }
        },
      });
      assert.equal(result.code, 4, result.stderr);
      assert.deepEqual(events[0], { event: 'session', state: 'up' });
      assert.deepEqual(events.find((e) => e['event'] === 'buttons'), { event: 'buttons', none: ['RequestBreak'] });
      const lists = events.filter((e) => e['event'] === 'interactions') as { interactions: { id: string; attributes: Record<string, string>; buttons: string[] }[] }[];
      assert.ok(lists.length >= 2, 'the snapshot, then the delta');
      const first = lists[0]!.interactions;
      assert.deepEqual(first.map((i) => i.id), [...first.map((i) => i.id)].sort());
      assert.deepEqual(first.find((i) => i.id === '1001000001')!.buttons, ['Escalate', 'WrapUp', 'CrmLookup', 'ForceRecord']);
      assert.equal(lists.at(-1)!.interactions.find((i) => i.id === '1001000002')!.attributes['Eic_State'], 'C');
      assert.deepEqual(events.at(-1), { event: 'session', state: 'expired' });
    } finally {
      await sim.close();
    }
  });

  test('--for stops it with exit 0 and signs out', async () => {
    const sim = await startSimulator({ scenario });
    try {
      const result = await run(['watch', '--server', sim.url, '--user', 'agent1', '--password-env', 'AGENT_PASSWORD', '--json', '--for', '0.5']);
      assert.equal(result.code, 0, result.stderr);
      assert.equal(sim.admin.sessions().filter((s) => s.alive).length, 0);
    } finally {
      await sim.close();
    }
  });
});
