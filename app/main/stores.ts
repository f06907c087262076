// Settings, audit log and window bounds over electron-store. None of them holds a secret; whatever is read
// back is checked, because the files are the agent's to edit or break.
import type { Rectangle } from 'electron';
import type { AuditEntry } from '../ipc/contract.ts';
import type { AuditStore, SettingsStore } from '../core/agent/ports.ts';
import { isPlainObject } from '../core/agent/validate.ts';
import { sanitizeStoredSettings } from '../core/settings/settings.ts';
import type { KeyValueStore } from './credential-store.ts';

export const SETTINGS_KEY = 'settings';
export const WINDOW_KEY = 'window';
export const AUDIT_KEY = 'entries';
export const AUDIT_LIMIT = 500;

const shortcutAction = {
  type: 'object',
  required: ['kind'],
  properties: { kind: { enum: ['button-slot', 'show-window'] }, slot: { type: 'integer', minimum: 1 } },
};

/** electron-store's schema for the settings file: types only; settings.ts has the finer rules. */
export const SETTINGS_SCHEMA = {
  [SETTINGS_KEY]: {
    type: 'object',
    properties: {
      server: { type: ['string', 'null'], maxLength: 2048 },
      userId: { type: ['string', 'null'], maxLength: 256 },
      applicationName: { type: 'string', maxLength: 128 },
      language: { type: 'string', maxLength: 35 },
      station: { type: ['string', 'null'], maxLength: 256 },
      startHidden: { type: 'boolean' },
      notifications: { type: 'boolean' },
      rememberPassword: { type: 'boolean' },
      shortcuts: { type: 'object', additionalProperties: shortcutAction },
    },
  },
  [WINDOW_KEY]: {
    type: 'object',
    required: ['x', 'y', 'width', 'height'],
    properties: { x: { type: 'integer' }, y: { type: 'integer' }, width: { type: 'integer', minimum: 1 }, height: { type: 'integer', minimum: 1 } },
  },
} as const;

export function createSettingsStore(store: KeyValueStore): SettingsStore {
  return {
    load: () => sanitizeStoredSettings(store.get(SETTINGS_KEY)),
    save: (settings) => store.set(SETTINGS_KEY, settings),
  };
}

function isAuditEntry(value: unknown): value is AuditEntry {
  return (
    isPlainObject(value) &&
    typeof value.at === 'number' &&
    typeof value.pressId === 'string' &&
    typeof value.buttonId === 'string' &&
    typeof value.result === 'string' &&
    typeof value.message === 'string'
  );
}

export function createAuditStore(store: KeyValueStore, limit = AUDIT_LIMIT): AuditStore {
  return {
    load() {
      const raw = store.get(AUDIT_KEY);
      return Array.isArray(raw) ? raw.filter(isAuditEntry).slice(-limit) : [];
    },
    save: (entries) => store.set(AUDIT_KEY, entries.slice(-limit)),
  };
}

export interface WindowStateStore {
  load(): Rectangle | null;
  save(bounds: Rectangle): void;
}

export function createWindowStateStore(store: KeyValueStore): WindowStateStore {
  return {
    load() {
      const raw = store.get(WINDOW_KEY);
      if (!isPlainObject(raw)) return null;
      const { x, y, width, height } = raw;
      const ints = [x, y, width, height].every((n) => Number.isInteger(n));
      return ints && (width as number) > 0 && (height as number) > 0
        ? { x: x as number, y: y as number, width: width as number, height: height as number }
        : null;
    },
    save: ({ x, y, width, height }) => store.set(WINDOW_KEY, { x, y, width, height }),
  };
}
