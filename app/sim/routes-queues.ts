// Queue subscriptions: the client names the subscription, gets an isDelta:false snapshot of the
// queues' interactions, then deltas as they change (PROTOCOL.md §3.1, §3.2).
import type { QueueId } from '../core/icws/wire-types.ts';
import type { IcwsRoute } from './context.ts';
import { invalidProperty, invalidRepresentation, missingProperty } from './icws-errors.ts';
import { isPlainObject, parseIcwsJson } from './http-io.ts';
import { empty, type Reply } from './reply.ts';
import type { QueueSubscription } from './session-registry.ts';
import { queueSnapshot } from './subscriptions.ts';

type Parsed = { ok: true; queueIds: QueueId[]; attributeNames: string[] } | { ok: false; reply: Reply };

function parseQueueSubscription(body: unknown): Parsed {
  const fail = (reply: Reply): Parsed => ({ ok: false, reply });
  if (!isPlainObject(body)) return fail(invalidRepresentation('The request body must be a JSON object.'));

  const queueIds = body['queueIds'];
  if (queueIds === undefined) return fail(missingProperty('queueIds'));
  if (!Array.isArray(queueIds) || queueIds.length === 0) return fail(invalidProperty('queueIds', 'queueIds must list at least one queue.'));
  const parsedIds: QueueId[] = [];
  for (const [i, q] of queueIds.entries()) {
    if (!isPlainObject(q)) return fail(invalidProperty(`queueIds[${i}]`, 'Each queue ID must be an object.'));
    const { queueType, queueName } = q;
    if (queueName === undefined) return fail(missingProperty(`queueIds[${i}].queueName`));
    if (typeof queueName !== 'string' || queueName === '') return fail(invalidProperty(`queueIds[${i}].queueName`, 'queueName must be a non-empty string.'));
    if (queueType === undefined) return fail(missingProperty(`queueIds[${i}].queueType`));
    if (queueType !== 0 && queueType !== 1 && queueType !== 2 && queueType !== 3) {
      return fail(invalidProperty(`queueIds[${i}].queueType`, 'queueType must be 0, 1, 2 or 3.'));
    }
    parsedIds.push({ queueType, queueName });
  }

  const names = body['attributeNames'];
  if (names === undefined) return fail(missingProperty('attributeNames'));
  if (!Array.isArray(names) || names.length === 0 || !names.every((n) => typeof n === 'string' && n !== '')) {
    return fail(invalidProperty('attributeNames', 'attributeNames must list at least one attribute name.'));
  }
  return { ok: true, queueIds: parsedIds, attributeNames: names as string[] };
}

export const queueRoutes: IcwsRoute[] = [
  {
    method: 'PUT',
    path: '/icws/:sessionId/messaging/subscriptions/queues/:subscriptionId',
    auth: 'session',
    fault: 'queue-subscription',
    feature: { id: 'queues', min: 1 },
    handle: ({ sim, req, body, params }, session) => {
      const json = parseIcwsJson(req, body);
      if (!json.ok) return json.reply;
      const parsed = parseQueueSubscription(json.value);
      if (!parsed.ok) return parsed.reply;
      const sub: QueueSubscription = {
        subscriptionId: params['subscriptionId']!,
        queueIds: parsed.queueIds,
        attributeNames: parsed.attributeNames,
      };
      // PUT replaces: a repeated PUT starts over with a fresh snapshot.
      session.queueSubscriptions.set(sub.subscriptionId, sub);
      sim.sessions.deliver(session, queueSnapshot(sim.world, sub));
      return empty(200);
    },
  },
  {
    method: 'DELETE',
    path: '/icws/:sessionId/messaging/subscriptions/queues/:subscriptionId',
    auth: 'session',
    fault: 'queue-subscription',
    feature: { id: 'queues', min: 1 },
    handle: ({ params }, session) => {
      session.queueSubscriptions.delete(params['subscriptionId']!);
      return empty(204);
    },
  },
];
