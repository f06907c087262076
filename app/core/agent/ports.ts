// What the core needs from its host. The Electron shell implements these with electron-store and
// safeStorage; tests and the CLI use the in-memory versions in memory-ports.ts.
import type { AuditEntry, PublicSettings } from '../../ipc/contract.ts';
import type { Feature } from '../icws/wire-types.ts';

/** Everything needed to resume a live session without the password. Secret: main process only. */
export interface SessionCredentials {
  server: string;
  userId: string;
  userDisplayName: string | null;
  sessionId: string;
  csrfToken: string;
  /** `icws_<sessionId>=<value>`, exactly what goes in the Cookie header. */
  cookie: string;
  features: Feature[];
  alternateHosts: string[];
  language: string;
  applicationName: string;
  savedAt: number;
}

export interface CredentialStore {
  load(): Promise<SessionCredentials | null>;
  save(credentials: SessionCredentials): Promise<void>;
  clear(): Promise<void>;
}

/** Remembers a password only where the OS has a real keyring. */
export interface PasswordVault {
  availability(): { ok: true } | { ok: false; reason: string };
  load(server: string, userId: string): Promise<string | null>;
  save(server: string, userId: string, password: string): Promise<void>;
  clear(): Promise<void>;
}

export interface AuditStore {
  load(): AuditEntry[];
  save(entries: AuditEntry[]): void;
}

export type StoredSettings = Omit<PublicSettings, 'canRememberPassword' | 'rememberUnavailableReason'>;

export interface SettingsStore {
  load(): Partial<StoredSettings>;
  save(settings: StoredSettings): void;
}

/** Registers global accelerators (Electron's globalShortcut in the shell). */
export interface ShortcutRegistrar {
  /** False when the accelerator is taken by another application. Throws on an invalid accelerator. */
  register(accelerator: string, onPress: () => void): boolean;
  unregister(accelerator: string): void;
  unregisterAll(): void;
}

/** A desktop notification the shell shows; clicking it focuses the window on the interaction. */
export interface Notice {
  title: string;
  body: string;
  interactionId: string;
}
