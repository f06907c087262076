// icws-agent sim: run the ICWS simulator in the foreground.
import { startSimulator } from '../sim/server.ts';
import { defaultScenario, loadScenario } from '../sim/scenario.ts';
import { parseFlags, portNumber } from './args.ts';
import { EXIT } from './exit-codes.ts';
import type { CliIo } from './io.ts';

export const SIM_USAGE = 'icws-agent sim [--port N] [--host H] [--scenario FILE] [--backup]';

export async function runSim(argv: string[], io: CliIo): Promise<number> {
  const flags = parseFlags(argv, {
    port: { type: 'string' },
    host: { type: 'string' },
    scenario: { type: 'string' },
    backup: { type: 'boolean', default: false },
  });
  const scenario = flags.scenario ? await loadScenario(flags.scenario) : defaultScenario();
  const sim = await startSimulator({
    scenario,
    host: flags.host ?? '127.0.0.1',
    port: portNumber(flags.port, 8018),
    mode: flags.backup ? 'backup' : 'primary',
  });
  io.out(`ICWS simulator listening on ${sim.url}`);
  await io.stopped;
  await sim.close();
  return EXIT.ok;
}
