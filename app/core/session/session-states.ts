// The session's states and the only moves between them. A sign-in may start, and a sign-out may end, from
// any state; everything else is listed here, so an impossible move is a bug that fails loudly in tests.
import type { SessionState } from '../../ipc/contract.ts';

const MOVES: Record<SessionState, readonly SessionState[]> = {
  'signed-out': [],
  // A failed re-login goes back to the expiry (or server sign-out) it was meant to end.
  'signing-in': ['up', 'reconnecting', 'signed-out', 'expired', 'signed-out-by-server'],
  up: ['reconnecting', 'expired', 'signed-out-by-server'],
  // Each failed attempt schedules the next one.
  reconnecting: ['reconnecting', 'up', 'expired', 'signed-out-by-server'],
  expired: [],
  'signed-out-by-server': [],
};

export function canMove(from: SessionState, to: SessionState): boolean {
  return to === 'signing-in' || to === 'signed-out' || MOVES[from].includes(to);
}
