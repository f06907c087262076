// The sign-in form. The password goes in (to the main process) and never comes back; errors are explained in
// the agent's terms, with the server's own words underneath.
import type { AgentApi, SignInRequest } from '../../../app/ipc/contract.ts';
import { h, setText } from '../dom.ts';
import { signInErrorMessage } from '../messages.ts';
import type { Store, UiState } from '../state.ts';

export interface SignInView {
  element: HTMLElement;
  update(state: UiState, previous: UiState): void;
  /** Focuses the first field that still needs typing. */
  focus(): void;
}

export function createSignInView({ store, agent }: { store: Store; agent: AgentApi }): SignInView {
  const server = input('sign-in-server', 'url', 'url', 'https://cic.example.com:8019');
  const user = input('sign-in-user', 'text', 'username');
  const password = input('sign-in-password', 'password', 'current-password');
  const station = input('sign-in-station', 'text', 'off');
  server.required = true;
  user.required = true;
  password.required = true;
  const remember = h('input', { id: 'sign-in-remember', type: 'checkbox', class: 'checkbox' });
  const rememberRow = h('div', { class: 'field-check' }, remember, h('label', { for: 'sign-in-remember', text: 'Remember my password on this computer' }));
  const rememberNote = h('p', { class: 'field-note' });
  const notice = h('p', { class: 'sign-in-notice', role: 'status' });
  const error = h('div', { class: 'form-error', role: 'alert', id: 'sign-in-error' });
  const submit = h('button', { type: 'submit', class: 'button button-primary button-wide', text: 'Sign in' });
  const form = h(
    'form',
    { class: 'sign-in-card', novalidate: true, 'aria-labelledby': 'sign-in-title' },
    h('h1', { class: 'sign-in-title', id: 'sign-in-title', text: 'Sign in to PureConnect' }),
    h('p', { class: 'sign-in-subtitle', text: 'Your interactions and client buttons, one keystroke away.' }),
    notice,
    field('Server', server, null),
    field('User ID', user, null),
    field('Password', password, null),
    field('Station', station, 'Optional. Leave empty to sign in without a station.'),
    rememberRow,
    rememberNote,
    error,
    submit,
  );
  const element = h('main', { class: 'sign-in' }, form);
  let busy = false;

  function setBusy(value: boolean): void {
    busy = value;
    submit.disabled = value;
    setText(submit, value ? 'Signing in…' : 'Sign in');
    form.setAttribute('aria-busy', String(value));
    renderNotice();
  }

  function showError(title: string, detail: string | null, focus: HTMLInputElement): void {
    error.replaceChildren(
      h('p', { text: title }),
      ...(detail && detail !== title ? [h('p', { class: 'form-error-detail', text: `Server says: ${detail}` })] : []),
    );
    error.hidden = false;
    renderNotice();
    focus.setAttribute('aria-describedby', 'sign-in-error');
    focus.focus();
  }

  function clearError(): void {
    error.hidden = true;
    for (const el of [server, user, password]) {
      el.removeAttribute('aria-invalid');
      el.removeAttribute('aria-describedby');
    }
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (busy) return;
    clearError();
    const missing = [server, user, password].find((el) => !el.value.trim());
    if (missing) {
      missing.setAttribute('aria-invalid', 'true');
      showError(`Enter your ${labelOf(missing)}.`, null, missing);
      return;
    }
    const canRemember = store.get().settings.canRememberPassword;
    const request: SignInRequest = {
      server: server.value.trim(),
      userId: user.value.trim(),
      password: password.value,
      ...(station.value.trim() ? { station: station.value.trim() } : {}),
      ...(canRemember ? { remember: remember.checked } : {}),
    };
    setBusy(true);
    agent
      .invoke('session:sign-in', request)
      .then((result) => {
        if (result.ok) {
          password.value = '';
          store.update({ session: result.session });
          return;
        }
        const message = signInErrorMessage(result.error, request.server);
        const target = result.error.kind === 'network' || result.error.kind === 'unsupported' ? server : password;
        if (target === password) password.select();
        showError(message.title, message.detail, target);
      })
      .catch((cause: unknown) => showError('Sign-in failed.', cause instanceof Error ? cause.message : String(cause), server))
      .finally(() => setBusy(false));
  });

  let prefilled = false;

  // Why the agent is here (the server ended the session, a stored one could not be resumed), unless the
  // form's own error already says it.
  function renderNotice(): void {
    const { session } = store.get();
    const byServer = session.state === 'signed-out-by-server';
    notice.hidden = (!byServer && !session.reason) || !error.hidden || busy;
    setText(
      notice,
      byServer ? `The server ended your session${session.reason ? `: ${session.reason}` : '.'}` : (session.reason ?? ''),
    );
  }

  return {
    element,
    update(state, previous) {
      const { settings, session } = state;
      if (!prefilled && state.ready) {
        // Fill once from settings; after that the form is the agent's.
        prefilled = true;
        server.value = settings.server ?? session.server ?? '';
        user.value = settings.userId ?? session.userId ?? '';
        station.value = settings.station ?? '';
        remember.checked = settings.rememberPassword;
      }
      if (settings !== previous.settings || !previous.ready) {
        rememberRow.hidden = !settings.canRememberPassword;
        rememberNote.hidden = settings.canRememberPassword;
        setText(
          rememberNote,
          `Your password will not be remembered on this computer${settings.rememberUnavailableReason ? `: ${settings.rememberUnavailableReason}` : '.'}`,
        );
      }
      renderNotice();
    },
    focus() {
      const empty = [server, user, password].find((el) => !el.value);
      (empty ?? password).focus();
    },
  };
}

function input(id: string, type: string, autocomplete: string, placeholder?: string): HTMLInputElement {
  return h('input', {
    id,
    type,
    class: 'field-input',
    autocomplete,
    spellcheck: 'false',
    autocapitalize: 'off',
    placeholder,
  });
}

function field(label: string, control: HTMLInputElement, note: string | null): HTMLDivElement {
  const noteId = note ? `${control.id}-note` : undefined;
  if (noteId) control.setAttribute('aria-describedby', noteId);
  return h(
    'div',
    { class: 'field' },
    h('label', { class: 'field-label', for: control.id, text: label }),
    control,
    note ? h('p', { class: 'field-note', id: noteId, text: note }) : null,
  );
}

function labelOf(control: HTMLInputElement): string {
  const label = control.labels?.[0]?.textContent ?? 'details';
  return label === 'User ID' ? label : label.toLowerCase();
}
