// icws-agent press: sign in, run one client button's handler action, sign out.
import { createIcwsClient, handlerRequestBody, type IcwsSession } from '../core/icws/client.ts';
import { normaliseServerUrl } from '../core/icws/server-url.ts';
import { parseFlags, passwordFromEnv, required } from './args.ts';
import { EXIT, exitCodeFor, failureReport, printReport } from './exit-codes.ts';
import type { CliIo } from './io.ts';

export const PRESS_USAGE =
  'icws-agent press --server URL --user ID --password-env VAR --button ID [--interaction ID] [--app-name NAME] [--language TAG] [--json]';

export async function runPress(argv: string[], io: CliIo): Promise<number> {
  const flags = parseFlags(argv, {
    server: { type: 'string' },
    user: { type: 'string' },
    'password-env': { type: 'string' },
    button: { type: 'string' },
    interaction: { type: 'string' },
    'app-name': { type: 'string' },
    language: { type: 'string' },
    json: { type: 'boolean', default: false },
  });
  const server = required(flags.server, '--server');
  const userId = required(flags.user, '--user');
  const password = passwordFromEnv(flags['password-env'], io.env);
  const buttonId = required(flags.button, '--button');
  const interactionId = flags.interaction;

  const fail = (error: unknown, phase: 'login' | 'action') => {
    printReport(io, flags.json, failureReport(error));
    return exitCodeFor(error, phase);
  };

  // Everything that can be checked here is checked before the password leaves this machine.
  try {
    normaliseServerUrl(server);
    handlerRequestBody({ buttonId, interactionId });
  } catch (error) {
    return fail(error, 'action');
  }

  const client = createIcwsClient();
  let session: IcwsSession;
  try {
    session = await client.login({
      server,
      userId,
      password,
      applicationName: flags['app-name'] ?? 'icws-agent CLI',
      language: flags.language ?? 'en-US',
    });
  } catch (error) {
    return fail(error, 'login');
  }
  try {
    const status = await client.handlerAction(session, { buttonId, interactionId });
    const target = interactionId === undefined ? '' : ` on interaction ${interactionId}`;
    printReport(io, flags.json, { ok: true, status, errorId: null, message: `Ran the handler action of button ${buttonId}${target}.` });
    return EXIT.ok;
  } catch (error) {
    return fail(error, 'action');
  } finally {
    // Sign-out is courtesy: its failure does not change the outcome of the press.
    await client.logout(session).catch(() => undefined);
  }
}
