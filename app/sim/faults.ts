// Injected failures for tests and demos. A fault matches one route key (or "*"), fires `count` times
// (until cleared when absent), and acts before the handler runs or, with phase "after", once it has
// run: the server did the work but the client never hears so (the non-idempotent case).

export const FAULT_ROUTES = [
  'connection', // POST /icws/connection (login)
  'session', // GET and DELETE /icws/{sessionId}/connection
  'features',
  'version',
  'messages',
  'heartbeat',
  'queue-subscription',
  'client-buttons', // list, get one and the configuration subscription
  'handler-action',
  '*',
] as const;

export type FaultRoute = (typeof FAULT_ROUTES)[number];
export type FaultPhase = 'before' | 'after';

export type FaultSpec =
  | { route: FaultRoute; kind: 'status'; status: number; count?: number; phase?: FaultPhase; errorId?: string; message?: string }
  | { route: FaultRoute; kind: 'drop'; count?: number; phase?: FaultPhase }
  | { route: FaultRoute; kind: 'delay'; ms: number; count?: number };

export type ActiveFault = FaultSpec & { remaining: number };

export type FaultAction =
  | { kind: 'status'; status: number; errorId?: string; message?: string }
  | { kind: 'drop' };

export class FaultInjector {
  private faults: ActiveFault[] = [];

  add(spec: FaultSpec): void {
    this.faults.push({ ...spec, remaining: spec.count ?? Number.POSITIVE_INFINITY });
  }

  clear(): void {
    this.faults = [];
  }

  list(): ActiveFault[] {
    return this.faults.map((f) => ({ ...f }));
  }

  /** Sum of the delays due before this request is handled; each consumes one use. */
  takeDelay(route: FaultRoute): number {
    let ms = 0;
    for (const fault of this.matching(route)) {
      if (fault.kind !== 'delay') continue;
      ms += fault.ms;
      this.consume(fault);
    }
    return ms;
  }

  /** The first status or drop fault for this route and phase, consumed. */
  take(route: FaultRoute, phase: FaultPhase): FaultAction | null {
    for (const fault of this.matching(route)) {
      if (fault.kind === 'delay' || (fault.phase ?? 'before') !== phase) continue;
      this.consume(fault);
      if (fault.kind === 'drop') return { kind: 'drop' };
      const action: FaultAction = { kind: 'status', status: fault.status };
      if (fault.errorId !== undefined) action.errorId = fault.errorId;
      if (fault.message !== undefined) action.message = fault.message;
      return action;
    }
    return null;
  }

  private matching(route: FaultRoute): ActiveFault[] {
    return this.faults.filter((f) => f.route === '*' || f.route === route);
  }

  private consume(fault: ActiveFault): void {
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.faults = this.faults.filter((f) => f !== fault);
  }
}

/** Validates an admin request body; throws a message fit for a 400. */
export function parseFaultSpec(body: unknown): FaultSpec {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new Error('expected a fault object');
  const b = body as Record<string, unknown>;
  const route = (b['route'] ?? '*') as FaultRoute;
  if (!FAULT_ROUTES.includes(route)) throw new Error(`route must be one of ${FAULT_ROUTES.join(', ')}`);
  const count = b['count'];
  if (count !== undefined && (!Number.isInteger(count) || (count as number) < 1)) throw new Error('count must be an integer >= 1');
  const phase = b['phase'];
  if (phase !== undefined && phase !== 'before' && phase !== 'after') throw new Error('phase must be "before" or "after"');
  const common = { route, ...(count !== undefined ? { count: count as number } : {}) };
  const withPhase = { ...common, ...(phase !== undefined ? { phase: phase as FaultPhase } : {}) };
  switch (b['kind']) {
    case 'status': {
      const status = b['status'];
      if (!Number.isInteger(status) || (status as number) < 100 || (status as number) > 599) throw new Error('status must be an HTTP status code');
      const spec: FaultSpec = { ...withPhase, kind: 'status', status: status as number };
      if (typeof b['errorId'] === 'string') spec.errorId = b['errorId'];
      if (typeof b['message'] === 'string') spec.message = b['message'];
      return spec;
    }
    case 'drop':
      return { ...withPhase, kind: 'drop' };
    case 'delay': {
      const ms = b['ms'];
      if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) throw new Error('ms must be a number >= 0');
      return { ...common, kind: 'delay', ms };
    }
    default:
      throw new Error('kind must be "status", "drop" or "delay"');
  }
}
