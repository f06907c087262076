// Readers for values that came off the wire as `unknown`. They never throw on well-formed JSON values.

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
