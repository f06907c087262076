// The raw interactions of one queue subscription, kept from queueContentsMessage snapshots and deltas
// (PROTOCOL.md §2, §3.2). Messages come off the wire, so each is validated completely before anything
// is changed: a message is applied in full (minus the bad entries it contains) or not at all.
import { QUEUE_CONTENTS_TYPE } from '../icws/wire-types.ts';
import type { Attributes } from '../icws/wire-types.ts';
import { canonicalAttributeName } from './queue-attributes.ts';
import { accepted, applyKeyedChanges, boundedId, checkEnvelope, isRecord, optionalArray, rejected, type ApplyResult, type RejectReason } from '../wire-guard.ts';

export interface InteractionStoreLimits {
  /** Entries in each of interactionsAdded / interactionsChanged / interactionsRemoved; more rejects the message. */
  maxEntriesPerArray: number;
  /** Interactions held at once; further new ones are skipped. */
  maxInteractions: number;
  /** Attributes held per interaction; further new names are skipped. */
  maxAttributesPerInteraction: number;
  /** Length of one attribute value (UTF-16 units); longer values are skipped. */
  maxValueLength: number;
  maxNameLength: number;
  maxIdLength: number;
}

export const STORE_LIMITS: Readonly<InteractionStoreLimits> = Object.freeze({
  maxEntriesPerArray: 10_000,
  maxInteractions: 10_000,
  maxAttributesPerInteraction: 256,
  maxValueLength: 16 * 1024,
  maxNameLength: 256,
  maxIdLength: 256,
});

export interface InteractionStoreOptions {
  /** When set, messages naming another subscriptionId are refused. */
  subscriptionId?: string;
  limits?: Partial<InteractionStoreLimits>;
}

export type { ApplyResult, RejectReason } from '../wire-guard.ts';

export interface InteractionStoreStats {
  applied: number;
  rejected: number;
  /** Entries dropped: bad IDs, non-object attributes, over the interaction limit. */
  skippedEntries: number;
  /** Attribute values dropped: non-string, too long, bad name, over the per-interaction limit. */
  skippedAttributes: number;
  /** Changes and removals for IDs the store does not hold (ignored). */
  unknownIds: number;
}

export interface StoredInteraction {
  id: string;
  attributes: Attributes;
}

export interface InteractionStore {
  apply(message: unknown): ApplyResult;
  /** Forget every interaction (sign-out, unsubscribe). Clears the stale flag; keeps the counters. */
  clear(): void;
  /** Set while the list may be out of date (reconnecting); the next accepted snapshot clears it. */
  markStale(stale: boolean): void;
  isStale(): boolean;
  ids(): string[];
  has(id: string): boolean;
  /** A copy of the attributes, keyed by canonical name (see canonicalAttributeName). */
  get(id: string): Attributes | undefined;
  all(): StoredInteraction[];
  size(): number;
  stats(): InteractionStoreStats;
}

type AttributeMap = Map<string, string>;
interface Entry {
  id: string;
  attributes: AttributeMap;
}

export function createInteractionStore(options: InteractionStoreOptions = {}): InteractionStore {
  const limits: InteractionStoreLimits = { ...STORE_LIMITS, ...options.limits };
  let interactions = new Map<string, AttributeMap>();
  let stale = false;
  const counters: InteractionStoreStats = { applied: 0, rejected: 0, skippedEntries: 0, skippedAttributes: 0, unknownIds: 0 };

  function reject(reason: RejectReason): ApplyResult {
    counters.rejected += 1;
    if (reason !== 'wrong-type' && reason !== 'other-subscription') stale = true;
    return rejected(reason);
  }

  function commit(plan: Plan): ApplyResult {
    let skippedAttributes = plan.skippedAttributes;
    const merge = (attributes: AttributeMap) => (current: AttributeMap) => {
      for (const [name, value] of attributes) {
        if (!current.has(name) && current.size >= limits.maxAttributesPerInteraction) skippedAttributes += 1;
        else current.set(name, value);
      }
      return current;
    };
    const applied = applyKeyedChanges(
      interactions,
      {
        snapshot: plan.snapshot,
        added: plan.added.map((entry) => ({ key: entry.id, value: entry.attributes })),
        changed: plan.changed.map((entry) => ({ key: entry.id, change: merge(entry.attributes) })),
        removed: plan.removed,
      },
      limits.maxInteractions,
      (id) => id,
    );
    const skippedEntries = plan.skippedEntries + applied.skippedEntries;
    interactions = applied.next;
    if (plan.snapshot) stale = false;
    counters.applied += 1;
    counters.skippedEntries += skippedEntries;
    counters.skippedAttributes += skippedAttributes;
    counters.unknownIds += applied.unknownIds;
    return accepted(plan.snapshot, applied, skippedEntries + skippedAttributes);
  }

  return {
    apply(message) {
      let plan: ReturnType<typeof validate>;
      try {
        plan = validate(message, limits, options.subscriptionId);
      } catch {
        // Only exotic objects (getters, proxies) can throw; nothing has been changed yet.
        plan = 'malformed';
      }
      if (typeof plan === 'string') return reject(plan);
      return commit(plan);
    },
    clear() {
      interactions = new Map();
      stale = false;
    },
    markStale(value) {
      stale = value;
    },
    isStale: () => stale,
    ids: () => [...interactions.keys()],
    has: (id) => interactions.has(id),
    get(id) {
      const attributes = interactions.get(id);
      return attributes ? Object.fromEntries(attributes) : undefined;
    },
    all: () => [...interactions].map(([id, attributes]) => ({ id, attributes: Object.fromEntries(attributes) })),
    size: () => interactions.size,
    stats: () => ({ ...counters }),
  };
}

interface Plan {
  snapshot: boolean;
  added: Entry[];
  changed: Entry[];
  removed: string[];
  skippedEntries: number;
  skippedAttributes: number;
}

function validate(message: unknown, limits: InteractionStoreLimits, subscriptionId: string | undefined): Plan | RejectReason {
  const wire = checkEnvelope(message, QUEUE_CONTENTS_TYPE, subscriptionId);
  if (typeof wire === 'string') return wire;
  const added = optionalArray(wire.interactionsAdded, limits.maxEntriesPerArray);
  const changed = optionalArray(wire.interactionsChanged, limits.maxEntriesPerArray);
  const removed = optionalArray(wire.interactionsRemoved, limits.maxEntriesPerArray);
  if (!added || !changed || !removed) return 'malformed';

  const plan: Plan = { snapshot: !wire.isDelta, added: [], changed: [], removed: [], skippedEntries: 0, skippedAttributes: 0 };
  const readEntries = (list: readonly unknown[], into: Entry[]): void => {
    for (const raw of list) {
      const id = isRecord(raw) ? boundedId(raw.interactionId, limits.maxIdLength) : undefined;
      const attributes = id !== undefined && isRecord(raw) ? readAttributes(raw.attributes, limits, plan) : undefined;
      if (id === undefined || attributes === undefined) plan.skippedEntries += 1;
      else into.push({ id, attributes });
    }
  };
  readEntries(added, plan.added);
  readEntries(changed, plan.changed);
  for (const raw of removed) {
    const id = boundedId(raw, limits.maxIdLength);
    if (id === undefined) plan.skippedEntries += 1;
    else plan.removed.push(id);
  }
  return plan;
}

/** Absent or null attributes are an empty set; a non-object drops the entry (undefined). */
function readAttributes(raw: unknown, limits: InteractionStoreLimits, plan: Plan): AttributeMap | undefined {
  const attributes: AttributeMap = new Map();
  if (raw === undefined || raw === null) return attributes;
  if (!isRecord(raw)) return undefined;
  for (const name of Object.keys(raw)) {
    const value = raw[name];
    const ok =
      name.length > 0 &&
      name.length <= limits.maxNameLength &&
      typeof value === 'string' &&
      value.length <= limits.maxValueLength;
    if (!ok) {
      plan.skippedAttributes += 1;
      continue;
    }
    const key = canonicalAttributeName(name);
    if (!attributes.has(key) && attributes.size >= limits.maxAttributesPerInteraction) plan.skippedAttributes += 1;
    else attributes.set(key, value);
  }
  return attributes;
}
