// Boots the window: wires window.agent's events into the store, takes the first snapshot, mounts the views.
import type { ReloginRequest, SessionSnapshot } from '../../app/ipc/contract.ts';
import { getAgent } from './agent.ts';
import { h } from './dom.ts';
import { createStore, fromSnapshot, showsSignedIn, withPress, type UiState } from './state.ts';
import { createAppHeader } from './views/app-header.ts';
import { createAuditDialog } from './views/audit-dialog.ts';
import { createButtonBar } from './views/button-bar.ts';
import { createInteractionList } from './views/interaction-list.ts';
import { createReloginDialog } from './views/relogin-dialog.ts';
import { createSettingsDialog } from './views/settings-dialog.ts';
import { createSignInView } from './views/sign-in.ts';
import { createStatusBar } from './views/status-bar.ts';

const agent = getAgent();
const store = createStore();
const mac = /mac/i.test(navigator.platform || navigator.userAgent);

const header = createAppHeader({ store, agent });
const buttonBar = createButtonBar({ store, agent, mac });
const list = createInteractionList({ store, agent, onActivate: () => buttonBar.focusFirst() });
const signIn = createSignInView({ store, agent });
const audit = createAuditDialog({ store, agent });
const statusBar = createStatusBar({ onOpenAudit: () => audit.open(), onOpenSettings: () => settings.open(), mac });
const settings = createSettingsDialog({ store, agent, mac, fallbackFocus: () => statusBar.settingsButton });
const relogin = createReloginDialog({ store, agent });

const workspace = h('main', { class: 'workspace', tabindex: -1 }, list.element, buttonBar.element);
const signedIn = h('div', { class: 'signed-in' }, header.element, workspace);
const root = h('div', { class: 'app', 'aria-busy': 'true' }, signedIn, signIn.element, statusBar.element);
document.body.append(root, relogin.element, audit.element, settings.element);
signedIn.hidden = true;
signIn.element.hidden = true;

store.subscribe((state, previous) => {
  const wasSignedIn = previous.ready && showsSignedIn(previous);
  const isSignedIn = showsSignedIn(state);
  root.removeAttribute('aria-busy');
  signedIn.hidden = !isSignedIn;
  signIn.element.hidden = isSignedIn;
  header.update(state);
  list.update(state, previous);
  buttonBar.update(state);
  signIn.update(state, previous);
  statusBar.update(state);
  settings.update(state, previous);
  relogin.update(state, previous);
  // Put focus where the work is whenever the view switches (keyboard users start in the right place).
  if (isSignedIn && document.activeElement === workspace && state.interactions.length) list.focus();
  else if (isSignedIn !== wasSignedIn || !previous.ready) {
    if (isSignedIn && !state.relogin) {
      if (state.interactions.length) list.focus();
      else workspace.focus();
    } else if (!isSignedIn) signIn.focus();
  }
});

/** The re-login request to hold after a session change: one per expiry, gone when the session is up or over. */
function reloginFor(session: SessionSnapshot, state: UiState): ReloginRequest | null {
  switch (session.state) {
    case 'up':
    case 'signed-out':
    case 'signed-out-by-server':
      return null;
    case 'expired':
      return state.relogin ?? {
        server: session.server ?? '',
        userId: session.userId ?? '',
        reason: session.reason ?? '',
        pending: state.pending,
      };
    default:
      return state.relogin;
  }
}

// Subscribe before asking for the snapshot so nothing falls between the two.
agent.on('session:changed', (session) => store.update({ session, relogin: reloginFor(session, store.get()) }));
agent.on('interactions:changed', (interactions) => store.update({ interactions }));
agent.on('buttons:changed', (buttons) => store.update({ buttons }));
agent.on('pending:changed', (pending) => store.update({ pending }));
agent.on('shortcuts:changed', (shortcuts) => store.update({ shortcuts }));
agent.on('settings:changed', (settings) => store.update({ settings }));
agent.on('press:progress', (progress) => store.update({ presses: withPress(store.get().presses, progress) }));
// The core sends this once per expiry; a repeat only refreshes the text of the dialog already open.
agent.on('relogin:required', (request) => store.update({ relogin: request, pending: request.pending }));
agent.on('interaction:focus', ({ interactionId }) => list.reveal(interactionId));

agent
  .invoke('app:snapshot')
  .then((snapshot) => {
    const patch = fromSnapshot(snapshot);
    store.update({ ...patch, relogin: reloginFor(snapshot.session, { ...store.get(), pending: snapshot.pending }) });
  })
  .catch((error: unknown) => {
    root.removeAttribute('aria-busy');
    root.replaceChildren(
      h('main', { class: 'fatal' }, h('h1', { text: 'The app could not start' }), h('p', { text: String(error) })),
    );
  });
