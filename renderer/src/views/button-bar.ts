// The client buttons that apply right now: those of the selected interaction, then those that apply with none
// selected. Button elements are kept by key and updated in place so keyboard focus survives every refresh.
import type { AgentApi, ButtonView, InteractionView, PressProgress, PressRequest } from '../../../app/ipc/contract.ts';
import { fireAndForget } from '../agent.ts';
import { h, setAttr, setText } from '../dom.ts';
import { formatShortcut, partyName } from '../format.ts';
import { isFinal, pressMessage } from '../messages.ts';
import { selectedInteraction, withPress, type Store, type UiState } from '../state.ts';
import { icon } from './icons.ts';
import { createPendingList } from './pending-list.ts';

/** How long a success stays on screen. Errors stay until dismissed or replaced. */
const SUCCESS_MS = 4000;

export interface ButtonBarOptions {
  store: Store;
  agent: AgentApi;
  mac: boolean;
}

export interface ButtonBar {
  element: HTMLElement;
  update(state: UiState): void;
  /** Moves focus to the first action, when there is one. */
  focusFirst(): boolean;
}

interface Slot {
  element: HTMLButtonElement;
  request: PressRequest;
  label: HTMLSpanElement;
  shortcut: HTMLElement;
  image: HTMLImageElement | null;
}

export function createButtonBar({ store, agent, mac }: ButtonBarOptions): ButtonBar {
  const forCaption = h('span', { class: 'actions-caption', id: 'actions-for-caption' });
  const forButtons = h('div', { class: 'actions-buttons' });
  const forGroup = h('div', { class: 'actions-group', role: 'group', 'aria-labelledby': 'actions-for-caption' }, forCaption, forButtons);
  const generalCaption = h('span', { class: 'actions-caption', id: 'actions-general-caption', text: 'General' });
  const generalButtons = h('div', { class: 'actions-buttons' });
  const generalGroup = h(
    'div',
    { class: 'actions-group', role: 'group', 'aria-labelledby': 'actions-general-caption' },
    generalCaption,
    generalButtons,
  );
  const nothing = h('p', { class: 'actions-none' });
  const resultText = h('span', { class: 'press-result-text' });
  const resultIcon = h('span', { class: 'press-result-icon' });
  const retry = h('button', { type: 'button', class: 'link-button', text: 'Retry' });
  const dismiss = h('button', { type: 'button', class: 'link-button', text: 'Dismiss' });
  const result = h('div', { class: 'press-result', role: 'status' }, resultIcon, resultText, retry, dismiss);
  const pending = createPendingList(agent, 'Waiting for sign-in');
  const element = h('section', { class: 'actions', 'aria-label': 'Actions' }, forGroup, generalGroup, nothing, result, pending.element);

  const slots = new Map<string, Slot>();
  const inFlight = new Set<string>();
  let dismissedPressId: string | null = null;
  let localError: { text: string; at: number } | null = null;
  let shownResult: PressProgress | null = null;
  let hideTimer = 0;

  async function run(request: PressRequest, label: string): Promise<void> {
    const key = keyOf(request);
    if (inFlight.has(key) || busyFromProgress(store.get().presses, key)) return;
    inFlight.add(key);
    localError = null;
    update(store.get());
    try {
      const progress = await agent.invoke('press:run', request);
      store.update({ presses: withPress(store.get().presses, progress) });
    } catch (error) {
      localError = { text: `Could not run ${label}: ${error instanceof Error ? error.message : String(error)}`, at: Date.now() };
    } finally {
      inFlight.delete(key);
      update(store.get());
    }
  }

  retry.addEventListener('click', () => {
    if (!shownResult) return;
    const { buttonId, interactionId, buttonLabel } = shownResult;
    fireAndForget(run(interactionId === null ? { buttonId } : { buttonId, interactionId }, buttonLabel));
  });
  dismiss.addEventListener('click', () => {
    dismissedPressId = shownResult?.pressId ?? null;
    localError = null;
    update(store.get());
  });

  function slotFor(button: ButtonView, request: PressRequest): Slot {
    const key = keyOf(request);
    let slot = slots.get(key);
    if (!slot) {
      const label = h('span', { class: 'action-label' });
      const shortcut = h('kbd', { class: 'action-shortcut', 'aria-hidden': 'true' });
      const buttonEl = h('button', { type: 'button', class: 'action' }, label, shortcut, h('span', { class: 'action-spinner', 'aria-hidden': 'true' }));
      const created: Slot = { element: buttonEl, request, label, shortcut, image: null };
      buttonEl.addEventListener('click', () => {
        if (buttonEl.getAttribute('aria-disabled') === 'true') return;
        fireAndForget(run(created.request, created.label.textContent ?? ''));
      });
      slots.set(key, created);
      slot = created;
    }
    fillSlot(slot, button, mac);
    return slot;
  }

  function update(state: UiState): void {
    const byId = new Map(state.buttons.all.map((button) => [button.id, button]));
    const selected = selectedInteraction(state);
    const used = new Set<string>();

    const forSlots = selected ? buttonsOf(selected.buttons, byId).map((b) => slotFor(b, { buttonId: b.id, interactionId: selected.id })) : [];
    const shownIds = new Set(selected?.buttons.map((id) => id.toLowerCase()) ?? []);
    const generalSlots = buttonsOf(state.buttons.none, byId)
      .filter((b) => !shownIds.has(b.id.toLowerCase()))
      .map((b) => slotFor(b, { buttonId: b.id }));
    for (const slot of [...forSlots, ...generalSlots]) {
      const key = keyOf(slot.request);
      used.add(key);
      const busy = inFlight.has(key) || busyFromProgress(state.presses, key);
      const isPending = state.pending.some((p) => keyOf({ buttonId: p.buttonId, interactionId: p.interactionId ?? undefined }) === key);
      slot.element.classList.toggle('is-busy', busy);
      slot.element.classList.toggle('is-pending', isPending && !busy);
      setAttr(slot.element, 'aria-disabled', busy ? 'true' : null);
      setAttr(slot.element, 'aria-busy', busy ? 'true' : null);
    }

    forGroup.hidden = !selected;
    if (selected) setText(forCaption, `For ${partyName(selected)}`);
    placeChildren(forButtons, forSlots.map((slot) => slot.element));
    generalGroup.hidden = generalSlots.length === 0;
    placeChildren(generalButtons, generalSlots.map((slot) => slot.element));
    const noneText = noActionsText(selected, forSlots.length, generalSlots.length);
    nothing.hidden = noneText === null;
    setText(nothing, noneText ?? '');
    for (const key of slots.keys()) if (!used.has(key)) slots.delete(key);

    renderResult(state);
    pending.update(state);
  }

  function renderResult(state: UiState): void {
    const latest = [...state.presses].reverse().find(isFinal) ?? null;
    const now = Date.now();
    window.clearTimeout(hideTimer);
    let text: string | null = null;
    let tone = 'info';
    shownResult = null;
    if (localError && (!latest || localError.at >= latest.at)) {
      text = localError.text;
      tone = 'error';
    } else if (latest && latest.pressId !== dismissedPressId) {
      const message = pressMessage(latest);
      const fresh = now - latest.at < SUCCESS_MS;
      if (message.tone !== 'success' || fresh) {
        shownResult = latest;
        text = interactionSuffix(message.text, latest, state);
        tone = message.tone;
        // Successes fade on their own; the timer re-renders when this one is due to go.
        if (message.tone === 'success') hideTimer = window.setTimeout(() => update(store.get()), SUCCESS_MS - (now - latest.at));
      }
    }
    result.hidden = text === null;
    result.dataset.tone = tone;
    setText(resultText, text ?? '');
    const iconName = tone === 'success' ? 'check' : tone === 'error' ? 'alert' : 'clock';
    if (resultIcon.dataset.icon !== iconName) {
      resultIcon.dataset.icon = iconName;
      resultIcon.replaceChildren(icon(iconName));
    }
    retry.hidden = !(shownResult?.phase === 'failed' && shownResult.error?.retrySafe);
    dismiss.hidden = tone !== 'error';
  }

  return {
    element,
    update,
    focusFirst() {
      const first = element.querySelector<HTMLButtonElement>('.actions-group:not([hidden]) button.action');
      first?.focus();
      return Boolean(first);
    },
  };
}

function keyOf(request: PressRequest): string {
  return `${request.buttonId.toLowerCase()}\u0000${request.interactionId ?? ''}`;
}

function busyFromProgress(presses: PressProgress[], key: string): boolean {
  return presses.some(
    (p) => p.phase === 'sending' && keyOf({ buttonId: p.buttonId, interactionId: p.interactionId ?? undefined }) === key,
  );
}

function buttonsOf(ids: string[], byId: Map<string, ButtonView>): ButtonView[] {
  return ids.map((id) => byId.get(id)).filter((button): button is ButtonView => button !== undefined);
}

function noActionsText(selected: InteractionView | null, forCount: number, generalCount: number): string | null {
  if (selected && forCount === 0 && generalCount === 0) return 'No actions apply to this interaction.';
  if (!selected && generalCount === 0) return 'Select an interaction to see its actions.';
  return null;
}

function interactionSuffix(text: string, progress: PressProgress, state: UiState): string {
  const interaction = progress.interactionId ? state.interactionsById.get(progress.interactionId) : undefined;
  if (!interaction || progress.interactionId === state.selectedId) return text;
  return `${text} (${partyName(interaction)})`;
}

function fillSlot(slot: Slot, button: ButtonView, mac: boolean): void {
  const label = button.label.trim() || button.id;
  setText(slot.label, label);
  const shortcut = button.shortcut ? formatShortcut(button.shortcut, mac) : null;
  setText(slot.shortcut, shortcut?.label ?? '');
  slot.shortcut.hidden = !shortcut;
  setAttr(slot.element, 'aria-keyshortcuts', shortcut?.aria ?? null);
  const tooltip = [button.tooltip.trim(), shortcut ? `Shortcut: ${shortcut.label}` : ''].filter(Boolean).join('\n');
  setAttr(slot.element, 'title', tooltip || null);
  // Only inline images: a remote icon URL would be a request the CSP (rightly) refuses.
  const iconUri = button.iconUri && /^data:image\//i.test(button.iconUri) ? button.iconUri : null;
  if (iconUri) {
    if (!slot.image) {
      slot.image = h('img', { class: 'action-icon', alt: '', width: 16, height: 16 });
      slot.element.prepend(slot.image);
    }
    if (slot.image.getAttribute('src') !== iconUri) slot.image.src = iconUri;
  } else if (slot.image) {
    slot.image.remove();
    slot.image = null;
  }
}

/** Puts exactly these children in this order, touching the DOM only when something changed (keeps focus). */
function placeChildren(container: HTMLElement, children: HTMLElement[]): void {
  const current = Array.from(container.children);
  if (current.length === children.length && current.every((child, i) => child === children[i])) return;
  const focused = document.activeElement;
  container.replaceChildren(...children);
  if (focused instanceof HTMLElement && children.includes(focused)) focused.focus();
}
