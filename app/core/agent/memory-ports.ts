// In-memory implementations of the core's ports, for the CLI and the browser e2e suite: real behaviour,
// nothing persisted, and no password ever remembered.
import type { AuditEntry } from '../../ipc/contract.ts';
import type {
  AuditStore,
  CredentialStore,
  PasswordVault,
  SessionCredentials,
  SettingsStore,
  ShortcutRegistrar,
  StoredSettings,
} from './ports.ts';

export interface MemoryShortcutRegistrar extends ShortcutRegistrar {
  /** Accelerators held right now. */
  registered(): string[];
  /** Runs the accelerator's callback, as the OS would on a key press; false when it is not registered. */
  trigger(accelerator: string): boolean;
  /** Accelerators "another application" holds: registering them fails. */
  taken: Set<string>;
}

export function createMemoryShortcutRegistrar(): MemoryShortcutRegistrar {
  const callbacks = new Map<string, () => void>();
  const taken = new Set<string>();
  return {
    taken,
    register(accelerator, onPress) {
      if (taken.has(accelerator)) return false;
      callbacks.set(accelerator, onPress);
      return true;
    },
    unregister: (accelerator) => void callbacks.delete(accelerator),
    unregisterAll: () => callbacks.clear(),
    registered: () => [...callbacks.keys()],
    trigger(accelerator) {
      const callback = callbacks.get(accelerator);
      callback?.();
      return callback !== undefined;
    },
  };
}

export function createMemoryPorts(initialSettings: Partial<StoredSettings> = {}) {
  let credentials: SessionCredentials | null = null;
  let audit: AuditEntry[] = [];
  let settings: Partial<StoredSettings> = { ...initialSettings };
  const credentialStore: CredentialStore = {
    load: async () => credentials,
    save: async (value) => void (credentials = structuredClone(value)),
    clear: async () => void (credentials = null),
  };
  const passwords: PasswordVault = {
    availability: () => ({ ok: false, reason: 'This session keeps nothing on disk, so passwords are not remembered.' }),
    load: async () => null,
    save: async () => undefined,
    clear: async () => undefined,
  };
  const auditStore: AuditStore = { load: () => audit, save: (entries) => void (audit = [...entries]) };
  const settingsStore: SettingsStore = { load: () => settings, save: (value) => void (settings = structuredClone(value)) };
  return {
    credentials: credentialStore,
    passwords,
    audit: auditStore,
    settings: settingsStore,
    shortcuts: createMemoryShortcutRegistrar(),
  };
}
