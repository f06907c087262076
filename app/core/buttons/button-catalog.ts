// The client buttons the server configured, in server order, from GET configuration/client-buttons and
// clientButtonsMessage snapshots and deltas (PROTOCOL.md §4.2, §4.3). Button IDs are case-insensitive.
// Each message is validated completely before the catalog changes.
import { CLIENT_BUTTONS_MESSAGE_TYPE } from '../icws/wire-types.ts';
import { accepted, applyKeyedChanges, boundedId, checkEnvelope, isRecord, optionalArray, rejected, type ApplyResult, type RejectReason } from '../wire-guard.ts';
import type { WireRecord } from '../wire-guard.ts';

export interface CatalogText {
  readonly defaultValue?: string;
  readonly multiLanguageValues?: readonly { readonly language: string; readonly value: string }[];
}

/** A validated clientButton. Fields the product does not use (notes, customAttributes, dates) are dropped. */
export interface CatalogButton {
  /** configurationId.id as the server spells it: what handler-action is sent. */
  readonly id: string;
  readonly configurationId: { readonly id: string; readonly displayName?: string; readonly uri?: string };
  readonly buttonText?: CatalogText;
  readonly description?: CatalogText;
  readonly iconUri?: string;
  readonly action?: number;
  readonly localApplication?: string;
  /** Kept as sent, even out of range: the matching rule refuses what it does not know. */
  readonly availability?: number;
  readonly interactionTypes?: readonly number[];
  readonly locations?: readonly number[];
  readonly enabled?: boolean;
  readonly deactivateAfterUse?: boolean;
  readonly displayNotification?: boolean;
}

export interface ButtonCatalogLimits {
  maxEntriesPerArray: number;
  maxButtons: number;
  maxIdLength: number;
  maxTextLength: number;
  maxIconLength: number;
  maxListLength: number;
}

export const CATALOG_LIMITS: Readonly<ButtonCatalogLimits> = Object.freeze({
  maxEntriesPerArray: 10_000,
  maxButtons: 10_000,
  maxIdLength: 256,
  maxTextLength: 16 * 1024,
  /** A data: URI icon of a few KiB is normal; 64 KiB is generous. */
  maxIconLength: 64 * 1024,
  /** Entries of interactionTypes, locations and multiLanguageValues. */
  maxListLength: 256,
});

export interface ButtonCatalogOptions {
  subscriptionId?: string;
  limits?: Partial<ButtonCatalogLimits>;
}

export interface ButtonCatalogStats {
  applied: number;
  rejected: number;
  /** Buttons or removed IDs dropped: no usable ID, a malformed rule field, over the button limit. */
  skippedEntries: number;
  /** Display-only values dropped (label translations, icon, texts) while the button was kept. */
  skippedParts: number;
  /** Changes and removals for IDs the catalog does not hold (ignored). */
  unknownIds: number;
}

export interface ButtonCatalog {
  /** Replace everything with the `items` of GET configuration/client-buttons. */
  replaceAll(items: unknown): ApplyResult;
  apply(message: unknown): ApplyResult;
  /** Server order. Buttons are frozen; the array is a fresh copy. */
  buttons(): CatalogButton[];
  get(id: string): CatalogButton | undefined;
  ids(): string[];
  size(): number;
  clear(): void;
  stats(): ButtonCatalogStats;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type Fields = Omit<Mutable<CatalogButton>, 'id' | 'configurationId'>;
type FieldName = keyof Fields;

/** A validated wire entry: the fields it sets and, for a change, the fields it clears (sent as null). */
interface Parsed {
  key: string;
  configurationId: { id: string; displayName?: string; uri?: string };
  fields: Partial<Fields>;
  cleared: FieldName[];
}

interface Plan {
  snapshot: boolean;
  added: Parsed[];
  changed: Parsed[];
  removed: string[];
  skippedEntries: number;
  skippedParts: number;
}

const keyOf = (id: string): string => id.toLowerCase();

export function createButtonCatalog(options: ButtonCatalogOptions = {}): ButtonCatalog {
  const limits: ButtonCatalogLimits = { ...CATALOG_LIMITS, ...options.limits };
  let catalog = new Map<string, CatalogButton>();
  const counters: ButtonCatalogStats = { applied: 0, rejected: 0, skippedEntries: 0, skippedParts: 0, unknownIds: 0 };

  function run(read: () => Plan | RejectReason): ApplyResult {
    let plan: Plan | RejectReason;
    try {
      plan = read();
    } catch {
      // Only exotic objects (getters, proxies) can throw; nothing has been changed yet.
      plan = 'malformed';
    }
    if (typeof plan === 'string') {
      counters.rejected += 1;
      return rejected(plan);
    }
    return commit(plan);
  }

  function commit(plan: Plan): ApplyResult {
    const applied = applyKeyedChanges(
      catalog,
      {
        snapshot: plan.snapshot,
        added: plan.added.map((entry) => ({ key: entry.key, value: build(entry.configurationId, entry.fields) })),
        changed: plan.changed.map((entry) => ({ key: entry.key, change: (current: CatalogButton) => merge(current, entry) })),
        removed: plan.removed,
      },
      limits.maxButtons,
      (_key, button) => button.id,
    );
    catalog = applied.next;
    const skippedEntries = plan.skippedEntries + applied.skippedEntries;
    counters.applied += 1;
    counters.skippedEntries += skippedEntries;
    counters.skippedParts += plan.skippedParts;
    counters.unknownIds += applied.unknownIds;
    return accepted(plan.snapshot, applied, skippedEntries + plan.skippedParts);
  }

  return {
    replaceAll(items) {
      return run(() => {
        const list = Array.isArray(items) ? optionalArray(items, limits.maxEntriesPerArray) : undefined;
        if (!list) return 'malformed';
        const plan = emptyPlan(true);
        readButtons(list, plan, plan.added, false, limits);
        return plan;
      });
    },
    apply(message) {
      return run(() => validate(message, limits, options.subscriptionId));
    },
    buttons: () => [...catalog.values()],
    get: (id) => (typeof id === 'string' ? catalog.get(keyOf(id)) : undefined),
    ids: () => [...catalog.values()].map((button) => button.id),
    size: () => catalog.size,
    clear() {
      catalog = new Map();
    },
    stats: () => ({ ...counters }),
  };
}

function emptyPlan(snapshot: boolean): Plan {
  return { snapshot, added: [], changed: [], removed: [], skippedEntries: 0, skippedParts: 0 };
}

function validate(message: unknown, limits: ButtonCatalogLimits, subscriptionId: string | undefined): Plan | RejectReason {
  const wire = checkEnvelope(message, CLIENT_BUTTONS_MESSAGE_TYPE, subscriptionId);
  if (typeof wire === 'string') return wire;
  const added = optionalArray(wire.added, limits.maxEntriesPerArray);
  const changed = optionalArray(wire.changed, limits.maxEntriesPerArray);
  const removed = optionalArray(wire.removed, limits.maxEntriesPerArray);
  if (!added || !changed || !removed) return 'malformed';

  const plan = emptyPlan(!wire.isDelta);
  readButtons(added, plan, plan.added, false, limits);
  readButtons(changed, plan, plan.changed, true, limits);
  for (const raw of removed) {
    const id = boundedId(raw, limits.maxIdLength);
    if (id === undefined) plan.skippedEntries += 1;
    else plan.removed.push(keyOf(id));
  }
  return plan;
}

function readButtons(list: readonly unknown[], plan: Plan, into: Parsed[], isChange: boolean, limits: ButtonCatalogLimits): void {
  for (const raw of list) {
    const parsed = parseButton(raw, isChange, limits, plan);
    if (parsed) into.push(parsed);
    else plan.skippedEntries += 1;
  }
}

/**
 * Fields that decide where a button shows (enabled, availability, interactionTypes, locations) must be
 * well-formed or the whole entry is dropped: dropping only the field would widen where the button shows.
 * Display-only fields that are malformed are dropped alone and counted as skipped parts.
 */
function parseButton(raw: unknown, isChange: boolean, limits: ButtonCatalogLimits, plan: Plan): Parsed | undefined {
  if (!isRecord(raw) || !isRecord(raw.configurationId)) return undefined;
  const cid = raw.configurationId;
  const id = boundedId(cid.id, limits.maxIdLength);
  if (id === undefined) return undefined;

  const parsed: Parsed = { key: keyOf(id), configurationId: { id }, fields: {}, cleared: [] };
  // Dropped display parts count only if the entry itself is kept.
  const tally = { parts: 0 };
  const text = (value: unknown, max: number): string | undefined => {
    if (typeof value === 'string' && value.length <= max) return value;
    if (value !== undefined && value !== null) tally.parts += 1;
    return undefined;
  };
  const displayName = text(cid.displayName, limits.maxTextLength);
  if (displayName !== undefined) parsed.configurationId.displayName = displayName;
  const uri = text(cid.uri, limits.maxTextLength);
  if (uri !== undefined) parsed.configurationId.uri = uri;

  const fields = parsed.fields;
  for (const name of FIELD_NAMES) {
    if (!Object.hasOwn(raw, name)) continue;
    const value = raw[name];
    // ICWS omits null properties; in a change a null is taken as "now unset".
    if (value === null) {
      if (isChange) parsed.cleared.push(name);
      continue;
    }
    switch (name) {
      case 'enabled':
        if (typeof value !== 'boolean') return undefined;
        fields.enabled = value;
        break;
      case 'availability':
        if (!Number.isInteger(value)) return undefined;
        fields.availability = value as number;
        break;
      case 'interactionTypes':
      case 'locations': {
        const list = integerList(value, limits.maxListLength);
        if (!list) return undefined;
        fields[name] = list;
        break;
      }
      case 'buttonText':
      case 'description': {
        const parsedText = multiLanguage(value, limits, tally);
        if (parsedText) fields[name] = parsedText;
        else tally.parts += 1;
        break;
      }
      case 'iconUri': {
        const icon = text(value, limits.maxIconLength);
        if (icon !== undefined) fields.iconUri = icon;
        break;
      }
      case 'localApplication': {
        const app = text(value, limits.maxTextLength);
        if (app !== undefined) fields.localApplication = app;
        break;
      }
      case 'action':
        if (Number.isInteger(value)) fields.action = value as number;
        else tally.parts += 1;
        break;
      case 'deactivateAfterUse':
      case 'displayNotification':
        if (typeof value === 'boolean') fields[name] = value;
        else tally.parts += 1;
        break;
    }
  }
  plan.skippedParts += tally.parts;
  return parsed;
}

const FIELD_NAMES: readonly FieldName[] = [
  'buttonText',
  'description',
  'iconUri',
  'action',
  'localApplication',
  'availability',
  'interactionTypes',
  'locations',
  'enabled',
  'deactivateAfterUse',
  'displayNotification',
];

function integerList(value: unknown, max: number): number[] | undefined {
  if (!Array.isArray(value) || value.length > max) return undefined;
  return value.every((item) => Number.isInteger(item)) ? [...(value as number[])] : undefined;
}

/** A multiLanguageString; bad translations are dropped one by one. Undefined when it is not an object. */
function multiLanguage(value: unknown, limits: ButtonCatalogLimits, tally: { parts: number }): CatalogText | undefined {
  if (!isRecord(value)) return undefined;
  const result: Mutable<CatalogText> = {};
  const fits = (s: unknown): s is string => typeof s === 'string' && s.length <= limits.maxTextLength;
  if (fits(value.defaultValue)) result.defaultValue = value.defaultValue;
  else if (value.defaultValue !== undefined && value.defaultValue !== null) tally.parts += 1;

  const list = optionalArray(value.multiLanguageValues, limits.maxListLength);
  if (!list) {
    tally.parts += 1;
  } else if (list.length > 0) {
    const values: { language: string; value: string }[] = [];
    for (const item of list) {
      const entry = item as WireRecord;
      if (isRecord(item) && typeof entry.language === 'string' && entry.language.length <= 64 && fits(entry.value)) {
        values.push({ language: entry.language, value: entry.value });
      } else {
        tally.parts += 1;
      }
    }
    result.multiLanguageValues = values;
  }
  return result;
}

function build(configurationId: Parsed['configurationId'], fields: Partial<Fields>): CatalogButton {
  return deepFreeze({ id: configurationId.id, configurationId: { ...configurationId }, ...fields });
}

/** A change keeps every property it omits (PROTOCOL.md §2, §4.2) and the ID spelling first seen. */
function merge(current: CatalogButton, change: Parsed): CatalogButton {
  const next: Mutable<CatalogButton> = { ...current, ...change.fields };
  for (const name of change.cleared) delete next[name];
  next.configurationId = { ...current.configurationId, ...change.configurationId, id: current.configurationId.id };
  return deepFreeze(next);
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
