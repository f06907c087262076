// Small runtime validators that turn IPC payloads (unknown) into typed values, or throw a ValidationError
// whose message names the field and never echoes the value (it may be a password).

export class ValidationError extends Error {
  override readonly name = 'ValidationError';
  readonly kind = 'validation';
}

export function fail(path: string, expected: string): never {
  throw new ValidationError(`${path} must be ${expected}.`);
}

export interface StringRule {
  /** Longest accepted length, in UTF-16 code units. */
  max: number;
  /** Shortest accepted length after trimming; 1 unless told. */
  min?: number;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** A plain object with only `allowed` keys, each of `required` present. */
export function object(value: unknown, path: string, allowed: readonly string[], required: readonly string[] = []) {
  if (!isPlainObject(value)) fail(path, 'an object');
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) throw new ValidationError(`${path} has an unknown field "${key.slice(0, 64)}".`);
  }
  for (const key of required) {
    if (value[key] === undefined) throw new ValidationError(`${path}.${key} is required.`);
  }
  return value;
}

export function string(value: unknown, path: string, rule: StringRule): string {
  if (typeof value !== 'string') fail(path, 'a string');
  const min = rule.min ?? 1;
  if (value.trim().length < min) fail(path, min === 1 ? 'a non-empty string' : `at least ${min} characters`);
  if (value.length > rule.max) fail(path, `at most ${rule.max} characters`);
  // Control characters have no business in an ID, a name or a URL; NUL in particular truncates natively.
  if (/[\u0000-\u001f\u007f]/.test(value)) fail(path, 'free of control characters');
  return value;
}

export function optionalString(value: unknown, path: string, rule: StringRule): string | undefined {
  return value === undefined ? undefined : string(value, path, rule);
}

export function boolean(value: unknown, path: string): boolean {
  if (typeof value !== 'boolean') fail(path, 'true or false');
  return value;
}

export function optionalBoolean(value: unknown, path: string): boolean | undefined {
  return value === undefined ? undefined : boolean(value, path);
}

export function integer(value: unknown, path: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    fail(path, `a whole number from ${min} to ${max}`);
  }
  return value;
}

/** Exactly `count` arguments: an IPC call with more or fewer is not one the renderer's API can make. */
export function args(values: readonly unknown[], count: number, channel: string): void {
  if (values.length !== count) {
    throw new ValidationError(`${channel} takes ${count} argument${count === 1 ? '' : 's'}, got ${values.length}.`);
  }
}
