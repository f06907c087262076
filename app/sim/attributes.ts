// Interaction attribute names are case-insensitive on the wire (PROTOCOL.md §0), so every lookup here
// ignores case while keeping the spelling each side used.
import type { Attributes } from '../core/icws/wire-types.ts';

export function findAttributeKey(attributes: Attributes, name: string): string | undefined {
  if (Object.hasOwn(attributes, name)) return name;
  const wanted = name.toLowerCase();
  return Object.keys(attributes).find((key) => key.toLowerCase() === wanted);
}

/** Sets each patch value in place; returns what actually changed, keyed by the stored spelling. */
export function mergeAttributes(target: Attributes, patch: Attributes): Attributes {
  const changed: Attributes = {};
  for (const [name, value] of Object.entries(patch)) {
    const key = findAttributeKey(target, name) ?? name;
    if (target[key] === value) continue;
    target[key] = value;
    changed[key] = value;
  }
  return changed;
}

/** The requested attributes that are set, keyed by the requested spelling. */
export function pickAttributes(attributes: Attributes, names: readonly string[]): Attributes {
  const picked: Attributes = {};
  for (const name of names) {
    const key = findAttributeKey(attributes, name);
    if (key !== undefined) picked[name] = attributes[key]!;
  }
  return picked;
}

const NOW_TEMPLATE = /^\{now(?:([+-]\d+)s)?\}$/;

/** Scenario files write times as "{now}" or "{now-90s}" so a demo's calls look freshly started. */
export function resolveTimeTemplates(attributes: Attributes, now: number): Attributes {
  const out: Attributes = {};
  for (const [name, value] of Object.entries(attributes)) {
    const match = NOW_TEMPLATE.exec(value);
    out[name] = match ? new Date(now + Number(match[1] ?? 0) * 1000).toISOString() : value;
  }
  return out;
}
