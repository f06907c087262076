// Argument parsing shared by the subcommands: strict flags, clear usage errors, passwords only via env.
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export function parseFlags<T extends ParseArgsOptionsConfig>(argv: string[], options: T) {
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

export function required(value: string | undefined, flag: string): string {
  if (value === undefined || value.trim() === '') throw new UsageError(`${flag} is required.`);
  return value;
}

/** The password is read from the environment variable named on the command line, never from argv. */
export function passwordFromEnv(variable: string | undefined, env: NodeJS.ProcessEnv): string {
  const name = required(variable, '--password-env');
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new UsageError('--password-env takes the name of an environment variable.');
  const password = env[name];
  if (password === undefined || password === '') throw new UsageError(`The environment variable ${name} is not set.`);
  return password;
}

export function portNumber(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('--port takes a number from 0 to 65535.');
  return port;
}
