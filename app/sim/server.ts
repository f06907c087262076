// The ICWS simulator: a real node:http server speaking the PROTOCOL.md subset, for demo mode and for
// tests that exercise the client over real sockets.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { createAdmin, type ListenerControl, type SimAdmin } from './admin.ts';
import { featureVersion, type IcwsRoute, type RequestContext, type SimMode, type SimState } from './context.ts';
import { FaultInjector, type FaultAction } from './faults.ts';
import { ADMIN_RESPONSE_TYPE, ICWS_RESPONSE_TYPE, readBody, writeReply } from './http-io.ts';
import { ErrorCode, gone, icwsError, notFound, serverError, unauthorized } from './icws-errors.ts';
import { ICON_PATH, serveIcon } from './icons.ts';
import { icwsRoutes } from './icws-routes.ts';
import { empty, json, type Reply } from './reply.ts';
import { Router } from './router.ts';
import { AdminBadRequest, adminRoutes, parseAdminBody } from './routes-admin.ts';
import { defaultScenario, parseScenario, type Scenario } from './scenario.ts';
import { authenticate } from './session-auth.ts';
import { SessionRegistry } from './session-registry.ts';
import { publishWorldChanges } from './subscriptions.ts';
import { TimelineRunner } from './timeline.ts';
import { World, WorldError } from './world.ts';

export type { SimAdmin } from './admin.ts';
export type { Scenario } from './scenario.ts';
export { defaultScenario, loadScenario, parseScenario, ScenarioError } from './scenario.ts';

export interface SimulatorOptions {
  /** Default: the shipped default scenario. Validated; the simulator works on its own copy. */
  scenario?: Scenario;
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 0 (any free port). */
  port?: number;
  /** backup: POST /icws/connection answers 503 with alternateHostList. */
  mode?: SimMode;
  /** Bare host names ("127.0.0.2"), sent in the 201 and 503 alternateHostList. */
  alternateHosts?: string[];
  /** Sessions with no request (and no SSE ping) for this long answer 401. Default 30 min. */
  sessionIdleTtlMs?: number;
  clock?: () => number;
  /** Run the scenario's timeline. Default true; tests usually turn it off. */
  timeline?: boolean;
  /** Interval of SSE `:ping` comments. Default 15 s. */
  ssePingIntervalMs?: number;
}

export interface Simulator {
  /** e.g. http://127.0.0.1:41234 */
  url: string;
  host: string;
  port: number;
  admin: SimAdmin;
  /** Closes the server and every open socket, SSE streams included. */
  close(): Promise<void>;
}

const DEFAULT_IDLE_TTL_MS = 30 * 60 * 1000;
const DEFAULT_PING_MS = 15_000;

const icwsRouter = new Router(icwsRoutes);
const adminRouter = new Router(adminRoutes);

export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const clock = options.clock ?? Date.now;
  const scenario = options.scenario ? parseScenario(options.scenario, 'options.scenario') : defaultScenario();
  const world = new World(scenario, clock);
  const sim: SimState = {
    scenario,
    world,
    sessions: new SessionRegistry(clock, options.sessionIdleTtlMs ?? DEFAULT_IDLE_TTL_MS),
    faults: new FaultInjector(),
    clock,
    ssePingIntervalMs: options.ssePingIntervalMs ?? DEFAULT_PING_MS,
    mode: options.mode ?? 'primary',
    alternateHosts: [...(options.alternateHosts ?? [])],
  };
  const unpublish = publishWorldChanges(world, sim.sessions);
  const timeline = new TimelineRunner(options.timeline === false ? [] : (scenario.timeline ?? []), world, clock);

  const server = createServer((req, res) => void handle(sim, admin, req, res));
  const host = options.host ?? '127.0.0.1';
  let port = options.port ?? 0;
  let listening = false;

  const listener: ListenerControl = {
    isListening: () => listening,
    async stop() {
      if (!listening) return;
      listening = false;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
    async resume() {
      if (listening) return;
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          resolve();
        });
      });
      listening = true;
      port = (server.address() as AddressInfo).port;
    },
    dropConnections: () => server.closeAllConnections(),
  };
  const admin = createAdmin(sim, listener, timeline);

  await listener.resume();
  timeline.start();

  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${port}`,
    host,
    port,
    admin,
    async close() {
      timeline.stop();
      admin.dispose();
      unpublish();
      for (const session of sim.sessions.alive()) session.stream?.cut(false, null);
      await listener.stop();
    },
  };
}

async function handle(sim: SimState, admin: SimAdmin, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://simulator');
  const isAdmin = url.pathname === '/_sim' || url.pathname.startsWith('/_sim/');
  try {
    const body = await readBody(req);
    if (isAdmin) writeReply(res, await handleAdmin(admin, req, res, url, body), ADMIN_RESPONSE_TYPE);
    else if (req.method === 'GET' && ICON_PATH.test(url.pathname)) serveIcon(res);
    else await handleIcws(sim, req, res, url, body);
  } catch (error) {
    const message = `Unexpected simulator failure: ${(error as Error).message}`;
    writeReply(res, isAdmin ? json(500, { message }) : serverError(500, message), isAdmin ? ADMIN_RESPONSE_TYPE : ICWS_RESPONSE_TYPE);
  }
}

async function handleIcws(sim: SimState, req: IncomingMessage, res: ServerResponse, url: URL, body: Buffer): Promise<void> {
  const method = req.method ?? 'GET';
  const match = icwsRouter.match(method, url.pathname);
  if (match.kind === 'not-found') {
    writeReply(res, notFound(`No ICWS resource at ${method} ${url.pathname}.`), ICWS_RESPONSE_TYPE);
    return;
  }
  if (match.kind === 'method-not-allowed') {
    const body405 = { errorId: 'error.request.accessDenied.httpMethodNotAllowed', message: `${method} is not allowed on ${url.pathname}.` };
    writeReply(res, json(405, body405, { Allow: match.allow.join(', ') }), ICWS_RESPONSE_TYPE);
    return;
  }
  const { route, params } = match;

  const delayMs = sim.faults.takeDelay(route.fault);
  if (delayMs > 0) await sleep(delayMs);
  const before = sim.faults.take(route.fault, 'before');
  if (before) {
    applyFault(sim, res, before);
    return;
  }

  const reply = await runRoute(route, { sim, req, res, url, params, body });
  // "after" faults model a request that did its work but whose answer never made it back.
  if (reply.kind !== 'taken' && reply.status >= 200 && reply.status < 300) {
    const after = sim.faults.take(route.fault, 'after');
    if (after) {
      applyFault(sim, res, after);
      return;
    }
  }
  writeReply(res, reply, ICWS_RESPONSE_TYPE);
}

async function runRoute(route: IcwsRoute, ctx: RequestContext): Promise<Reply> {
  if (route.auth === 'none') return route.handle(ctx);
  const auth = authenticate(ctx.sim.sessions, ctx.req, ctx.params['sessionId']!, route.auth === 'session');
  if (!auth.ok) return auth.reply;
  if (route.feature && featureVersion(ctx.sim.scenario, route.feature.id) < route.feature.min) {
    return gone(`This resource needs feature ${route.feature.id} version ${route.feature.min}.`);
  }
  return route.handle(ctx, auth.session);
}

function applyFault(sim: SimState, res: ServerResponse, fault: FaultAction): void {
  if (fault.kind === 'drop') {
    res.destroy();
    return;
  }
  const message = fault.message ?? `Simulated failure (HTTP ${fault.status}).`;
  let reply: Reply;
  if (fault.status < 300) reply = empty(fault.status);
  else if (fault.status === 401) reply = unauthorized(ErrorCode.invalidSession, message);
  else if (fault.status === 503) {
    reply = json(503, { errorId: fault.errorId ?? 'error.server.unavailable', message, alternateHostList: sim.alternateHosts });
  } else {
    reply = icwsError(fault.status, {
      ...(fault.errorId !== undefined ? { errorId: fault.errorId } : {}),
      message,
      ...(fault.status === 500 ? { errorCode: ErrorCode.generic } : {}),
    });
  }
  writeReply(res, reply, ICWS_RESPONSE_TYPE);
}

async function handleAdmin(admin: SimAdmin, req: IncomingMessage, res: ServerResponse, url: URL, raw: Buffer): Promise<Reply> {
  const method = req.method ?? 'GET';
  const match = adminRouter.match(method, url.pathname);
  if (match.kind === 'not-found') return json(404, { message: `No admin endpoint ${method} ${url.pathname}` });
  if (match.kind === 'method-not-allowed') {
    return json(405, { message: `${method} is not allowed on ${url.pathname}` }, { Allow: match.allow.join(', ') });
  }
  try {
    return await match.route.handle({ admin, url, params: match.params, body: parseAdminBody(raw), res });
  } catch (error) {
    if (error instanceof AdminBadRequest) return json(400, { message: error.message });
    if (error instanceof WorldError) return json(error.status, { message: error.message });
    throw error;
  }
}
