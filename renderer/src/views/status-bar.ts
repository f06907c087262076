// The honest line at the bottom: is the session up, who and where, is the list current, today's log, settings,
// and a quiet warning when a global shortcut is not ours.
import type { SessionSnapshot } from '../../../app/ipc/contract.ts';
import { h, setText } from '../dom.ts';
import { formatCountdown, formatShortcut, serverHost } from '../format.ts';
import { hasProblem, problemSummary } from '../shortcut-status.ts';
import type { UiState } from '../state.ts';
import { icon } from './icons.ts';

export interface StatusBar {
  element: HTMLElement;
  /** Opens the settings panel; focus returns here when the warning that may have opened it is gone. */
  settingsButton: HTMLButtonElement;
  update(state: UiState): void;
}

const STATE_TEXT: Record<SessionSnapshot['state'], string> = {
  up: 'Connected',
  'signing-in': 'Signing in…',
  reconnecting: 'Reconnecting',
  expired: 'Session expired',
  'signed-out': 'Signed out',
  'signed-out-by-server': 'Signed out by the server',
};

export interface StatusBarDeps {
  onOpenAudit(): void;
  onOpenSettings(): void;
  mac: boolean;
}

export function createStatusBar({ onOpenAudit, onOpenSettings, mac }: StatusBarDeps): StatusBar {
  // Only the state word is a live region: the ticking countdown beside it would be announced every second.
  const stateText = h('span', { class: 'status-text', role: 'status' });
  const countdown = h('span', { class: 'status-countdown' });
  const stateEl = h('span', { class: 'status-state' }, h('span', { class: 'status-dot', 'aria-hidden': 'true' }), stateText, countdown);
  const stale = h('span', { class: 'status-stale', text: 'Out of date', title: 'The interaction list may be out of date' });
  const where = h('span', { class: 'status-where' });
  const demo = h('span', { class: 'badge badge-demo', text: 'Demo' });
  const audit = h(
    'button',
    { type: 'button', class: 'link-button status-audit', 'aria-label': 'Today’s log', title: 'Today’s log: every button pressed today' },
    icon('log'),
    'Log',
  );
  audit.addEventListener('click', onOpenAudit);
  // Shown only when a shortcut is not ours (taken by another application, or refused): quiet, but not silent.
  const shortcutWarningText = h('span');
  const shortcutWarning = h('button', { type: 'button', class: 'link-button status-warning' }, icon('alert'), shortcutWarningText);
  shortcutWarning.hidden = true;
  shortcutWarning.addEventListener('click', onOpenSettings);
  const settings = h(
    'button',
    { type: 'button', class: 'link-button status-settings', 'aria-label': 'Settings', title: 'Settings: shortcuts and notifications' },
    icon('settings'),
  );
  settings.addEventListener('click', onOpenSettings);
  const element = h(
    'footer',
    { class: 'status-bar' },
    stateEl,
    stale,
    where,
    demo,
    h('span', { class: 'status-spacer' }),
    shortcutWarning,
    audit,
    settings,
  );
  let session: SessionSnapshot | null = null;
  let shortcuts: UiState['shortcuts'] | null = null;

  function renderShortcutWarning(statuses: UiState['shortcuts']): void {
    const summary = problemSummary(statuses);
    shortcutWarning.hidden = summary === null;
    setText(shortcutWarningText, summary ?? '');
    const details = statuses.filter(hasProblem).map((status) => {
      const keys = formatShortcut(status.accelerator, mac).label;
      return status.error ? `${keys}: ${status.error}` : `${keys} is taken by another application.`;
    });
    shortcutWarning.title = details.length ? `${details.join('\n')}\nClick for the shortcut settings.` : '';
  }

  function renderCountdown(): void {
    if (!session) return;
    const next = session.state === 'reconnecting' ? session.nextAttemptAt : null;
    const left = next === null ? 0 : next - Date.now();
    setText(countdown, session.state !== 'reconnecting' ? '' : next !== null && left > 500 ? `in ${formatCountdown(left)}` : '…');
  }
  setInterval(renderCountdown, 1000);

  return {
    element,
    settingsButton: settings,
    update(state) {
      if (state.shortcuts !== shortcuts) {
        shortcuts = state.shortcuts;
        renderShortcutWarning(shortcuts);
      }
      if (state.session === session) return;
      session = state.session;
      element.dataset.state = session.state;
      setText(stateText, STATE_TEXT[session.state]);
      stateEl.title = session.reason ?? '';
      renderCountdown();
      stale.hidden = !session.stale || session.state === 'signed-out';
      // user@host is what fits a narrow window; the tooltip has the display name and the full URL.
      const host = session.server ? serverHost(session.server) : '';
      setText(where, [session.userId ?? '', host].filter(Boolean).join('@'));
      where.title = [session.userDisplayName, session.server].filter(Boolean).join(' on ');
      where.hidden = !host && !session.userId;
      demo.hidden = !session.demo;
      demo.title = session.demo ? 'Running against the built-in simulator, not a real server' : '';
    },
  };
}
