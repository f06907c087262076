// Exit codes of icws-agent, one per kind of outcome a script may want to branch on.
import { isIcwsError } from '../core/icws/errors.ts';
import type { UiError } from '../ipc/contract.ts';

export const EXIT = {
  ok: 0,
  usage: 2,
  forbidden: 3,
  authentication: 4,
  badRequest: 5,
  unsupported: 6,
  serverError: 7,
  network: 8,
} as const;

/** The outcome of a command as printed: one JSON object with --json, else one sentence. */
export interface CliReport {
  ok: boolean;
  status: number | null;
  errorId: string | null;
  message: string;
}

/** Works on an IcwsError and on the UiError the agent hands out. */
function failureShape(error: unknown): { kind: string; status: number | null } | null {
  if (isIcwsError(error)) return error;
  const candidate = error as Partial<UiError> | null;
  return candidate && typeof candidate.kind === 'string' ? { kind: candidate.kind, status: candidate.status ?? null } : null;
}

export function failureReport(error: unknown): CliReport {
  const known = isIcwsError(error) || failureShape(error) !== null;
  const { status = null, errorId = null, message = 'Unexpected failure.' } = known ? (error as Partial<CliReport>) : {};
  return { ok: false, status, errorId, message };
}

/** `phase` tells a 400 on login (bad credentials) from a 400 on the action (bad request). */
export function exitCodeFor(error: unknown, phase: 'login' | 'action'): number {
  const shape = failureShape(error);
  if (!shape) return EXIT.serverError;
  const { kind, status } = shape;
  if (kind === 'validation') return EXIT.usage;
  if (kind === 'unsupported') return EXIT.unsupported;
  if (kind === 'network') return EXIT.network;
  if (kind === 'expired' || status === 401) return EXIT.authentication;
  if (status === 403) return EXIT.forbidden;
  if (status === 410) return EXIT.unsupported;
  if (status !== null && status >= 500) return EXIT.serverError;
  if (kind === 'malformed') return EXIT.serverError;
  return phase === 'login' ? EXIT.authentication : EXIT.badRequest;
}

export function printReport(io: { out(line: string): void }, json: boolean, report: CliReport): void {
  io.out(json ? JSON.stringify(report) : report.message);
}
