// The one list of IPC channels between the renderer and the main process. Types only.
// Nothing here may carry the CSRF token, the session cookie or the password back to the renderer:
// the only secret that ever crosses is the password the agent types, going in (SignInRequest).

export type SessionState =
  | 'signed-out'
  | 'signing-in'
  | 'up'
  | 'expired'
  | 'reconnecting'
  | 'signed-out-by-server';

/** An error as a person sees it: every failed call becomes one of these. */
export interface UiError {
  kind: 'http' | 'network' | 'validation' | 'unsupported' | 'expired' | 'cancelled';
  /** HTTP status when the server answered. */
  status: number | null;
  errorId: string | null;
  message: string;
  /** True only when sending the same request again cannot run a handler twice. */
  retrySafe: boolean;
}

export interface SessionSnapshot {
  state: SessionState;
  server: string | null;
  userId: string | null;
  userDisplayName: string | null;
  /** True when the app runs against its built-in simulator. */
  demo: boolean;
  /** Why the session is expired, reconnecting or signed out, in words. */
  reason: string | null;
  /** While reconnecting: when the next attempt starts (epoch ms). */
  nextAttemptAt: number | null;
  /** The interaction list may be out of date (reconnecting, or not yet resynchronised). */
  stale: boolean;
}

export type InteractionType =
  | 'call'
  | 'callback'
  | 'chat'
  | 'email'
  | 'generic'
  | 'workitem'
  | 'directmessage'
  | 'social'
  | 'unknown';

export type InteractionStateName =
  | 'alerting'
  | 'connected'
  | 'held'
  | 'messaging'
  | 'offering'
  | 'parked'
  | 'proceeding'
  | 'suspended'
  | 'system'
  | 'disconnected'
  | 'none';

export interface InteractionView {
  id: string;
  type: InteractionType;
  /** The raw Eic_ObjectType, for display when the type is unknown. */
  objectType: string;
  remoteName: string;
  remoteAddress: string;
  state: InteractionStateName;
  /** Eic_CallStateString when the server gives one, else a text derived from the state. */
  stateText: string;
  direction: 'inbound' | 'outbound' | 'unknown';
  /** Eic_InitiationTime as epoch ms, when known. */
  startedAt: number | null;
  muted: boolean;
  held: boolean;
  /** Not disconnected (Eic_State is not I or E). */
  active: boolean;
  alerting: boolean;
  /** IDs of the client buttons that apply to this interaction when it is selected, in catalog order. */
  buttons: string[];
}

export interface ButtonView {
  id: string;
  label: string;
  tooltip: string;
  iconUri: string | null;
  /** Accelerator bound to this button right now, if any (e.g. "CommandOrControl+Alt+1"). */
  shortcut: string | null;
}

export interface ButtonsSnapshot {
  /** Every enabled button of the catalog, in server order. */
  all: ButtonView[];
  /** IDs of buttons that apply with no interaction selected. */
  none: string[];
}

export type PressSource = 'click' | 'shortcut' | 'tray';

export interface PressRequest {
  buttonId: string;
  interactionId?: string;
}

export type PressPhase = 'sending' | 'pending' | 'succeeded' | 'failed' | 'cancelled' | 'dropped';

export interface PressProgress {
  pressId: string;
  buttonId: string;
  buttonLabel: string;
  interactionId: string | null;
  source: PressSource;
  phase: PressPhase;
  /** Set when phase is failed, dropped or cancelled. */
  error: UiError | null;
  at: number;
}

/** A press held while the session is expired; it runs once after re-login unless cancelled or too old. */
export interface PendingPress {
  pressId: string;
  buttonId: string;
  buttonLabel: string;
  interactionId: string | null;
  source: PressSource;
  queuedAt: number;
  expiresAt: number;
}

export interface AuditEntry {
  at: number;
  pressId: string;
  buttonId: string;
  interactionId: string | null;
  source: PressSource;
  result: 'succeeded' | 'failed' | 'cancelled' | 'dropped';
  status: number | null;
  errorId: string | null;
  message: string;
}

export interface ReloginRequest {
  server: string;
  userId: string;
  reason: string;
  pending: PendingPress[];
}

export type ShortcutAction = { kind: 'button-slot'; slot: number } | { kind: 'show-window' };

export interface ShortcutStatus {
  accelerator: string;
  action: ShortcutAction;
  /** The button a slot currently targets, if any. */
  buttonId: string | null;
  registered: boolean;
  /** Another application holds this accelerator. */
  conflict: boolean;
  error: string | null;
}

export interface SignInRequest {
  server: string;
  userId: string;
  password: string;
  station?: string;
  applicationName?: string;
  language?: string;
  remember?: boolean;
}

export interface PublicSettings {
  server: string | null;
  userId: string | null;
  applicationName: string;
  language: string;
  station: string | null;
  startHidden: boolean;
  notifications: boolean;
  rememberPassword: boolean;
  /** False when the OS offers no real keyring (e.g. Linux basic_text), so passwords are never remembered. */
  canRememberPassword: boolean;
  /** Why remembering is impossible, in words, when it is. */
  rememberUnavailableReason: string | null;
  shortcuts: Record<string, ShortcutAction>;
}

export type EditableSettings = Pick<
  PublicSettings,
  'startHidden' | 'notifications' | 'rememberPassword' | 'shortcuts' | 'language' | 'applicationName'
>;

export interface AppSnapshot {
  session: SessionSnapshot;
  interactions: InteractionView[];
  buttons: ButtonsSnapshot;
  pending: PendingPress[];
  shortcuts: ShortcutStatus[];
  settings: PublicSettings;
}

export type SignInResult = { ok: true; session: SessionSnapshot } | { ok: false; error: UiError };

/** Renderer asks, main answers. */
export interface InvokeMap {
  'app:snapshot': { args: []; result: AppSnapshot };
  'session:sign-in': { args: [SignInRequest]; result: SignInResult };
  'session:sign-out': { args: []; result: SessionSnapshot };
  'press:run': { args: [PressRequest]; result: PressProgress };
  'press:cancel': { args: [pressId: string]; result: boolean };
  'settings:set': { args: [Partial<EditableSettings>]; result: PublicSettings };
  'audit:list': { args: []; result: AuditEntry[] };
  /** The row the agent has selected, so shortcuts act on it. */
  'selection:set': { args: [interactionId: string | null]; result: null };
}

/** Main tells the renderer. */
export interface EventMap {
  'session:changed': SessionSnapshot;
  'interactions:changed': InteractionView[];
  'buttons:changed': ButtonsSnapshot;
  'press:progress': PressProgress;
  'pending:changed': PendingPress[];
  'relogin:required': ReloginRequest;
  'shortcuts:changed': ShortcutStatus[];
  'settings:changed': PublicSettings;
  /** A notification was clicked: show this interaction. */
  'interaction:focus': { interactionId: string };
}

export type InvokeChannel = keyof InvokeMap;
export type EventChannel = keyof EventMap;

/** What the preload exposes as window.agent; derived, never written by hand. */
export interface AgentApi {
  invoke<C extends InvokeChannel>(channel: C, ...args: InvokeMap[C]['args']): Promise<InvokeMap[C]['result']>;
  on<C extends EventChannel>(channel: C, listener: (payload: EventMap[C]) => void): () => void;
}
