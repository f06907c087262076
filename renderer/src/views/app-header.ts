// Title, how many interactions, and sign out.
import type { AgentApi } from '../../../app/ipc/contract.ts';
import { fireAndForget } from '../agent.ts';
import { h, setText } from '../dom.ts';
import type { Store, UiState } from '../state.ts';

export interface AppHeader {
  element: HTMLElement;
  update(state: UiState): void;
}

export function createAppHeader({ store, agent }: { store: Store; agent: AgentApi }): AppHeader {
  const count = h('span', { class: 'header-count' });
  const signOut = h('button', { type: 'button', class: 'button button-quiet', text: 'Sign out' });
  signOut.addEventListener('click', () => {
    signOut.disabled = true;
    fireAndForget(
      agent
        .invoke('session:sign-out')
        .then((session) => store.update({ session }))
        .finally(() => (signOut.disabled = false)),
    );
  });
  const element = h(
    'header',
    { class: 'app-header' },
    h('h1', { class: 'app-title', text: 'My Interactions' }),
    count,
    h('span', { class: 'header-spacer' }),
    signOut,
  );
  return {
    element,
    update(state) {
      const active = state.interactions.filter((interaction) => interaction.active).length;
      const total = state.interactions.length;
      setText(count, total === 0 ? '' : active === total ? `${total}` : `${active} active · ${total}`);
      count.hidden = total === 0;
    },
  };
}
