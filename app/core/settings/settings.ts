// Settings: defaults, what a stored file may hold (it can be old or hand-edited), what the renderer may change,
// and the public view that says whether passwords can be remembered here.
import type { EditableSettings, PublicSettings, ShortcutAction } from '../../ipc/contract.ts';
import type { PasswordVault, StoredSettings } from '../agent/ports.ts';
import { isAccelerator } from '../shortcuts/accelerator.ts';
import { defaultShortcutMap } from '../shortcuts/shortcut-manager.ts';
import { ValidationError, boolean, fail, integer, isPlainObject, object, string } from '../agent/validate.ts';

export const MAX_SHORTCUTS = 32;
export const MAX_SLOT = 20;
const LANGUAGE = /^[a-z]{2,8}(-[a-z0-9]{1,8})*$/i;

export function defaultSettings(): StoredSettings {
  return {
    server: null,
    userId: null,
    applicationName: 'ICWS Agent',
    language: 'en-us',
    station: null,
    startHidden: false,
    notifications: true,
    rememberPassword: false,
    shortcuts: defaultShortcutMap(),
  };
}

export function parseShortcutAction(value: unknown, path: string): ShortcutAction {
  if (isPlainObject(value) && value.kind === 'show-window') {
    object(value, path, ['kind']);
    return { kind: 'show-window' };
  }
  if (isPlainObject(value) && value.kind === 'button-slot') {
    object(value, path, ['kind', 'slot'], ['slot']);
    return { kind: 'button-slot', slot: integer(value.slot, `${path}.slot`, 1, MAX_SLOT) };
  }
  return fail(path, '{kind:"button-slot", slot} or {kind:"show-window"}');
}

export function parseShortcutMap(value: unknown, path = 'shortcuts'): Record<string, ShortcutAction> {
  if (!isPlainObject(value)) fail(path, 'an object of accelerator to action');
  const entries = Object.entries(value);
  if (entries.length > MAX_SHORTCUTS) fail(path, `at most ${MAX_SHORTCUTS} shortcuts`);
  const map: Record<string, ShortcutAction> = {};
  for (const [accelerator, action] of entries) {
    if (!isAccelerator(accelerator)) {
      throw new ValidationError(`${path} has "${accelerator.slice(0, 64)}", which is not a valid shortcut.`);
    }
    map[accelerator] = parseShortcutAction(action, `${path}["${accelerator}"]`);
  }
  return map;
}

export function parseLanguage(value: unknown, path: string): string {
  const text = string(value, path, { max: 35 });
  if (!LANGUAGE.test(text)) fail(path, 'a language tag such as en-us');
  return text;
}

const EDITABLE: { [K in keyof EditableSettings]-?: (value: unknown, path: string) => EditableSettings[K] } = {
  startHidden: boolean,
  notifications: boolean,
  rememberPassword: boolean,
  shortcuts: parseShortcutMap,
  language: parseLanguage,
  applicationName: (value, path) => string(value, path, { max: 128 }),
};

/** A settings:set payload: only editable fields, each valid. Throws ValidationError. */
export function parseSettingsPatch(value: unknown, path = 'settings'): Partial<EditableSettings> {
  const patch = object(value, path, Object.keys(EDITABLE));
  const parsed: Record<string, unknown> = {};
  for (const [key, raw] of Object.entries(patch)) {
    if (raw === undefined) continue;
    parsed[key] = EDITABLE[key as keyof EditableSettings](raw, `${path}.${key}`);
  }
  return parsed as Partial<EditableSettings>;
}

const nullableString = (max: number) => (value: unknown, path: string) =>
  value === null ? null : string(value, path, { max });

const STORED: { [K in keyof StoredSettings]-?: (value: unknown, path: string) => StoredSettings[K] } = {
  ...EDITABLE,
  server: nullableString(2048),
  userId: nullableString(256),
  station: nullableString(256),
};

/** The valid fields of whatever the settings file holds; anything invalid or unknown is dropped. */
export function sanitizeStoredSettings(raw: unknown): Partial<StoredSettings> {
  if (!isPlainObject(raw)) return {};
  const kept: Record<string, unknown> = {};
  for (const [key, parse] of Object.entries(STORED)) {
    if (raw[key] === undefined) continue;
    try {
      kept[key] = (parse as (value: unknown, path: string) => unknown)(raw[key], key);
    } catch {
      // One bad field must not cost the agent the rest of their settings.
    }
  }
  return kept as Partial<StoredSettings>;
}

export function mergeSettings(loaded: Partial<StoredSettings>): StoredSettings {
  return { ...defaultSettings(), ...sanitizeStoredSettings(loaded) };
}

export function applySettingsPatch(stored: StoredSettings, patch: Partial<EditableSettings>): StoredSettings {
  return { ...stored, ...parseSettingsPatch(patch) };
}

export function toPublicSettings(
  stored: StoredSettings,
  rememberAvailability: ReturnType<PasswordVault['availability']>,
): PublicSettings {
  const canRemember = rememberAvailability.ok;
  return {
    ...stored,
    shortcuts: { ...stored.shortcuts },
    // Remembering is off wherever it cannot be done safely, whatever the stored choice says.
    rememberPassword: stored.rememberPassword && canRemember,
    canRememberPassword: canRemember,
    rememberUnavailableReason: rememberAvailability.ok ? null : rememberAvailability.reason,
  };
}
