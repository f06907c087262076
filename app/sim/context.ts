// What every route handler can reach: the simulator's state and the request it is answering.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FaultInjector, FaultRoute } from './faults.ts';
import type { ReplyLike } from './reply.ts';
import type { RouteSpec } from './router.ts';
import type { Scenario } from './scenario.ts';
import type { Session, SessionRegistry } from './session-registry.ts';
import type { World } from './world.ts';

export type SimMode = 'primary' | 'backup';

export interface SimState {
  readonly scenario: Scenario;
  readonly world: World;
  readonly sessions: SessionRegistry;
  readonly faults: FaultInjector;
  readonly clock: () => number;
  readonly ssePingIntervalMs: number;
  mode: SimMode;
  /** Bare host names; clients keep their scheme and port (PROTOCOL.md §1.3). */
  alternateHosts: string[];
}

export interface RequestContext {
  readonly sim: SimState;
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  readonly url: URL;
  readonly params: Record<string, string>;
  readonly body: Buffer;
}

interface RouteCommon extends RouteSpec {
  fault: FaultRoute;
  /** Below this feature version the resource answers 410 Gone. */
  feature?: { id: string; min: number };
}

/**
 * "session" routes need the cookie and the CSRF header; "cookie" routes (GET messaging/messages)
 * only the cookie, because an EventSource cannot send headers (PROTOCOL.md §0).
 */
export type IcwsRoute =
  | (RouteCommon & { auth: 'none'; handle(ctx: RequestContext): ReplyLike })
  | (RouteCommon & { auth: 'session' | 'cookie'; handle(ctx: RequestContext, session: Session): ReplyLike });

export function featureVersion(scenario: Scenario, featureId: string): number {
  const wanted = featureId.toLowerCase();
  for (const [id, version] of Object.entries(scenario.features)) {
    if (id.toLowerCase() === wanted) return version;
  }
  return 0;
}
