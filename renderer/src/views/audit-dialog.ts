// Today's presses, read from the core's audit log when opened. Closing it loses nothing, so Escape closes.
import type { AgentApi, AuditEntry } from '../../../app/ipc/contract.ts';
import { h, setText } from '../dom.ts';
import { formatClock, partyName } from '../format.ts';
import type { Store } from '../state.ts';

export interface AuditDialog {
  element: HTMLDialogElement;
  open(): void;
}

const RESULT_TEXT: Record<AuditEntry['result'], string> = {
  succeeded: 'Succeeded',
  failed: 'Failed',
  cancelled: 'Cancelled',
  dropped: 'Not sent',
};

const SOURCE_TEXT: Record<AuditEntry['source'], string> = { click: 'Click', shortcut: 'Shortcut', tray: 'Tray' };

export function createAuditDialog({ store, agent }: { store: Store; agent: AgentApi }): AuditDialog {
  const body = h('tbody');
  const table = h(
    'table',
    { class: 'audit-table' },
    h(
      'thead',
      null,
      h('tr', null, ...['Time', 'Action', 'Interaction', 'Source', 'Result'].map((text) => h('th', { scope: 'col', text }))),
    ),
    body,
  );
  const status = h('p', { class: 'audit-status', role: 'status' });
  const close = h('button', { type: 'button', class: 'button', text: 'Close' });
  const element = h(
    'dialog',
    { class: 'dialog audit', 'aria-labelledby': 'audit-title' },
    h('h2', { class: 'dialog-title', id: 'audit-title', text: 'Today’s log' }),
    status,
    h('div', { class: 'audit-scroll', tabindex: 0, role: 'region', 'aria-labelledby': 'audit-title' }, table),
    h('div', { class: 'dialog-actions' }, close),
  );
  close.addEventListener('click', () => element.close());

  function render(entries: AuditEntry[]): void {
    const state = store.get();
    const labels = new Map(state.buttons.all.map((button) => [button.id.toLowerCase(), button.label]));
    const startOfDay = new Date().setHours(0, 0, 0, 0);
    const today = entries.filter((entry) => entry.at >= startOfDay).sort((a, b) => b.at - a.at);
    body.replaceChildren(
      ...today.map((entry) => {
        const interaction = entry.interactionId ? state.interactionsById.get(entry.interactionId) : undefined;
        const result = [RESULT_TEXT[entry.result], entry.status ? `HTTP ${entry.status}` : '', entry.result === 'succeeded' ? '' : entry.message]
          .filter(Boolean)
          .join(' · ');
        return h(
          'tr',
          { class: `audit-row audit-${entry.result}` },
          h('td', { class: 'audit-time', text: formatClock(entry.at) }),
          h('td', { text: labels.get(entry.buttonId.toLowerCase()) ?? entry.buttonId }),
          h('td', { text: interaction ? partyName(interaction) : (entry.interactionId ?? '—') }),
          h('td', { text: SOURCE_TEXT[entry.source] }),
          h('td', { class: 'audit-result', text: result }),
        );
      }),
    );
    table.hidden = today.length === 0;
    setText(status, today.length ? `${today.length} ${today.length === 1 ? 'press' : 'presses'} today, newest first.` : 'No buttons pressed today.');
  }

  return {
    element,
    open() {
      body.replaceChildren();
      table.hidden = true;
      setText(status, 'Loading…');
      if (!element.open) element.showModal();
      close.focus();
      agent
        .invoke('audit:list')
        .then(render)
        .catch((cause: unknown) => setText(status, `Could not read the log: ${cause instanceof Error ? cause.message : String(cause)}`));
    },
  };
}
