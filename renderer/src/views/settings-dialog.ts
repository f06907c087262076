// Settings: the global shortcuts and whether each is really ours, and the two switches an agent changes.
// Nothing here can be lost by closing it, so Escape closes; focus goes back to whatever opened it.
import type { AgentApi, EditableSettings, PublicSettings } from '../../../app/ipc/contract.ts';
import { h } from '../dom.ts';
import { describeShortcut } from '../shortcut-status.ts';
import type { Store, UiState } from '../state.ts';
import { trapFocus } from './focus-trap.ts';
import { icon } from './icons.ts';

export interface SettingsDialog {
  element: HTMLDialogElement;
  open(): void;
  update(state: UiState, previous: UiState): void;
}

export interface SettingsDialogDeps {
  store: Store;
  agent: AgentApi;
  mac: boolean;
  /** Where focus goes on close when the opener is gone (the warning badge hides once the problem clears). */
  fallbackFocus(): HTMLElement;
}

type Toggle = 'notifications' | 'startHidden';

const TOGGLES: { key: Toggle; id: string; label: string; note: string }[] = [
  {
    key: 'notifications',
    id: 'settings-notifications',
    label: 'Notify me of new alerting interactions',
    note: 'Silent, and never takes focus from what you are doing.',
  },
  {
    key: 'startHidden',
    id: 'settings-start-hidden',
    label: 'Start hidden in the tray',
    note: 'The window opens from the tray icon.',
  },
];

export function createSettingsDialog({ store, agent, mac, fallbackFocus }: SettingsDialogDeps): SettingsDialog {
  const checkboxes = new Map<Toggle, HTMLInputElement>();
  const toggleRows = TOGGLES.map(({ key, id, label, note }) => {
    const input = h('input', { id, type: 'checkbox', class: 'checkbox', 'aria-describedby': `${id}-note` });
    checkboxes.set(key, input);
    input.addEventListener('change', () => save(key, input));
    return h(
      'div',
      { class: 'settings-toggle' },
      h('div', { class: 'field-check' }, input, h('label', { for: id, text: label })),
      h('p', { class: 'field-note settings-note', id: `${id}-note`, text: note }),
    );
  });
  const saveError = h('div', { class: 'form-error', role: 'alert' });
  saveError.hidden = true;

  const body = h('tbody');
  const table = h(
    'table',
    { class: 'settings-table' },
    h('thead', null, h('tr', null, ...['Shortcut', 'Action', 'Status'].map((text) => h('th', { scope: 'col', text })))),
    body,
  );
  const empty = h('p', { class: 'settings-empty', text: 'Your shortcuts are set up when you sign in.' });
  const close = h('button', { type: 'button', class: 'button', text: 'Close' });
  const element = h(
    'dialog',
    { class: 'dialog settings', 'aria-labelledby': 'settings-title' },
    h('h2', { class: 'dialog-title', id: 'settings-title', text: 'Settings' }),
    h(
      'section',
      { class: 'settings-section', 'aria-labelledby': 'settings-general-title' },
      h('h3', { class: 'dialog-subtitle', id: 'settings-general-title', text: 'Window and notifications' }),
      ...toggleRows,
      saveError,
    ),
    h(
      'section',
      { class: 'settings-section', 'aria-labelledby': 'settings-shortcuts-title' },
      h('h3', { class: 'dialog-subtitle', id: 'settings-shortcuts-title', text: 'Keyboard shortcuts' }),
      h('p', { class: 'field-note', text: 'They work from any application while you are signed in.' }),
      h('div', { class: 'settings-scroll', tabindex: 0, role: 'region', 'aria-label': 'Shortcuts and their status' }, table),
      empty,
    ),
    h('div', { class: 'dialog-actions' }, close),
  );
  close.addEventListener('click', () => element.close());
  trapFocus(element);

  let opener: HTMLElement | null = null;
  element.addEventListener('close', () => {
    const target = opener && opener.isConnected && opener.getClientRects().length > 0 ? opener : fallbackFocus();
    opener = null;
    target.focus();
  });

  function save(key: Toggle, input: HTMLInputElement): void {
    const patch: Partial<EditableSettings> = key === 'notifications' ? { notifications: input.checked } : { startHidden: input.checked };
    input.disabled = true;
    saveError.hidden = true;
    agent
      .invoke('settings:set', patch)
      .then((settings) => store.update({ settings }))
      .catch((cause: unknown) => {
        // Show what is really in force, not what the click wished for.
        renderToggles(store.get().settings);
        saveError.replaceChildren(
          h('p', { text: 'The setting could not be saved.' }),
          h('p', { class: 'form-error-detail', text: cause instanceof Error ? cause.message : String(cause) }),
        );
        saveError.hidden = false;
      })
      .finally(() => {
        input.disabled = false;
        if (element.open && document.activeElement === document.body) input.focus();
      });
  }

  function renderToggles(settings: PublicSettings): void {
    for (const [key, input] of checkboxes) input.checked = settings[key];
  }

  function renderShortcuts(state: UiState): void {
    body.replaceChildren(
      ...state.shortcuts.map((status) => {
        const row = describeShortcut(status, state.buttons.all, mac);
        return h(
          'tr',
          { class: `settings-shortcut shortcut-${row.tone}` },
          h('td', null, h('kbd', { class: 'settings-keys', text: row.keys.label, title: status.accelerator })),
          h('td', { class: 'settings-action', text: row.action }),
          h(
            'td',
            { class: 'settings-status' },
            h(
              'span',
              { class: 'settings-status-line' },
              row.tone === 'conflict' || row.tone === 'error' ? icon('alert', 'icon settings-status-icon') : null,
              row.status,
            ),
          ),
        );
      }),
    );
    table.hidden = state.shortcuts.length === 0;
    empty.hidden = state.shortcuts.length > 0;
  }

  renderToggles(store.get().settings);
  renderShortcuts(store.get());

  return {
    element,
    open() {
      saveError.hidden = true;
      const state = store.get();
      renderToggles(state.settings);
      renderShortcuts(state);
      if (element.open) return;
      opener = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null;
      element.showModal();
      checkboxes.get('notifications')?.focus();
    },
    update(state, previous) {
      if (state.settings !== previous.settings) renderToggles(state.settings);
      if (state.shortcuts !== previous.shortcuts || state.buttons !== previous.buttons) renderShortcuts(state);
    },
  };
}
