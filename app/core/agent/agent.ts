// The agent core: one live session, its interaction store and button catalog, the action runner, settings and
// shortcuts, assembled into the Agent the shell and the IPC handler table drive. Everything here runs in Node.
import type {
  AppSnapshot,
  ButtonsSnapshot,
  InteractionView,
  PressRequest,
  PressSource,
  SessionSnapshot,
  ShortcutAction,
  ShortcutStatus,
  SignInRequest,
  SignInResult,
} from '../../ipc/contract.ts';
import { createActionRunner } from '../actions/action-runner.ts';
import { createAuditLog } from '../actions/audit-log.ts';
import { createButtonCatalog, type CatalogButton } from '../buttons/button-catalog.ts';
import { appliesTo, buttonsFor, isEnabled, type MatchInteraction } from '../buttons/button-match.ts';
import { createIconCache } from '../buttons/button-icons.ts';
import { toButtonView } from '../buttons/button-view.ts';
import { createEmitter } from '../emitter.ts';
import { createIcwsClient, type IcwsClient } from '../icws/client.ts';
import { IcwsError, toUiError } from '../icws/errors.ts';
import { normaliseServerUrl } from '../icws/server-url.ts';
import { createInteractionStore } from '../interactions/interaction-store.ts';
import { interactionTypeCode, toInteractionView } from '../interactions/interaction-view.ts';
import { sortInteractions } from '../interactions/sort-interactions.ts';
import {
  BUTTONS_SUBSCRIPTION_ID,
  QUEUE_SUBSCRIPTION_ID,
  createLiveSession,
  type LiveSessionOptions,
} from '../session/live-session.ts';
import { applySettingsPatch, mergeSettings, toPublicSettings } from '../settings/settings.ts';
import { createShortcutManager } from '../shortcuts/shortcut-manager.ts';
import type { Agent, AgentEvents, AgentOptions } from './agent-api.ts';

/** Knobs tests turn; the app uses the defaults. */
export interface AgentTuning {
  client?: IcwsClient;
  backoff?: LiveSessionOptions['backoff'];
  pollIntervalMs?: number;
  stallMs?: number;
}

const NOT_SIGNED_IN = 'Not sent: you are signed out.';
/** A second press of the same shortcut within this is the key repeating, not the agent asking twice. */
const SHORTCUT_REPEAT_MS = 400;

const TYPE_NAMES: Record<InteractionView['type'], string> = {
  call: 'call',
  callback: 'callback request',
  chat: 'chat',
  email: 'email',
  generic: 'interaction',
  workitem: 'work item',
  directmessage: 'direct message',
  social: 'social conversation',
  unknown: 'interaction',
};

/** The Agent plus what support tooling (icws-agent watch) reads: the raw attributes behind each row. */
export interface AgentCore extends Agent {
  rawInteractions(): { id: string; attributes: Record<string, string> }[];
  /** Messages the session could not use, counted: unparseable or untyped, and refused by the caches. */
  diagnostics(): { malformedMessages: number; rejectedQueueMessages: number; rejectedButtonMessages: number };
}

export function createAgent(options: AgentOptions & AgentTuning): AgentCore {
  const now = options.now ?? Date.now;
  const events = createEmitter<AgentEvents>();
  const client = options.client ?? createIcwsClient(options.fetch ? { fetch: options.fetch } : {});
  const live = createLiveSession({
    client,
    credentials: options.credentials,
    now,
    ...(options.backoff ? { backoff: options.backoff } : {}),
    ...(options.pollIntervalMs === undefined ? {} : { pollIntervalMs: options.pollIntervalMs }),
    ...(options.stallMs === undefined ? {} : { stallMs: options.stallMs }),
  });
  const store = createInteractionStore({ subscriptionId: QUEUE_SUBSCRIPTION_ID });
  const catalog = createButtonCatalog({ subscriptionId: BUTTONS_SUBSCRIPTION_ID });
  const audit = createAuditLog(options.audit);
  let settings = mergeSettings(safeLoad(() => options.settings.load()));
  let focused: string | null = null;
  /** Why held presses are dropped when the session reaches signed-out. */
  let signOutReason = NOT_SIGNED_IN;
  let lastShortcuts = '';

  const runner = createActionRunner({
    client,
    live,
    audit,
    check,
    ready: () => ready(),
    now,
    ...(options.pendingTtlMs === undefined ? {} : { pendingTtlMs: options.pendingTtlMs }),
  });
  const shortcuts = createShortcutManager(options.shortcuts, onShortcut);
  const icons = createIconCache(client.http, () => events.emit('buttons:changed', buttonsSnapshot()));

  // --- derived views -------------------------------------------------------------------------------------

  function matchOf(view: InteractionView): MatchInteraction {
    return { typeCode: interactionTypeCode(view.type), active: view.active };
  }

  function enabledButtons(): CatalogButton[] {
    return catalog.buttons().filter(isEnabled);
  }

  // The list is derived once per change, not per reader, and row by row: a delta rebuilds only the rows
  // it touched; a snapshot or a catalog change rebuilds them all.
  let derived: InteractionView[] | null = null;
  const rows = new Map<string, InteractionView>();
  function invalidate(ids?: readonly string[]) {
    derived = null;
    if (ids) for (const id of ids) rows.delete(id);
    else rows.clear();
  }

  function interactions(): InteractionView[] {
    derived ??= derive();
    return derived;
  }

  function derive(): InteractionView[] {
    const buttons = enabledButtons();
    const views: InteractionView[] = [];
    for (const id of store.ids()) {
      let row = rows.get(id);
      if (!row) {
        const view = toInteractionView(id, store.get(id) ?? {}, []);
        row = { ...view, buttons: buttonsFor(buttons, matchOf(view), 1) };
        rows.set(id, row);
      }
      views.push(row);
    }
    return sortInteractions(views);
  }

  /**
   * Shortcuts act on the selected interaction; with none selected, on the newest active one (by start time);
   * with none of those, on no interaction. A selection that has left the list targets nothing at all, so a
   * shortcut never lands on a caller the agent did not choose.
   */
  function shortcutTarget(): InteractionView | null | 'gone' {
    const views = interactions();
    if (focused !== null) return views.find((view) => view.id === focused) ?? 'gone';
    let newest: InteractionView | null = null;
    for (const view of views) {
      if (view.active && (newest === null || (view.startedAt ?? -Infinity) > (newest.startedAt ?? -Infinity))) newest = view;
    }
    return newest;
  }

  function slotButtons(): string[] {
    const target = shortcutTarget();
    if (target === 'gone') return [];
    return target ? target.buttons : buttonsFor(enabledButtons(), null, 0);
  }

  function buttonsSnapshot(): ButtonsSnapshot {
    const slots = slotButtons();
    const acceleratorOf = new Map<string, string>();
    // A hint only for an accelerator that is really ours: a taken one would promise a key that does nothing.
    for (const status of shortcuts.statuses()) {
      const id = status.registered && status.action.kind === 'button-slot' ? slots[status.action.slot - 1] : undefined;
      if (id && !acceleratorOf.has(id)) acceleratorOf.set(id, status.accelerator);
    }
    return {
      all: enabledButtons().map((button) =>
        toButtonView(button, settings.language, acceleratorOf.get(button.id) ?? null, icons.resolve(button.iconUri, live.status().server)),
      ),
      none: buttonsFor(enabledButtons(), null, 0),
    };
  }

  function sessionSnapshot(): SessionSnapshot {
    const status = live.status();
    return {
      ...status,
      demo: options.demo !== undefined && status.server === options.demo.server,
      // The list is the agent's own only while up and after the latest subscription's snapshot was accepted.
      stale: status.state !== 'up' || store.isStale(),
    };
  }

  const ready = () => live.session() !== null && !store.isStale();

  function publicSettings() {
    return toPublicSettings(settings, options.passwords.availability());
  }

  function snapshot(): AppSnapshot {
    return {
      session: sessionSnapshot(),
      interactions: interactions(),
      buttons: buttonsSnapshot(),
      pending: runner.pending(),
      shortcuts: shortcuts.statuses(),
      settings: publicSettings(),
    };
  }

  // --- change propagation --------------------------------------------------------------------------------

  let lastSession = '';
  /** session:changed whenever what the agent sees of the session changed, and only then. */
  function emitSession() {
    const session = sessionSnapshot();
    const serialised = JSON.stringify(session);
    if (serialised === lastSession) return;
    lastSession = serialised;
    events.emit('session:changed', session);
  }

  function emitShortcuts(statuses: ShortcutStatus[]) {
    const serialised = JSON.stringify(statuses);
    if (serialised === lastShortcuts) return;
    lastShortcuts = serialised;
    events.emit('shortcuts:changed', statuses);
  }

  /** Shortcuts are held while a session is live or coming back; signed out, the keyboard is the OS's again. */
  function refreshShortcuts() {
    const { state } = live.status();
    if (state !== 'up' && state !== 'reconnecting' && state !== 'expired') return;
    emitShortcuts(shortcuts.apply(settings.shortcuts, (slot) => slotButtons()[slot - 1] ?? null));
  }

  function emitLists() {
    events.emit('interactions:changed', interactions());
    events.emit('buttons:changed', buttonsSnapshot());
    refreshShortcuts();
  }

  live.on('status', () => {
    const session = sessionSnapshot();
    // Signed out, by the agent or the server: nothing of that session may act later, from a key or a held press.
    if (session.state === 'signed-out-by-server') clearSession('Not sent: the server signed you out.');
    if (session.state === 'signed-out') clearSession(signOutReason);
    emitSession();
    if (ready()) void runner.flush();
  });

  live.on('subscribing', () => {
    store.markStale(true);
    emitSession();
  });

  live.on('relogin-required', ({ reason }) => {
    const { server, userId } = live.status();
    events.emit('relogin:required', { server: server ?? '', userId: userId ?? '', reason, pending: runner.pending() });
  });

  live.on('queue', (message) => {
    const result = store.apply(message);
    // A message of ours that could not be used may have carried a change: ask for a fresh snapshot.
    if (!result.ok) {
      emitSession();
      return live.resubscribe();
    }
    invalidate(result.snapshot ? undefined : [...result.added, ...result.updated, ...result.removed]);
    if (!result.snapshot && settings.notifications) notifyAlerting(result.added);
    emitLists();
    if (!result.snapshot) return;
    live.snapshotArrived();
    emitSession();
    if (ready()) void runner.flush();
  });

  live.on('buttons-listed', (items) => {
    if (catalog.replaceAll(items).ok) {
      invalidate();
      emitLists();
    }
  });

  live.on('buttons', (message) => {
    if (!catalog.apply(message).ok) return live.resubscribe();
    invalidate();
    emitLists();
  });

  runner.on('progress', (progress) => events.emit('press:progress', progress));
  runner.on('pending', (pending) => events.emit('pending:changed', pending));

  function notifyAlerting(addedIds: string[]) {
    for (const id of addedIds) {
      const attributes = store.get(id);
      if (!attributes) continue;
      const view = toInteractionView(id, attributes, []);
      if (!view.alerting) continue;
      const who = [view.remoteName, view.remoteAddress].filter((part) => part !== '').join(' · ') || 'Unknown party';
      events.emit('notify', { title: `Incoming ${TYPE_NAMES[view.type]}`, body: who, interactionId: id });
    }
  }

  // --- presses ------------------------------------------------------------------------------------------

  function check(request: PressRequest) {
    const button = catalog.get(request.buttonId);
    if (!button || !isEnabled(button)) {
      throw new IcwsError('validation', `The button "${request.buttonId.slice(0, 64)}" is not configured on this server.`);
    }
    const label = toButtonView(button, settings.language, null).label;
    if (request.interactionId !== undefined) {
      const attributes = store.get(request.interactionId);
      if (!attributes) throw new IcwsError('validation', 'That interaction is no longer in your list.');
      if (!appliesTo(button, 1, matchOf(toInteractionView(request.interactionId, attributes, [])))) {
        throw new IcwsError('validation', `${label} does not apply to this interaction.`);
      }
    } else if (!appliesTo(button, 0, null)) {
      throw new IcwsError('validation', `${label} needs an interaction to be selected.`);
    }
    return { buttonId: button.id, buttonLabel: label };
  }

  function press(request: PressRequest, source: PressSource) {
    return runner.press(request, source);
  }

  let lastShortcut = { key: '', at: -Infinity };

  async function pressSlot(slot: number) {
    const buttonId = slotButtons()[slot - 1];
    const target = shortcutTarget();
    if (!buttonId || target === 'gone') return null;
    // A held-down key repeats; the handler action is not idempotent, so a repeat is not a second press.
    const key = `${buttonId}\u0000${target?.id ?? ''}`;
    if (key === lastShortcut.key && now() - lastShortcut.at < SHORTCUT_REPEAT_MS) return null;
    lastShortcut = { key, at: now() };
    return runner.press({ buttonId, ...(target ? { interactionId: target.id } : {}) }, 'shortcut');
  }

  function onShortcut(action: ShortcutAction) {
    if (action.kind === 'show-window') events.emit('show-window', null);
    else void pressSlot(action.slot);
  }

  // --- session ------------------------------------------------------------------------------------------

  async function signIn(request: SignInRequest): Promise<SignInResult> {
    const demo = options.demo !== undefined && request.server === options.demo.server;
    try {
      await live.signIn({
        server: request.server,
        userId: request.userId,
        password: request.password,
        applicationName: request.applicationName ?? settings.applicationName,
        language: request.language ?? settings.language,
        station: request.station,
      }, { persist: !demo });
    } catch (error) {
      return { ok: false, error: toUiError(error) };
    }
    // Signed in: what follows is remembering, and a store that fails must not undo the sign-in.
    try {
      const vault = options.passwords;
      const key = vaultKey(request.server, request.userId);
      if (request.remember && vault.availability().ok) await vault.save(key.server, key.userId, request.password);
      else if (request.remember === false) await vault.clear();
      // The demo server is not the agent's server: remembering it would skip demo mode next launch.
      if (!demo) {
        saveSettings({
          ...settings,
          server: request.server,
          userId: request.userId,
          station: request.station ?? null,
          rememberPassword: request.remember ?? settings.rememberPassword,
        });
      }
    } catch {
      // Nothing remembered this time; the session itself is fine.
    }
    refreshShortcuts();
    return { ok: true, session: sessionSnapshot() };
  }

  async function resume(): Promise<boolean> {
    if (await live.resume()) {
      refreshShortcuts();
      return true;
    }
    const { server, userId } = settings;
    if (settings.rememberPassword && server && userId && options.passwords.availability().ok) {
      const key = vaultKey(server, userId);
      const password = await options.passwords.load(key.server, key.userId).catch(() => null);
      if (password && (await signIn({ server, userId, password })).ok) return true;
    }
    if (options.demo && !settings.server) {
      return (await signIn({ server: options.demo.server, userId: options.demo.userId, password: options.demo.password })).ok;
    }
    return false;
  }

  /** Forgets everything of the session here: held presses, shortcuts, the list and the catalog. */
  function clearSession(reason: string) {
    runner.dropAll(reason);
    shortcuts.unregisterAll();
    emitShortcuts(shortcuts.statuses());
    store.clear();
    catalog.clear();
    icons.clear();
    invalidate();
    focused = null;
    emitLists();
  }

  async function signOut(reason = 'Not sent: you signed out.'): Promise<SessionSnapshot> {
    signOutReason = reason;
    try {
      await live.signOut();
    } finally {
      signOutReason = NOT_SIGNED_IN;
    }
    return sessionSnapshot();
  }

  function saveSettings(next: typeof settings) {
    settings = next;
    options.settings.save(settings);
    events.emit('settings:changed', publicSettings());
  }

  return {
    snapshot,
    resume,
    signIn,
    signOut: () => signOut(),
    press,
    pressSlot,
    cancelPending: (pressId) => runner.cancel(pressId),
    updateSettings(patch) {
      const next = applySettingsPatch(settings, patch);
      if (!next.rememberPassword && settings.rememberPassword) void options.passwords.clear();
      saveSettings(next);
      emitLists();
      return publicSettings();
    },
    auditLog: () => audit.entries(),
    rawInteractions: () => store.all(),
    diagnostics: () => ({
      malformedMessages: live.malformedCount,
      rejectedQueueMessages: store.stats().rejected,
      rejectedButtonMessages: catalog.stats().rejected,
    }),
    setFocusedInteraction(interactionId) {
      focused = interactionId;
      events.emit('buttons:changed', buttonsSnapshot());
      refreshShortcuts();
    },
    on: events.on,
    shutdown: async () => {
      await signOut('Not sent: the app was closed.');
    },
  };
}

/** The vault's key for a login as the agent typed it, so saving and loading always agree. */
function vaultKey(server: string, userId: string): { server: string; userId: string } {
  let normalised = server.trim();
  try {
    normalised = normaliseServerUrl(server);
  } catch {
    // An address that does not parse is used as typed; it cannot sign in anyway.
  }
  return { server: normalised.toLowerCase(), userId: userId.trim().toLowerCase() };
}

function safeLoad<T extends object>(load: () => T): Partial<T> {
  try {
    return load();
  } catch {
    return {};
  }
}
