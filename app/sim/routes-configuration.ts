// Client-button discovery: the configuration list, one button, and the live configuration
// subscription (PROTOCOL.md §4.2). Every user may view every button; running one is checked by
// handler-action.
import type { ClientButton } from '../core/icws/wire-types.ts';
import type { IcwsRoute, RequestContext } from './context.ts';
import { accessDenied, invalidProperty, invalidRepresentation, missingProperty, notFound } from './icws-errors.ts';
import { isPlainObject, parseIcwsJson } from './http-io.ts';
import { parseSelect, projectButton } from './button-view.ts';
import { empty, json, type Reply } from './reply.ts';
import type { ButtonSubscription, Session } from './session-registry.ts';
import { buttonSnapshot } from './subscriptions.ts';

const MAX_SELECTED_ITEMS = 200;

/** view and loggedInUser are what an agent has; admin is refused (nobody here is an administrator). */
function checkRightsFilter(value: unknown): Reply | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') return invalidProperty('rightsFilter', 'rightsFilter must be a string.');
  const v = value.toLowerCase();
  if (v === 'view' || v === 'loggedinuser') return null;
  if (v === 'admin') return accessDenied('The user does not have administrative rights to client buttons.');
  return invalidProperty('rightsFilter', `Unknown rightsFilter "${value}".`);
}

function valueAt(button: ClientButton, path: string): string | undefined {
  let current: unknown = button;
  for (const part of path.split('.')) {
    if (!isPlainObject(current)) return undefined;
    const key = Object.keys(current).find((k) => k.toLowerCase() === part.toLowerCase());
    current = key === undefined ? undefined : current[key];
  }
  if (isPlainObject(current) && typeof current['defaultValue'] === 'string') return current['defaultValue'];
  return typeof current === 'string' || typeof current === 'number' || typeof current === 'boolean' ? String(current) : undefined;
}

const WHERE_CLAUSE = /^\s*([\w.]+)\s+(eq|sw|ct)\s+(.*?)\s*$/i;

/** where: comma-separated "property op value" clauses, all of which must hold; eq/sw/ct ignore case. */
function parseWhere(where: string | null): ((b: ClientButton) => boolean) | Reply {
  if (where === null || where.trim() === '') return () => true;
  const clauses = where.split(',').map((c) => WHERE_CLAUSE.exec(c));
  if (clauses.some((c) => c === null)) return invalidProperty('where', `Cannot parse where "${where}".`);
  return (button) =>
    clauses.every((c) => {
      const [, path, op, raw] = c!;
      const actual = valueAt(button, path!)?.toLowerCase();
      const expected = raw!.replace(/^'(.*)'$/, '$1').toLowerCase();
      if (actual === undefined) return false;
      if (op!.toLowerCase() === 'eq') return actual === expected;
      if (op!.toLowerCase() === 'sw') return actual.startsWith(expected);
      return actual.includes(expected);
    });
}

function listButtons({ sim, url }: RequestContext): Reply {
  const q = url.searchParams;
  const denied = checkRightsFilter(q.get('rightsFilter') ?? undefined);
  if (denied) return denied;
  const filter = parseWhere(q.get('where'));
  if (typeof filter !== 'function') return filter;
  let buttons = sim.world.allButtons().filter(filter);
  const orderBy = q.get('orderBy');
  if (orderBy) buttons = [...buttons].sort((a, b) => (valueAt(a, orderBy) ?? '').localeCompare(valueAt(b, orderBy) ?? ''));
  const select = q.get('select');
  if (select !== null) buttons = buttons.slice(0, MAX_SELECTED_ITEMS);
  return json(200, { items: buttons.map((b) => projectButton(b, parseSelect(select))) });
}

function getButton({ sim, url, params }: RequestContext): Reply {
  const denied = checkRightsFilter(url.searchParams.get('rightsFilter') ?? undefined);
  if (denied) return denied;
  const button = sim.world.button(params['buttonId']!);
  if (!button) return notFound(`No client button ${params['buttonId']}.`);
  return json(200, projectButton(button, parseSelect(url.searchParams.get('select'))));
}

type IdList = { ok: true; value: string[] | '*' } | { ok: false; reply: Reply };

function parseIdList(value: unknown, name: string): IdList {
  if (value === undefined) return { ok: false, reply: missingProperty(name) };
  if (!Array.isArray(value) || value.length === 0 || !value.every((v) => typeof v === 'string' && v !== '')) {
    return { ok: false, reply: invalidProperty(name, `${name} must be ["*"] or a list of names.`) };
  }
  return { ok: true, value: value.includes('*') ? '*' : (value as string[]) };
}

function subscribe({ sim, req, body, params }: RequestContext, session: Session): Reply {
  const parsed = parseIcwsJson(req, body);
  if (!parsed.ok) return parsed.reply;
  const b = parsed.value;
  if (!isPlainObject(b)) return invalidRepresentation('The request body must be a JSON object.');
  const ids = parseIdList(b['configurationIds'], 'configurationIds');
  if (!ids.ok) return ids.reply;
  const props = parseIdList(b['properties'], 'properties');
  if (!props.ok) return props.reply;
  const configurationIds = ids.value;
  const properties = props.value;
  if (configurationIds === '*' && properties === '*') {
    return invalidProperty('properties', 'configurationIds and properties cannot both be wildcards.');
  }
  const denied = checkRightsFilter(b['rightsFilter']);
  if (denied) return denied;
  const sub: ButtonSubscription = { subscriptionId: params['subscriptionId']!, configurationIds, properties };
  session.buttonSubscriptions.set(sub.subscriptionId, sub);
  sim.sessions.deliver(session, buttonSnapshot(sim.world, sub));
  return empty(200);
}

export const configurationRoutes: IcwsRoute[] = [
  {
    method: 'GET',
    path: '/icws/:sessionId/configuration/client-buttons',
    auth: 'session',
    fault: 'client-buttons',
    feature: { id: 'configuration', min: 1 },
    handle: listButtons,
  },
  {
    method: 'GET',
    path: '/icws/:sessionId/configuration/client-buttons/:buttonId',
    auth: 'session',
    fault: 'client-buttons',
    feature: { id: 'configuration', min: 1 },
    handle: getButton,
  },
  {
    method: 'PUT',
    path: '/icws/:sessionId/messaging/subscriptions/configuration/client-buttons/:subscriptionId',
    auth: 'session',
    fault: 'client-buttons',
    feature: { id: 'configuration', min: 1 },
    handle: subscribe,
  },
  {
    method: 'DELETE',
    path: '/icws/:sessionId/messaging/subscriptions/configuration/client-buttons/:subscriptionId',
    auth: 'session',
    fault: 'client-buttons',
    feature: { id: 'configuration', min: 1 },
    handle: ({ params }, session) => {
      session.buttonSubscriptions.delete(params['subscriptionId']!);
      return empty(204);
    },
  },
];

