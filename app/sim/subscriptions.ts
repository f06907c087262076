// Turns subscriptions and world changes into ICWS messages: an isDelta:false snapshot when a
// subscription starts, then deltas carrying only what changed (PROTOCOL.md §2, §3.2, §4.2).
import {
  CLIENT_BUTTONS_MESSAGE_TYPE,
  QUEUE_CONTENTS_TYPE,
  type ClientButtonsMessage,
  type QueueContentsMessage,
} from '../core/icws/wire-types.ts';
import { pickAttributes } from './attributes.ts';
import { matchesIds, projectButton } from './button-view.ts';
import type { ButtonSubscription, QueueSubscription, SessionRegistry } from './session-registry.ts';
import type { StoredInteraction, World, WorldEvent } from './world.ts';

/** Only user queues (queueType 1) hold interactions here; other queue types are accepted but empty. */
function watchesQueueOf(sub: QueueSubscription, userId: string): boolean {
  const wanted = userId.toLowerCase();
  return sub.queueIds.some((q) => q.queueType === 1 && q.queueName.toLowerCase() === wanted);
}

function added(sub: QueueSubscription, it: StoredInteraction): { interactionId: string; attributes: Record<string, string> } {
  return { interactionId: it.interactionId, attributes: pickAttributes(it.attributes, sub.attributeNames) };
}

export function queueSnapshot(world: World, sub: QueueSubscription): QueueContentsMessage {
  return {
    __type: QUEUE_CONTENTS_TYPE,
    isDelta: false,
    subscriptionId: sub.subscriptionId,
    interactionsAdded: world.allInteractions().filter((it) => watchesQueueOf(sub, it.userId)).map((it) => added(sub, it)),
  };
}

export function buttonSnapshot(world: World, sub: ButtonSubscription): ClientButtonsMessage {
  return {
    __type: CLIENT_BUTTONS_MESSAGE_TYPE,
    isDelta: false,
    subscriptionId: sub.subscriptionId,
    added: world.allButtons().filter((b) => matchesIds(b, sub.configurationIds)).map((b) => projectButton(b, sub.properties)),
  };
}

function queueDelta(sub: QueueSubscription, event: WorldEvent): QueueContentsMessage | null {
  if (event.type === 'button-put' || event.type === 'button-removed') return null;
  const it = event.interaction;
  if (!watchesQueueOf(sub, it.userId)) return null;
  const base = { __type: QUEUE_CONTENTS_TYPE, isDelta: true, subscriptionId: sub.subscriptionId } as const;
  switch (event.type) {
    case 'interaction-added':
      return { ...base, interactionsAdded: [added(sub, it)] };
    case 'interaction-removed':
      return { ...base, interactionsRemoved: [it.interactionId] };
    case 'interaction-changed': {
      const attributes = pickAttributes(event.changed, sub.attributeNames);
      // A change to attributes nobody asked for is not news to this subscription.
      if (Object.keys(attributes).length === 0) return null;
      return { ...base, interactionsChanged: [{ interactionId: it.interactionId, attributes }] };
    }
  }
}

function buttonDelta(sub: ButtonSubscription, event: WorldEvent): ClientButtonsMessage | null {
  const base = { __type: CLIENT_BUTTONS_MESSAGE_TYPE, isDelta: true, subscriptionId: sub.subscriptionId } as const;
  if (event.type === 'button-put') {
    if (!matchesIds(event.button, sub.configurationIds)) return null;
    const view = projectButton(event.button, sub.properties);
    return event.isNew ? { ...base, added: [view] } : { ...base, changed: [view] };
  }
  if (event.type === 'button-removed') {
    const ids = sub.configurationIds;
    if (ids !== '*' && !ids.some((id) => id.toLowerCase() === event.buttonId.toLowerCase())) return null;
    return { ...base, removed: [event.buttonId] };
  }
  return null;
}

/** Wires world changes to every live session's subscriptions. Returns the unsubscribe function. */
export function publishWorldChanges(world: World, sessions: SessionRegistry): () => void {
  return world.onChange((event) => {
    for (const session of sessions.alive()) {
      for (const sub of session.queueSubscriptions.values()) {
        const message = queueDelta(sub, event);
        if (message) sessions.deliver(session, message);
      }
      for (const sub of session.buttonSubscriptions.values()) {
        const message = buttonDelta(sub, event);
        if (message) sessions.deliver(session, message);
      }
    }
  });
}
