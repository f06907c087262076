// icws-agent watch: run the live session and print what the agent would see, for support staff and scripts.
import type { SessionState } from '../ipc/contract.ts';
import { createAgent } from '../core/agent/agent.ts';
import { createMemoryPorts } from '../core/agent/memory-ports.ts';
import { parseFlags, passwordFromEnv, required, UsageError } from './args.ts';
import { EXIT, exitCodeFor, failureReport, printReport } from './exit-codes.ts';
import type { CliIo } from './io.ts';

export const WATCH_USAGE = 'icws-agent watch --server URL --user ID --password-env VAR [--json] [--for SECONDS] [--language TAG]';

/** The four states scripts see; signing-in is not a state change worth a line. */
const REPORTED: Partial<Record<SessionState, string>> = {
  up: 'up',
  expired: 'expired',
  reconnecting: 'reconnecting',
  'signed-out': 'signed-out',
  'signed-out-by-server': 'signed-out',
};

export async function runWatch(argv: string[], io: CliIo): Promise<number> {
  const flags = parseFlags(argv, {
    server: { type: 'string' },
    user: { type: 'string' },
    'password-env': { type: 'string' },
    json: { type: 'boolean', default: false },
    for: { type: 'string' },
    language: { type: 'string' },
  });
  const server = required(flags.server, '--server');
  const userId = required(flags.user, '--user');
  const password = passwordFromEnv(flags['password-env'], io.env);
  const seconds = flags.for === undefined ? null : Number(flags.for);
  if (seconds !== null && !(Number.isFinite(seconds) && seconds > 0)) throw new UsageError('--for takes a number of seconds.');
  const json = flags.json;

  const agent = createAgent(createMemoryPorts());
  let lastState = '';
  let lastButtons = '';
  let done = false;
  let resolveFinished: (code: number) => void = () => {};
  const finished = new Promise<number>((resolve) => (resolveFinished = resolve));
  const finish = (code: number) => {
    done = true;
    resolveFinished(code);
  };
  // Once the outcome is known nothing more is printed: sign-out's own changes are not what the agent saw.
  const print = (line: string) => done || io.out(line);

  agent.on('session:changed', (session) => {
    const state = REPORTED[session.state];
    if (!state || state === lastState) return;
    lastState = state;
    print(json ? JSON.stringify({ event: 'session', state }) : `session ${state}${session.reason ? `: ${session.reason}` : ''}`);
    // An expired or ended session cannot be resumed without asking the person for the password again.
    if (state === 'expired' || session.state === 'signed-out-by-server') finish(EXIT.authentication);
  });
  agent.on('interactions:changed', (views) => {
    // Until the first snapshot arrives the list is not the agent's yet: nothing to print.
    if (agent.snapshot().session.stale) return;
    const buttonsOf = new Map(views.map((view) => [view.id, view.buttons]));
    const interactions = agent
      .rawInteractions()
      .map(({ id, attributes }) => ({ id, attributes, buttons: buttonsOf.get(id) ?? [] }))
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    if (json) print(JSON.stringify({ event: 'interactions', interactions }));
    else print(`${interactions.length} interaction(s): ${interactions.map((i) => `${i.id} [${i.buttons.join(', ')}]`).join('; ')}`);
  });
  agent.on('buttons:changed', (buttons) => {
    const key = JSON.stringify([buttons.all.map((button) => button.id), buttons.none]);
    if (key === lastButtons) return;
    lastButtons = key;
    print(json ? JSON.stringify({ event: 'buttons', none: buttons.none }) : `buttons with nothing selected: ${buttons.none.join(', ') || 'none'}`);
  });

  const result = await agent.signIn({ server, userId, password, ...(flags.language ? { language: flags.language } : {}) });
  if (!result.ok) {
    printReport(io, json, failureReport(result.error));
    return exitCodeFor(result.error, 'login');
  }

  const timer = seconds === null ? undefined : setTimeout(() => finish(EXIT.ok), seconds * 1000);
  void io.stopped.then(() => finish(EXIT.ok));
  const code = await finished;
  clearTimeout(timer);
  await agent.shutdown();
  return code;
}
