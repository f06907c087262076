// Presses held while the session is expired, each with a Cancel. Items are kept by press id and updated in
// place (the countdown ticks), so a focused Cancel button is never swapped out from under the agent.
import type { AgentApi, PendingPress } from '../../../app/ipc/contract.ts';
import { fireAndForget } from '../agent.ts';
import { h, setText } from '../dom.ts';
import { formatCountdown, formatElapsed, partyName } from '../format.ts';
import type { UiState } from '../state.ts';
import { icon } from './icons.ts';

export interface PendingList {
  element: HTMLUListElement;
  update(state: UiState): void;
}

interface Item {
  element: HTMLLIElement;
  text: HTMLSpanElement;
  countdown: HTMLSpanElement;
  pending: PendingPress;
}

export function createPendingList(agent: AgentApi, label: string): PendingList {
  const element = h('ul', { class: 'pending-list', 'aria-label': label });
  const items = new Map<string, Item>();
  let last: UiState | null = null;

  function createItem(pending: PendingPress): Item {
    const text = h('span', { class: 'pending-text' });
    const countdown = h('span', { class: 'pending-countdown' });
    const cancel = h('button', {
      type: 'button',
      class: 'button button-small',
      text: 'Cancel',
      'aria-label': `Cancel ${pending.buttonLabel}`,
    });
    const item: Item = { element: h('li', { class: 'pending-item' }, icon('clock'), text, countdown, cancel), text, countdown, pending };
    cancel.addEventListener('click', () => {
      cancel.disabled = true;
      fireAndForget(agent.invoke('press:cancel', item.pending.pressId).finally(() => (cancel.disabled = false)));
    });
    return item;
  }

  function fill(item: Item, state: UiState, now: number): void {
    const { pending } = item;
    const interaction = pending.interactionId ? state.interactionsById.get(pending.interactionId) : undefined;
    const target = interaction ? ` for ${partyName(interaction)}` : '';
    setText(item.text, `${pending.buttonLabel}${target}`);
    const left = pending.expiresAt - now;
    setText(item.countdown, left > 0 ? `${formatElapsed(left)} left` : 'expiring');
    item.countdown.title = `Dropped in ${formatCountdown(left)} unless you sign in again`;
  }

  function update(state: UiState): void {
    last = state;
    const now = Date.now();
    const wanted = state.pending.map((pending) => {
      let item = items.get(pending.pressId);
      if (!item) {
        item = createItem(pending);
        items.set(pending.pressId, item);
      }
      item.pending = pending;
      fill(item, state, now);
      return item.element;
    });
    const ids = new Set(state.pending.map((p) => p.pressId));
    for (const id of items.keys()) if (!ids.has(id)) items.delete(id);
    const current = Array.from(element.children);
    if (current.length !== wanted.length || current.some((child, i) => child !== wanted[i])) {
      const focused = document.activeElement;
      element.replaceChildren(...wanted);
      if (focused instanceof HTMLElement && element.contains(focused)) focused.focus();
    }
    element.hidden = wanted.length === 0;
  }

  setInterval(() => {
    if (last && last.pending.length) {
      const now = Date.now();
      for (const item of items.values()) fill(item, last, now);
    }
  }, 1000);

  return { element, update };
}
