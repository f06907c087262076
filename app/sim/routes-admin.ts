// The admin API over HTTP, under /_sim/ so it can never collide with /icws. Plain JSON in and out;
// errors are {message}. Each route is a thin call into SimAdmin.
import type { ServerResponse } from 'node:http';
import type { Attributes, ClientButton } from '../core/icws/wire-types.ts';
import type { SimAdmin } from './admin.ts';
import { isPlainObject } from './http-io.ts';
import { parseFaultSpec } from './faults.ts';
import { empty, json, type Reply } from './reply.ts';
import type { RouteSpec } from './router.ts';
import { checkAttributes, checkButtonEffect, checkClientButton, checkInteraction, type ButtonEffect, type ScenarioInteraction } from './scenario.ts';

export interface AdminContext {
  admin: SimAdmin;
  url: URL;
  params: Record<string, string>;
  body: Record<string, unknown>;
  res: ServerResponse;
}

export interface AdminRoute extends RouteSpec {
  handle(ctx: AdminContext): Reply | Promise<Reply>;
}

/** Thrown by handlers for a 400 with a message. */
export class AdminBadRequest extends Error {}

function assertValid(problems: string[]): void {
  if (problems.length > 0) throw new AdminBadRequest(problems.join('; '));
}

function optionalString(body: Record<string, unknown>, name: string): string | undefined {
  const value = body[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new AdminBadRequest(`${name} must be a string`);
  return value;
}

function stringList(value: unknown, name: string): string[] {
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) throw new AdminBadRequest(`${name} must be a list of strings`);
  return value as string[];
}

/** After the response is on the wire, so the caller hears back before its socket goes away. */
function afterResponse(res: ServerResponse, action: () => void | Promise<void>): void {
  res.once('finish', () => void action());
}

export const adminRoutes: AdminRoute[] = [
  { method: 'GET', path: '/_sim/actions', handle: ({ admin }) => json(200, { actions: admin.actions() }) },
  {
    method: 'DELETE',
    path: '/_sim/actions',
    handle: ({ admin }) => {
      admin.clearActions();
      return empty(204);
    },
  },

  { method: 'GET', path: '/_sim/sessions', handle: ({ admin }) => json(200, { sessions: admin.sessions() }) },
  {
    method: 'POST',
    path: '/_sim/sessions/expire',
    handle: ({ admin, body }) => json(200, { expired: admin.expireSessions(optionalString(body, 'sessionId')) }),
  },

  { method: 'GET', path: '/_sim/faults', handle: ({ admin }) => json(200, { faults: admin.faults() }) },
  {
    method: 'POST',
    path: '/_sim/faults',
    handle: ({ admin, body }) => {
      let spec;
      try {
        spec = parseFaultSpec(body);
      } catch (error) {
        throw new AdminBadRequest((error as Error).message);
      }
      admin.addFault(spec);
      return json(201, { faults: admin.faults() });
    },
  },
  {
    method: 'DELETE',
    path: '/_sim/faults',
    handle: ({ admin }) => {
      admin.clearFaults();
      return empty(204);
    },
  },

  {
    method: 'GET',
    path: '/_sim/interactions',
    handle: ({ admin, url }) => json(200, { interactions: admin.interactions(url.searchParams.get('userId') ?? undefined) }),
  },
  {
    method: 'POST',
    path: '/_sim/interactions',
    handle: ({ admin, body }) => {
      const userId = optionalString(body, 'userId');
      if (userId === undefined) throw new AdminBadRequest('userId is required');
      assertValid(checkInteraction(body['interaction']));
      return json(201, { interaction: admin.addInteraction(userId, body['interaction'] as ScenarioInteraction) });
    },
  },
  {
    method: 'PATCH',
    path: '/_sim/interactions/:interactionId',
    handle: ({ admin, body, params }) => {
      assertValid(checkAttributes(body['attributes']));
      return json(200, { interaction: admin.changeInteraction(params['interactionId']!, body['attributes'] as Attributes) });
    },
  },
  {
    method: 'DELETE',
    path: '/_sim/interactions/:interactionId',
    handle: ({ admin, params }) => {
      admin.removeInteraction(params['interactionId']!);
      return empty(204);
    },
  },

  { method: 'GET', path: '/_sim/buttons', handle: ({ admin }) => json(200, { buttons: admin.buttons() }) },
  {
    method: 'POST',
    path: '/_sim/buttons',
    handle: ({ admin, body }) => {
      // Either a bare clientButton or {button, effect?}.
      const wrapped = body['configurationId'] === undefined;
      const button = wrapped ? body['button'] : body;
      assertValid(checkClientButton(button));
      let effect: ButtonEffect | undefined;
      if (wrapped && body['effect'] !== undefined) {
        assertValid(checkButtonEffect(body['effect']));
        effect = body['effect'] as ButtonEffect;
      }
      const result = admin.putButton(button as ClientButton, effect);
      return json(result === 'added' ? 201 : 200, { result });
    },
  },
  {
    method: 'DELETE',
    path: '/_sim/buttons/:buttonId',
    handle: ({ admin, params }) => {
      admin.removeButton(params['buttonId']!);
      return empty(204);
    },
  },

  {
    method: 'POST',
    path: '/_sim/connection-state',
    handle: ({ admin, body }) => {
      const state = body['newConnectionState'];
      if (!Number.isInteger(state)) throw new AdminBadRequest('newConnectionState must be an integer (0 none, 1 up, 2 down)');
      const reason = optionalString(body, 'reason') ?? '';
      const shouldReconnect = body['shouldReconnect'];
      if (shouldReconnect !== undefined && typeof shouldReconnect !== 'boolean') throw new AdminBadRequest('shouldReconnect must be a boolean');
      const sessionId = optionalString(body, 'sessionId');
      const sessions = admin.pushConnectionState({
        newConnectionState: state as number,
        reason,
        ...(sessionId !== undefined ? { sessionId } : {}),
        ...(shouldReconnect !== undefined ? { shouldReconnect } : {}),
      });
      return json(200, { sessions });
    },
  },

  {
    method: 'POST',
    path: '/_sim/streams/cut',
    handle: ({ admin, body }) => {
      const sessionId = optionalString(body, 'sessionId');
      const cut = admin.cutStreams({ midMessage: body['midMessage'] === true, ...(sessionId !== undefined ? { sessionId } : {}) });
      return json(200, { cut });
    },
  },

  {
    method: 'POST',
    path: '/_sim/streams/raw',
    handle: ({ admin, body }) => {
      const texts = body['texts'];
      if (!Array.isArray(texts) || !texts.every((text) => typeof text === 'string')) {
        throw new AdminBadRequest('texts must be an array of strings');
      }
      const sessionId = optionalString(body, 'sessionId');
      return json(200, { streams: admin.pushRawEvents(texts, sessionId) });
    },
  },

  { method: 'GET', path: '/_sim/mode', handle: ({ admin }) => json(200, admin.mode()) },
  {
    method: 'POST',
    path: '/_sim/mode',
    handle: ({ admin, body }) => {
      const mode = body['mode'];
      if (mode !== 'primary' && mode !== 'backup') throw new AdminBadRequest('mode must be "primary" or "backup"');
      const hosts = body['alternateHosts'] === undefined ? undefined : stringList(body['alternateHosts'], 'alternateHosts');
      admin.setMode(mode, hosts);
      return json(200, admin.mode());
    },
  },

  {
    method: 'POST',
    path: '/_sim/listen',
    handle: ({ admin, body, res }) => {
      // {listening:true} can only arrive while listening, so it is a no-op; resuming after a stop
      // needs forMs or admin.resumeListening().
      if (body['listening'] !== false) return json(200, { listening: true });
      const forMs = body['forMs'];
      if (forMs !== undefined && (typeof forMs !== 'number' || !Number.isFinite(forMs) || forMs < 0)) {
        throw new AdminBadRequest('forMs must be a number >= 0');
      }
      afterResponse(res, () => admin.stopListening(forMs as number | undefined));
      return json(202, { listening: false, ...(forMs !== undefined ? { resumesInMs: forMs } : {}) });
    },
  },
  {
    method: 'POST',
    path: '/_sim/restart',
    handle: ({ admin, res }) => {
      afterResponse(res, () => admin.restart());
      return json(202, { restarting: true });
    },
  },
];

export function parseAdminBody(raw: Buffer): Record<string, unknown> {
  const text = raw.toString('utf8').trim();
  if (text === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new AdminBadRequest('the body is not valid JSON');
  }
  if (!isPlainObject(value)) throw new AdminBadRequest('the body must be a JSON object');
  return value;
}
