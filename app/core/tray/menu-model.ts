// The tray's context menu, icon state and tooltip as plain data, so what the tray offers in each session
// state is decided (and tested) here; the shell only turns it into an Electron Menu.
import type { AppSnapshot, InteractionView, SessionSnapshot } from '../../ipc/contract.ts';

export type TrayIconState = 'signed-in' | 'expired' | 'reconnecting' | 'signed-out';

export type TrayCommand =
  | { kind: 'show-window' }
  | { kind: 'hide-window' }
  | { kind: 'focus-interaction'; interactionId: string }
  | { kind: 'press'; buttonId: string; interactionId: string }
  /** Opens the window on its sign-in form (or the re-login dialog when expired). */
  | { kind: 'sign-in' }
  | { kind: 'sign-out' }
  | { kind: 'set-start-at-login'; enabled: boolean }
  | { kind: 'quit' }
  | { kind: 'none' };

export interface TrayMenuItem {
  id: string;
  label: string;
  enabled: boolean;
  type?: 'normal' | 'separator' | 'checkbox' | 'submenu';
  checked?: boolean;
  submenu?: TrayMenuItem[];
  command: TrayCommand;
}

export interface TrayMenuOptions {
  startAtLogin: boolean;
  windowVisible: boolean;
  /** Linux has no login-item API in Electron: the item shows, disabled. Default true. */
  startAtLoginSupported?: boolean;
}

export const MAX_TRAY_INTERACTIONS = 8;
export const MAX_TRAY_BUTTONS = 5;
const MAX_LABEL = 60;
const APP_NAME = 'ICWS Agent';

function clip(text: string, max = MAX_LABEL): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

export function trayIconState(session: SessionSnapshot): TrayIconState {
  switch (session.state) {
    case 'up':
      return 'signed-in';
    case 'expired':
      return 'expired';
    case 'reconnecting':
    case 'signing-in':
      return 'reconnecting';
    case 'signed-out':
    case 'signed-out-by-server':
      return 'signed-out';
  }
}

const STATE_TEXT: Record<TrayIconState, string> = {
  'signed-in': 'signed in',
  expired: 'session expired, sign in again',
  reconnecting: 'reconnecting',
  'signed-out': 'signed out',
};

/** "ICWS Agent: agent1 on cic.example.com (signed in)". Windows cuts tooltips at 127 characters. */
export function trayTooltip(session: SessionSnapshot): string {
  const state = session.state === 'signing-in' ? 'signing in' : STATE_TEXT[trayIconState(session)];
  const who = session.userDisplayName ?? session.userId;
  let where = '';
  if (session.server) {
    try {
      where = new URL(session.server).host;
    } catch {
      where = session.server;
    }
  }
  const demo = session.demo ? ', demo' : '';
  const identity = who && where ? `${who} on ${where}` : (who ?? where);
  return clip(identity ? `${APP_NAME}: ${identity} (${state}${demo})` : `${APP_NAME} (${state}${demo})`, 127);
}

function interactionLabel(interaction: InteractionView): string {
  const who = interaction.remoteName || interaction.remoteAddress || interaction.objectType || interaction.type;
  return clip(`${who} (${interaction.stateText || interaction.state})`);
}

function interactionItem(snapshot: AppSnapshot, interaction: InteractionView): TrayMenuItem {
  const labels = new Map(snapshot.buttons.all.map((button) => [button.id, button.label]));
  const buttons: TrayMenuItem[] = interaction.buttons
    .filter((id) => labels.has(id))
    .slice(0, MAX_TRAY_BUTTONS)
    .map((buttonId) => ({
      id: `press:${interaction.id}:${buttonId}`,
      label: clip(labels.get(buttonId) ?? buttonId),
      // Presses while expired are queued and run after re-login, so they stay enabled; the core decides.
      enabled: true,
      command: { kind: 'press', buttonId, interactionId: interaction.id },
    }));
  return {
    id: `interaction:${interaction.id}`,
    label: interactionLabel(interaction),
    enabled: true,
    type: 'submenu',
    submenu: [
      { id: `focus:${interaction.id}`, label: 'Show in window', enabled: true, command: { kind: 'focus-interaction', interactionId: interaction.id } },
      ...(buttons.length > 0 ? [separator(`buttons:${interaction.id}`), ...buttons] : []),
    ],
    command: { kind: 'none' },
  };
}

function separator(id: string): TrayMenuItem {
  return { id: `separator:${id}`, label: '', enabled: true, type: 'separator', command: { kind: 'none' } };
}

export function buildTrayMenu(snapshot: AppSnapshot, options: TrayMenuOptions): TrayMenuItem[] {
  const { session } = snapshot;
  const signedIn = session.state === 'up' || session.state === 'expired' || session.state === 'reconnecting';
  const items: TrayMenuItem[] = [
    options.windowVisible
      ? { id: 'window', label: 'Hide window', enabled: true, command: { kind: 'hide-window' } }
      : { id: 'window', label: `Open ${APP_NAME}`, enabled: true, command: { kind: 'show-window' } },
  ];

  if (signedIn) {
    const active = snapshot.interactions.filter((interaction) => interaction.active);
    items.push(separator('interactions'));
    if (active.length === 0) {
      items.push({ id: 'no-interactions', label: 'No interactions', enabled: false, command: { kind: 'none' } });
    }
    for (const interaction of active.slice(0, MAX_TRAY_INTERACTIONS)) items.push(interactionItem(snapshot, interaction));
    if (active.length > MAX_TRAY_INTERACTIONS) {
      items.push({ id: 'more-interactions', label: `${active.length - MAX_TRAY_INTERACTIONS} more in the window`, enabled: true, command: { kind: 'show-window' } });
    }
  }

  items.push(separator('session'));
  if (session.state === 'expired') {
    items.push({ id: 'sign-in', label: 'Sign in again…', enabled: true, command: { kind: 'sign-in' } });
  }
  if (signedIn) {
    items.push({ id: 'sign-out', label: 'Sign out', enabled: true, command: { kind: 'sign-out' } });
  } else {
    items.push({
      id: 'sign-in',
      label: session.state === 'signing-in' ? 'Signing in…' : 'Sign in…',
      enabled: session.state !== 'signing-in',
      command: { kind: 'sign-in' },
    });
  }

  items.push(separator('app'));
  items.push({
    id: 'start-at-login',
    label: 'Start at login',
    enabled: options.startAtLoginSupported ?? true,
    type: 'checkbox',
    checked: options.startAtLogin,
    command: { kind: 'set-start-at-login', enabled: !options.startAtLogin },
  });
  items.push({ id: 'quit', label: `Quit ${APP_NAME}`, enabled: true, command: { kind: 'quit' } });
  return items;
}
