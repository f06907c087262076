// The one modal of the app: the session expired, presses may be waiting, and only the agent can decide.
// It opens once per expiry, keeps focus inside, and Escape never closes it (work would be lost silently).
import type { AgentApi } from '../../../app/ipc/contract.ts';
import { fireAndForget } from '../agent.ts';
import { h, setText } from '../dom.ts';
import { signInErrorMessage } from '../messages.ts';
import type { Store, UiState } from '../state.ts';
import { trapFocus } from './focus-trap.ts';
import { createPendingList } from './pending-list.ts';

export interface ReloginDialog {
  element: HTMLDialogElement;
  update(state: UiState, previous: UiState): void;
}

export function createReloginDialog({ store, agent }: { store: Store; agent: AgentApi }): ReloginDialog {
  const reason = h('p', { class: 'dialog-reason', id: 'relogin-reason' });
  const server = h('input', { id: 'relogin-server', class: 'field-input', type: 'text', readonly: true, autocomplete: 'off' });
  const user = h('input', { id: 'relogin-user', class: 'field-input', type: 'text', readonly: true, autocomplete: 'username' });
  const password = h('input', {
    id: 'relogin-password',
    class: 'field-input',
    type: 'password',
    required: true,
    autocomplete: 'current-password',
  });
  const error = h('div', { class: 'form-error', role: 'alert' });
  const pendingTitle = h('h3', { class: 'dialog-subtitle', id: 'relogin-pending-title' });
  const pending = createPendingList(agent, 'Waiting actions');
  const hint = h('p', { class: 'dialog-hint', role: 'status' });
  const signOut = h('button', { type: 'button', class: 'button' , text: 'Sign out' });
  const submit = h('button', { type: 'submit', class: 'button button-primary', text: 'Sign in' });
  const form = h(
    'form',
    { class: 'dialog-form', novalidate: true },
    field('Server', server),
    field('User ID', user),
    field('Password', password),
    error,
    h('section', { class: 'dialog-pending', 'aria-labelledby': 'relogin-pending-title' }, pendingTitle, pending.element),
    hint,
    h('div', { class: 'dialog-actions' }, signOut, submit),
  );
  const element = h(
    'dialog',
    { class: 'dialog relogin', 'aria-labelledby': 'relogin-title', 'aria-describedby': 'relogin-reason', closedby: 'none' },
    h('h2', { class: 'dialog-title', id: 'relogin-title', text: 'Sign in again' }),
    reason,
    form,
  );

  let busy = false;
  let confirmSignOut = false;
  let wanted = false;

  function setBusy(value: boolean): void {
    busy = value;
    submit.disabled = value;
    signOut.disabled = value;
    setText(submit, value ? 'Signing in…' : 'Sign in');
  }

  function showError(title: string, detail: string | null): void {
    error.replaceChildren(h('p', { text: title }), ...(detail && detail !== title ? [h('p', { class: 'form-error-detail', text: detail })] : []));
    error.hidden = false;
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const request = store.get().relogin;
    if (busy || !request) return;
    if (!password.value) {
      showError('Enter your password to sign in again.', null);
      password.focus();
      return;
    }
    error.hidden = true;
    setBusy(true);
    const station = store.get().settings.station;
    agent
      .invoke('session:sign-in', {
        server: request.server,
        userId: request.userId,
        password: password.value,
        ...(station ? { station } : {}),
      })
      .then((result) => {
        if (result.ok) {
          password.value = '';
          store.update({ session: result.session, relogin: null });
        } else {
          showError(...messageParts(result.error, request.server));
          password.select();
        }
      })
      .catch((cause: unknown) => showError('Sign-in failed.', cause instanceof Error ? cause.message : String(cause)))
      .finally(() => setBusy(false));
  });

  signOut.addEventListener('click', () => {
    const waiting = store.get().pending.length;
    if (waiting > 0 && !confirmSignOut) {
      confirmSignOut = true;
      setText(signOut, `Sign out and discard ${waiting === 1 ? 'it' : 'them'}`);
      setText(hint, `Signing out discards ${countText(waiting)}. Press the button again to confirm.`);
      return;
    }
    fireAndForget(
      agent.invoke('session:sign-out').then((session) => store.update({ session, relogin: null })),
    );
  });

  // closedby="none" already ignores Escape where supported; this covers the rest and says why nothing happened.
  element.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    const waiting = store.get().pending.length;
    setText(
      hint,
      waiting
        ? `This window stays open so that ${countText(waiting)} ${waiting === 1 ? 'is' : 'are'} not lost: sign in, or sign out to discard ${waiting === 1 ? 'it' : 'them'}.`
        : 'Sign in to continue, or sign out.',
    );
  });
  element.addEventListener('cancel', (event) => event.preventDefault());
  // If the browser closes it anyway (some close requests cannot be refused), bring it straight back.
  element.addEventListener('close', () => {
    if (wanted) element.showModal();
  });
  trapFocus(element);

  function open(state: UiState): void {
    const request = state.relogin;
    if (!request) return;
    server.value = request.server;
    user.value = request.userId;
    password.value = '';
    error.hidden = true;
    confirmSignOut = false;
    setText(signOut, 'Sign out');
    setText(hint, '');
    wanted = true;
    if (!element.open) element.showModal();
    password.focus();
  }

  return {
    element,
    update(state, previous) {
      const request = state.relogin;
      if (request && !wanted) open(state);
      if (!request && wanted) {
        wanted = false;
        if (element.open) element.close();
      }
      if (!request) return;
      if (request !== previous.relogin) setText(reason, request.reason || 'Your session with the server has ended.');
      if (state.pending !== previous.pending || request !== previous.relogin || state.interactions !== previous.interactions) {
        pending.update(state);
        setText(
          pendingTitle,
          state.pending.length ? `Waiting to run after you sign in (${state.pending.length})` : 'Nothing is waiting to run.',
        );
        if (confirmSignOut && state.pending.length === 0) {
          confirmSignOut = false;
          setText(signOut, 'Sign out');
          setText(hint, '');
        }
      }
    },
  };
}

function field(label: string, input: HTMLInputElement): HTMLDivElement {
  return h('div', { class: 'field' }, h('label', { class: 'field-label', for: input.id, text: label }), input);
}

function countText(count: number): string {
  return count === 1 ? 'the waiting action' : `the ${count} waiting actions`;
}

function messageParts(error: Parameters<typeof signInErrorMessage>[0], server: string): [string, string | null] {
  const message = signInErrorMessage(error, server);
  return [message.title, message.detail];
}
