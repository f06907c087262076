// Readers for values that came off the wire as `unknown`, shared by the caches that apply ICWS messages.
// They never throw on well-formed JSON values.

export type WireRecord = Record<string, unknown>;

/** A JSON object (not an array, not null). */
export function isRecord(value: unknown): value is WireRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * An optional array field: absent or null is an empty list (ICWS omits null properties), an array within
 * `max` entries is itself, anything else is `undefined`, meaning the message is malformed.
 */
export function optionalArray(value: unknown, max: number): readonly unknown[] | undefined {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.length > max) return undefined;
  return value;
}

/** A non-empty string of at most `max` UTF-16 units, else undefined. */
export function boundedId(value: unknown, max: number): string | undefined {
  return typeof value === 'string' && value.length > 0 && value.length <= max ? value : undefined;
}

/**
 * Why a whole message was refused. `wrong-type` and `other-subscription` are someone else's messages;
 * the others were ours but unusable.
 */
export type RejectReason = 'not-an-object' | 'wrong-type' | 'other-subscription' | 'malformed';

/** What applying one message did: all of it (minus the bad entries it held) or nothing. */
export interface ApplyResult {
  ok: boolean;
  reason: RejectReason | null;
  /** isDelta:false: everything was replaced. */
  snapshot: boolean;
  /** IDs new to the cache, IDs that were present and touched, IDs that left, in message order. */
  added: string[];
  updated: string[];
  removed: string[];
  /** Entries and values of this message that were dropped. */
  skipped: number;
}

export function rejected(reason: RejectReason): ApplyResult {
  return { ok: false, reason, snapshot: false, added: [], updated: [], removed: [], skipped: 0 };
}

export function accepted(snapshot: boolean, lists: Pick<ApplyResult, 'added' | 'updated' | 'removed'>, skipped: number): ApplyResult {
  return { ok: true, reason: null, snapshot, added: lists.added, updated: lists.updated, removed: lists.removed, skipped };
}

/**
 * The envelope every subscription message shares: its `__type` (absent is accepted), its subscription when
 * one is expected, and a boolean isDelta, without which replace and merge cannot be told apart. Returns the
 * message, or why it is refused.
 */
export function checkEnvelope(message: unknown, type: string, subscriptionId: string | undefined): WireRecord | RejectReason {
  if (!isRecord(message)) return 'not-an-object';
  if (message.__type !== undefined && message.__type !== type) return 'wrong-type';
  if (subscriptionId !== undefined && message.subscriptionId !== undefined) {
    if (typeof message.subscriptionId !== 'string') return 'malformed';
    if (message.subscriptionId !== subscriptionId) return 'other-subscription';
  }
  if (typeof message.isDelta !== 'boolean') return 'malformed';
  return message;
}

/** A validated message's entries, keyed: what to insert, how to change what is there, what to drop. */
export interface KeyedChanges<V> {
  snapshot: boolean;
  added: { key: string; value: V }[];
  changed: { key: string; change: (current: V) => V }[];
  removed: string[];
}

/**
 * Applies one message to a keyed cache: a snapshot builds a new map, a delta changes `previous` in place.
 * New keys past `maxEntries` are skipped, changes and removals of unknown keys are counted, and the result
 * says which entries were added, updated and removed (by `idOf`), each once, in message order.
 */
export function applyKeyedChanges<V>(
  previous: Map<string, V>,
  changes: KeyedChanges<V>,
  maxEntries: number,
  idOf: (key: string, value: V) => string,
) {
  const next = changes.snapshot ? new Map<string, V>() : previous;
  // What each mentioned key held before this message, recorded before the first change to it.
  const before = new Map<string, V | undefined>();
  const mention = (key: string): void => {
    if (!before.has(key)) before.set(key, previous.get(key));
  };
  let skippedEntries = 0;
  let unknownIds = 0;
  for (const { key, value } of changes.added) {
    if (!next.has(key) && next.size >= maxEntries) {
      skippedEntries += 1;
      continue;
    }
    mention(key);
    // Map.set keeps an existing key where it is: a known entry added again is replaced in place.
    next.set(key, value);
  }
  for (const { key, change } of changes.changed) {
    const current = next.get(key);
    if (current === undefined) {
      unknownIds += 1;
      continue;
    }
    mention(key);
    next.set(key, change(current));
  }
  for (const key of changes.removed) {
    mention(key);
    if (!next.delete(key)) unknownIds += 1;
  }
  const added: string[] = [];
  const updated: string[] = [];
  const removed: string[] = [];
  for (const [key, was] of before) {
    const now = next.get(key);
    if (now !== undefined) (was === undefined ? added : updated).push(idOf(key, now));
    else if (was !== undefined) removed.push(idOf(key, was));
  }
  if (changes.snapshot) {
    for (const [key, value] of previous) if (!next.has(key) && !before.has(key)) removed.push(idOf(key, value));
  }
  return { next, added, updated, removed, skippedEntries, unknownIds };
}
