// Capped exponential backoff with jitter, so a fleet of agents does not reconnect in lock-step after an outage.
export interface BackoffOptions {
  baseMs?: number;
  capMs?: number;
  random?: () => number;
}

export function createBackoff(options: BackoffOptions = {}) {
  const base = options.baseMs ?? 1000;
  const cap = options.capMs ?? 30_000;
  const random = options.random ?? Math.random;
  let attempt = 0;
  return {
    /** The delay before the next attempt: between half and all of min(cap, base * 2^attempt). */
    next(): number {
      const ceiling = Math.min(cap, base * 2 ** attempt);
      attempt += 1;
      return Math.round(ceiling / 2 + random() * (ceiling / 2));
    },
    reset(): void {
      attempt = 0;
    },
    get attempts(): number {
      return attempt;
    },
  };
}
