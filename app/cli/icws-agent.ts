#!/usr/bin/env node
// icws-agent: the command line of the agent add-on, for support staff and scripts.
import { UsageError } from './args.ts';
import { EXIT, printReport } from './exit-codes.ts';
import type { CliIo } from './io.ts';
import { PRESS_USAGE, runPress } from './press.ts';
import { SIM_USAGE, runSim } from './sim.ts';
import { WATCH_USAGE, runWatch } from './watch.ts';

const USAGE = ['usage:', `  ${PRESS_USAGE}`, `  ${WATCH_USAGE}`, `  ${SIM_USAGE}`].join('\n');

const COMMANDS: Record<string, (argv: string[], io: CliIo) => Promise<number>> = {
  press: runPress,
  watch: runWatch,
  sim: runSim,
};

async function main(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  const run = command === undefined ? undefined : COMMANDS[command];
  if (!run) {
    io.err(command === undefined || command === '--help' ? USAGE : `unknown command "${command}"\n${USAGE}`);
    return command === '--help' ? EXIT.ok : EXIT.usage;
  }
  try {
    return await run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      // A script that asked for JSON gets JSON, even for a usage error.
      if (rest.includes('--json')) printReport(io, true, { ok: false, status: null, errorId: null, message: error.message });
      io.err(`${error.message}\n${USAGE}`);
      return EXIT.usage;
    }
    io.err(`icws-agent: ${(error as Error).message}`);
    return EXIT.serverError;
  }
}

const stopped = new Promise<void>((resolve) => {
  process.once('SIGINT', resolve);
  process.once('SIGTERM', resolve);
});
const code = await main(process.argv.slice(2), {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  env: process.env,
  stopped,
});
process.exit(code);
