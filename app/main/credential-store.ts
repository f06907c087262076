// Session credentials and remembered passwords, sealed with safeStorage before they reach electron-store.
// Where the OS offers no real keyring, nothing secret is written at all: the session lives in memory only and
// passwords are not remembered, and the vault says why in words the agent can read.
import type { SafeStorage } from 'electron';
import type { CredentialStore, PasswordVault, SessionCredentials } from '../core/agent/ports.ts';
import { isPlainObject } from '../core/agent/validate.ts';

/** The part of electron-store (or conf) the stores use. */
export interface KeyValueStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  delete(key: string): void;
}

export type SafeStorageLike = Pick<
  SafeStorage,
  'isAsyncEncryptionAvailable' | 'encryptStringAsync' | 'decryptStringAsync' | 'getSelectedStorageBackend'
>;

export type KeyringStatus = ReturnType<PasswordVault['availability']>;

export const SESSION_KEY = 'session';
export const PASSWORD_KEY = 'password';

/** Call after app ready (before it Linux reports the backend as unknown). */
export async function keyringStatus(safeStorage: SafeStorageLike, platform: NodeJS.Platform): Promise<KeyringStatus> {
  if (!(await safeStorage.isAsyncEncryptionAvailable())) {
    return { ok: false, reason: "The operating system's secure storage is not available, so nothing secret is saved on this computer." };
  }
  if (platform === 'linux') {
    const backend = safeStorage.getSelectedStorageBackend();
    // basic_text "encrypts" with a fixed key: as good as plain text on disk.
    if (backend === 'basic_text') {
      return { ok: false, reason: 'No system keyring (such as GNOME Keyring or KWallet) is running, so your password cannot be remembered safely on this computer.' };
    }
    if (backend === 'unknown') {
      return { ok: false, reason: 'The system keyring could not be identified, so your password is not remembered on this computer.' };
    }
  }
  return { ok: true };
}

async function seal(safeStorage: SafeStorageLike, value: unknown): Promise<string> {
  return (await safeStorage.encryptStringAsync(JSON.stringify(value))).toString('base64');
}

async function unseal(safeStorage: SafeStorageLike, sealed: unknown): Promise<{ value: unknown; reseal: boolean } | null> {
  if (typeof sealed !== 'string') return null;
  try {
    const { result, shouldReEncrypt } = await safeStorage.decryptStringAsync(Buffer.from(sealed, 'base64'));
    return { value: JSON.parse(result), reseal: shouldReEncrypt };
  } catch {
    return null; // another machine's or user's key, or a damaged file: as good as nothing stored
  }
}

/**
 * What is sealed under `key`, when it opens and has the expected shape; re-sealed on the way when safeStorage
 * says the key it was sealed with has been rotated, so the next load still opens it.
 */
async function openSealed<T>(
  store: KeyValueStore,
  safeStorage: SafeStorageLike,
  key: string,
  isValid: (value: unknown) => value is T,
): Promise<T | null> {
  const opened = await unseal(safeStorage, store.get(key));
  if (!opened || !isValid(opened.value)) return null;
  if (opened.reseal) store.set(key, await seal(safeStorage, opened.value));
  return opened.value;
}

interface StoredPassword {
  server: string;
  userId: string;
  password: string;
}

function isStoredPassword(value: unknown): value is StoredPassword {
  return isPlainObject(value) && typeof value.server === 'string' && typeof value.userId === 'string' && typeof value.password === 'string';
}

function isCredentials(value: unknown): value is SessionCredentials {
  if (!isPlainObject(value)) return false;
  const strings = ['server', 'userId', 'sessionId', 'csrfToken', 'cookie', 'language', 'applicationName'];
  return strings.every((key) => typeof value[key] === 'string') && Array.isArray(value.features) && Array.isArray(value.alternateHosts);
}

export function createCredentialStore(store: KeyValueStore, safeStorage: SafeStorageLike, keyring: KeyringStatus): CredentialStore {
  let inMemory: SessionCredentials | null = null;
  // Anything left on disk from a time the keyring worked is unreadable without it: remove it.
  if (!keyring.ok) store.delete(SESSION_KEY);
  return {
    async load() {
      if (!keyring.ok) return inMemory;
      const stored = await openSealed(store, safeStorage, SESSION_KEY, isCredentials);
      if (!stored) store.delete(SESSION_KEY);
      return stored;
    },
    async save(credentials) {
      if (!keyring.ok) {
        inMemory = structuredClone(credentials);
        return;
      }
      store.set(SESSION_KEY, await seal(safeStorage, credentials));
    },
    async clear() {
      inMemory = null;
      store.delete(SESSION_KEY);
    },
  };
}

export function createPasswordVault(store: KeyValueStore, safeStorage: SafeStorageLike, keyring: KeyringStatus): PasswordVault {
  if (!keyring.ok) store.delete(PASSWORD_KEY);
  return {
    availability: () => keyring,
    async load(server, userId) {
      if (!keyring.ok) return null;
      const stored = await openSealed(store, safeStorage, PASSWORD_KEY, isStoredPassword);
      return stored && stored.server === server && stored.userId === userId ? stored.password : null;
    },
    async save(server, userId, password) {
      // Refused, not kept in memory: the core asks only when the agent chose "remember me".
      if (!keyring.ok) return;
      store.set(PASSWORD_KEY, await seal(safeStorage, { server, userId, password }));
    },
    async clear() {
      store.delete(PASSWORD_KEY);
    },
  };
}
