// The renderer's one source of truth: the last snapshot from the core, patched by its events, plus the little
// that is the window's own (selection, press results, the open re-login request).
import type {
  AppSnapshot,
  ButtonsSnapshot,
  InteractionView,
  PendingPress,
  PressProgress,
  PublicSettings,
  ReloginRequest,
  SessionSnapshot,
  ShortcutStatus,
} from '../../app/ipc/contract.ts';

export interface UiState {
  /** False until the first snapshot arrives; views show nothing misleading before it. */
  ready: boolean;
  session: SessionSnapshot;
  interactions: InteractionView[];
  /** Same interactions by id, rebuilt whenever the list changes. */
  interactionsById: ReadonlyMap<string, InteractionView>;
  buttons: ButtonsSnapshot;
  pending: PendingPress[];
  shortcuts: ShortcutStatus[];
  settings: PublicSettings;
  selectedId: string | null;
  /** The latest progress of each press this window has seen, newest last. */
  presses: PressProgress[];
  /** Set while the re-login dialog is wanted; cleared when the session is up again or signed out. */
  relogin: ReloginRequest | null;
}

export type Listener = (state: UiState, previous: UiState) => void;

export interface Store {
  get(): UiState;
  update(patch: Partial<UiState>): void;
  subscribe(listener: Listener): () => void;
}

const MAX_PRESSES = 50;

export function emptyState(): UiState {
  return {
    ready: false,
    session: {
      state: 'signed-out',
      server: null,
      userId: null,
      userDisplayName: null,
      demo: false,
      reason: null,
      nextAttemptAt: null,
      stale: false,
    },
    interactions: [],
    interactionsById: new Map(),
    buttons: { all: [], none: [] },
    pending: [],
    shortcuts: [],
    settings: {
      server: null,
      userId: null,
      applicationName: '',
      language: '',
      station: null,
      startHidden: false,
      notifications: true,
      rememberPassword: false,
      canRememberPassword: false,
      rememberUnavailableReason: null,
      shortcuts: {},
    },
    selectedId: null,
    presses: [],
    relogin: null,
  };
}

export function createStore(initial: UiState = emptyState()): Store {
  let state = initial;
  const listeners = new Set<Listener>();
  return {
    get: () => state,
    update(patch) {
      const previous = state;
      state = { ...state, ...patch };
      if (patch.interactions && !patch.interactionsById) {
        state.interactionsById = new Map(patch.interactions.map((interaction) => [interaction.id, interaction]));
      }
      // A selection that no longer exists is dropped rather than moved, so a shortcut never lands on a
      // different interaction than the one the agent picked.
      if (state.selectedId !== null && !state.interactionsById.has(state.selectedId)) state.selectedId = null;
      for (const listener of listeners) listener(state, previous);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export function fromSnapshot(snapshot: AppSnapshot): Partial<UiState> {
  return {
    ready: true,
    session: snapshot.session,
    interactions: snapshot.interactions,
    buttons: snapshot.buttons,
    pending: snapshot.pending,
    shortcuts: snapshot.shortcuts,
    settings: snapshot.settings,
  };
}

/** Records a press's latest phase, replacing its earlier one. */
export function withPress(presses: PressProgress[], progress: PressProgress): PressProgress[] {
  const rest = presses.filter((press) => press.pressId !== progress.pressId);
  rest.push(progress);
  return rest.length > MAX_PRESSES ? rest.slice(-MAX_PRESSES) : rest;
}

export function selectedInteraction(state: UiState): InteractionView | null {
  return state.selectedId === null ? null : (state.interactionsById.get(state.selectedId) ?? null);
}

/** The signed-in view is shown while a session exists or is being recovered; otherwise the sign-in form. */
export function showsSignedIn(state: UiState): boolean {
  const s = state.session.state;
  return s === 'up' || s === 'reconnecting' || s === 'expired' || (s === 'signing-in' && state.relogin !== null);
}
