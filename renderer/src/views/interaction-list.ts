// "My Interactions": a windowed listbox. Only the rows in view (plus the selected one) exist in the DOM, and
// they are reused as the list scrolls, so thousands of interactions stay as cheap as ten.
import type { AgentApi, InteractionView } from '../../../app/ipc/contract.ts';
import { fireAndForget } from '../agent.ts';
import { h, setAttr, setText, srOnly } from '../dom.ts';
import { directionLabel, formatElapsed, partyName, typeLabel } from '../format.ts';
import { navigate, scrollToReveal, visibleWindow } from '../list-window.ts';
import type { Store, UiState } from '../state.ts';
import { icon } from './icons.ts';

export const ROW_HEIGHT = 48;

export interface InteractionListOptions {
  store: Store;
  agent: AgentApi;
  /** Enter on the list: the agent wants to act on the selected row. */
  onActivate(): void;
}

export interface InteractionList {
  element: HTMLElement;
  update(state: UiState, previous: UiState): void;
  /** Selects a row (from a notification click, say), scrolls to it and focuses the list. */
  reveal(interactionId: string): void;
  focus(): void;
}

interface Row {
  element: HTMLDivElement;
  id: string | null;
  type: string | null;
  iconSlot: HTMLSpanElement;
  typeText: HTMLSpanElement;
  name: HTMLSpanElement;
  elapsed: HTMLSpanElement;
  address: HTMLSpanElement;
  direction: HTMLSpanElement;
  state: HTMLSpanElement;
  muted: HTMLSpanElement;
  held: HTMLSpanElement;
  startedAt: number | null;
}

export function createInteractionList({ store, agent, onActivate }: InteractionListOptions): InteractionList {
  const spacer = h('div', { class: 'list-spacer' });
  const listbox = h('div', {
    class: 'list',
    role: 'listbox',
    tabindex: 0,
    'aria-label': 'My Interactions',
  }, spacer);
  const emptyState = h(
    'div',
    { class: 'list-empty' },
    h('p', { class: 'list-empty-title', text: 'No interactions right now' }),
    h('p', {
      class: 'list-empty-text',
      text: 'Calls, chats, emails and other interactions routed to you will appear here.',
    }),
  );
  // Announces new alerting interactions without moving focus.
  const announcer = h('div', { class: 'sr-only', 'aria-live': 'polite' });
  const element = h('section', { class: 'interactions', 'aria-label': 'Interactions' }, listbox, emptyState, announcer);

  const pool: Row[] = [];
  const alertingSeen = new Set<string>();
  let interactions: InteractionView[] = [];
  let indexById = new Map<string, number>();
  let selectedId: string | null = null;
  let frame = 0;

  function select(id: string | null): void {
    if (id === store.get().selectedId) return;
    store.update({ selectedId: id });
    fireAndForget(agent.invoke('selection:set', id));
  }

  function selectIndex(index: number): void {
    const interaction = interactions[index];
    if (!interaction) return;
    select(interaction.id);
    revealIndex(index);
  }

  function revealIndex(index: number): void {
    const top = scrollToReveal(index, listbox.scrollTop, listbox.clientHeight, ROW_HEIGHT);
    if (top !== null) listbox.scrollTop = top;
    render();
  }

  function render(): void {
    const selectedIndex = selectedId === null ? -1 : (indexById.get(selectedId) ?? -1);
    const { start, end } = visibleWindow(listbox.scrollTop, listbox.clientHeight, ROW_HEIGHT, interactions.length);
    const indices: number[] = [];
    for (let i = start; i < end; i++) indices.push(i);
    // The active descendant must exist, even when scrolled out of view.
    if (selectedIndex >= 0 && (selectedIndex < start || selectedIndex >= end)) indices.push(selectedIndex);

    while (pool.length < indices.length) {
      const row = createRow((id) => {
        select(id);
        listbox.focus();
      });
      pool.push(row);
      spacer.append(row.element);
    }
    const now = Date.now();
    pool.forEach((row, k) => {
      const index = indices[k];
      const interaction = index === undefined ? undefined : interactions[index];
      if (index === undefined || !interaction) {
        // A spare row keeps nothing that could be mistaken for a live one (ids must stay unique).
        row.element.hidden = true;
        row.element.removeAttribute('id');
        row.id = null;
        return;
      }
      row.element.hidden = false;
      fillRow(row, interaction, index, interactions.length, interaction.id === selectedId, now);
    });
    setAttr(listbox, 'aria-activedescendant', selectedIndex >= 0 ? rowDomId(selectedId ?? '') : null);
  }

  function scheduleRender(): void {
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      render();
    });
  }

  function announceNewAlerting(list: InteractionView[]): void {
    const fresh: string[] = [];
    const alertingNow = new Set<string>();
    for (const interaction of list) {
      if (!interaction.alerting) continue;
      alertingNow.add(interaction.id);
      if (!alertingSeen.has(interaction.id)) fresh.push(`Incoming ${typeLabel(interaction)} from ${partyName(interaction)}`);
    }
    alertingSeen.clear();
    for (const id of alertingNow) alertingSeen.add(id);
    if (fresh.length) setText(announcer, fresh.slice(0, 3).join('. '));
  }

  listbox.addEventListener('scroll', scheduleRender, { passive: true });
  new ResizeObserver(scheduleRender).observe(listbox);
  listbox.addEventListener('keydown', (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === 'Enter' || event.key === ' ') {
      if (selectedId !== null) {
        event.preventDefault();
        onActivate();
      } else if (interactions.length) {
        event.preventDefault();
        selectIndex(0);
      }
      return;
    }
    if (event.key === 'Escape' && selectedId !== null) {
      event.preventDefault();
      select(null);
      return;
    }
    const current = selectedId === null ? -1 : (indexById.get(selectedId) ?? -1);
    const pageRows = Math.max(1, Math.floor(listbox.clientHeight / ROW_HEIGHT) - 1);
    const next = navigate(event.key, current, interactions.length, pageRows);
    if (next === null) return;
    event.preventDefault();
    selectIndex(next);
  });
  // Call timers tick; only the rows in the DOM are touched.
  setInterval(() => {
    const now = Date.now();
    for (const row of pool) if (row.id !== null) setText(row.elapsed, elapsedText(row.startedAt, now));
  }, 1000);

  return {
    element,
    update(state, previous) {
      if (state.interactions === previous.interactions && state.selectedId === previous.selectedId && previous.ready)
        return;
      if (state.interactions !== interactions) {
        interactions = state.interactions;
        indexById = new Map(interactions.map((interaction, index) => [interaction.id, index]));
        spacer.style.height = `${interactions.length * ROW_HEIGHT}px`;
        announceNewAlerting(interactions);
      }
      selectedId = state.selectedId;
      const empty = interactions.length === 0;
      listbox.hidden = empty;
      emptyState.hidden = !empty;
      render();
    },
    reveal(interactionId) {
      const index = indexById.get(interactionId);
      if (index === undefined) return;
      selectIndex(index);
      listbox.focus();
    },
    focus() {
      if (!listbox.hidden) listbox.focus();
    },
  };
}

function rowDomId(interactionId: string): string {
  return `interaction-${encodeURIComponent(interactionId)}`;
}

function elapsedText(startedAt: number | null, now: number): string {
  return startedAt === null ? '' : formatElapsed(now - startedAt);
}

function createRow(onPick: (interactionId: string) => void): Row {
  const iconSlot = h('span', { class: 'row-icon' });
  const typeText = srOnly('');
  const name = h('span', { class: 'row-name' });
  const elapsed = h('span', { class: 'row-elapsed' });
  const address = h('span', { class: 'row-address' });
  const direction = h('span', { class: 'row-direction' });
  const state = h('span', { class: 'row-state' });
  const muted = h('span', { class: 'marker marker-muted' }, icon('muted'), 'Muted');
  const held = h('span', { class: 'marker marker-held' }, icon('held'), 'Held');
  const element = h(
    'div',
    { class: 'row', role: 'option', 'aria-selected': 'false' },
    iconSlot,
    h(
      'span',
      { class: 'row-main' },
      h('span', { class: 'row-line' }, typeText, name, state),
      h('span', { class: 'row-line row-line-secondary' }, address, direction, muted, held, elapsed),
    ),
  );
  const row: Row = {
    element,
    id: null,
    type: null,
    iconSlot,
    typeText,
    name,
    elapsed,
    address,
    direction,
    state,
    muted,
    held,
    startedAt: null,
  };
  // mousedown, not click, so focus lands on the listbox rather than the row.
  element.addEventListener('mousedown', (event) => {
    if (event.button !== 0 || row.id === null) return;
    event.preventDefault();
    onPick(row.id);
  });
  return row;
}

function fillRow(row: Row, interaction: InteractionView, index: number, count: number, selected: boolean, now: number): void {
  const el = row.element;
  row.id = interaction.id;
  row.startedAt = interaction.startedAt;
  el.id = rowDomId(interaction.id);
  el.style.transform = `translateY(${index * ROW_HEIGHT}px)`;
  el.setAttribute('aria-selected', String(selected));
  el.setAttribute('aria-posinset', String(index + 1));
  el.setAttribute('aria-setsize', String(count));
  el.classList.toggle('is-selected', selected);
  el.classList.toggle('is-alerting', interaction.alerting);
  el.classList.toggle('is-inactive', !interaction.active);
  if (row.type !== interaction.type) {
    row.type = interaction.type;
    row.iconSlot.replaceChildren(icon(interaction.type));
    row.iconSlot.dataset.type = interaction.type;
  }
  setText(row.typeText, `${typeLabel(interaction)}: `);
  setText(row.name, partyName(interaction));
  setText(row.address, interaction.remoteName.trim() ? interaction.remoteAddress : '');
  const direction = directionLabel(interaction.direction);
  if (row.direction.dataset.direction !== interaction.direction) {
    row.direction.dataset.direction = interaction.direction;
    row.direction.replaceChildren(
      ...(direction ? [icon(interaction.direction === 'inbound' ? 'inbound' : 'outbound'), direction] : []),
    );
  }
  setText(row.state, interaction.stateText);
  row.state.dataset.state = interaction.state;
  row.muted.hidden = !interaction.muted;
  row.held.hidden = !interaction.held;
  setText(row.elapsed, elapsedText(interaction.startedAt, now));
}
