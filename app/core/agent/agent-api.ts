// The agent core as the shell and the IPC handler table see it. Implemented by createAgent() in agent.ts.
import type {
  AppSnapshot,
  AuditEntry,
  EditableSettings,
  EventMap,
  PressProgress,
  PressRequest,
  PressSource,
  PublicSettings,
  SessionSnapshot,
  SignInRequest,
  SignInResult,
} from '../../ipc/contract.ts';
import type { AuditStore, CredentialStore, Notice, PasswordVault, SettingsStore, ShortcutRegistrar } from './ports.ts';

/** Events of the core: every renderer event, plus those only the shell consumes. */
export interface AgentEvents extends EventMap {
  notify: Notice;
  /** The show-window shortcut was pressed. */
  'show-window': null;
}

export interface Agent {
  snapshot(): AppSnapshot;
  /** Resume the stored session if the server still accepts it; false when there is none or it is dead. */
  resume(): Promise<boolean>;
  signIn(request: SignInRequest): Promise<SignInResult>;
  signOut(): Promise<SessionSnapshot>;
  press(request: PressRequest, source: PressSource): Promise<PressProgress>;
  /** Runs the button bound to shortcut slot `slot` (1-based) for the focused or newest active interaction. */
  pressSlot(slot: number): Promise<PressProgress | null>;
  cancelPending(pressId: string): boolean;
  updateSettings(patch: Partial<EditableSettings>): PublicSettings;
  auditLog(): AuditEntry[];
  /** The interaction the window shows as selected, so shortcuts act on it. */
  setFocusedInteraction(interactionId: string | null): void;
  on<E extends keyof AgentEvents>(event: E, listener: (payload: AgentEvents[E]) => void): () => void;
  /** Signs out (DELETE connection) and stops every timer; called on quit. */
  shutdown(): Promise<void>;
}

export interface AgentOptions {
  credentials: CredentialStore;
  passwords: PasswordVault;
  audit: AuditStore;
  settings: SettingsStore;
  shortcuts: ShortcutRegistrar;
  /** axios's fetch to use (Electron's net.fetch in the shell); Node's own HTTP stack when absent. */
  fetch?: typeof globalThis.fetch;
  /** Set when the app runs against its built-in simulator: the URL and a demo login. */
  demo?: { server: string; userId: string; password: string };
  /** Pending presses older than this are dropped, never sent late. Default 2 minutes. */
  pendingTtlMs?: number;
  now?: () => number;
}
