import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { InteractionView, PressProgress } from '../../app/ipc/contract.ts';
import { createStore, showsSignedIn, withPress } from './state.ts';

const view = (id: string): InteractionView => ({
  id,
  type: 'call',
  objectType: 'Call',
  remoteName: id,
  remoteAddress: '',
  state: 'connected',
  stateText: 'Connected',
  direction: 'inbound',
  startedAt: null,
  muted: false,
  held: false,
  active: true,
  alerting: false,
  buttons: [],
});

test('a selected interaction that leaves the list is deselected, never swapped for another', () => {
  const store = createStore();
  store.update({ interactions: [view('a'), view('b')], selectedId: 'b' });
  assert.equal(store.get().interactionsById.get('a')?.id, 'a');
  store.update({ interactions: [view('a'), view('c')] });
  assert.equal(store.get().selectedId, null);
});

test('listeners get the new and the previous state', () => {
  const store = createStore();
  const seen: [string | null, string | null][] = [];
  store.subscribe((state, previous) => seen.push([previous.selectedId, state.selectedId]));
  store.update({ interactions: [view('a')] });
  store.update({ selectedId: 'a' });
  assert.deepEqual(seen, [[null, null], [null, 'a']]);
});

test('a press keeps only its latest phase', () => {
  const p = (phase: PressProgress['phase']): PressProgress => ({
    pressId: 'p1', buttonId: 'B', buttonLabel: 'B', interactionId: null, source: 'click', phase, error: null, at: 0,
  });
  assert.deepEqual(withPress(withPress([], p('sending')), p('succeeded')).map((x) => x.phase), ['succeeded']);
});

test('the signed-in view stays up through expiry and a re-login in progress', () => {
  const store = createStore();
  const session = store.get().session;
  store.update({ session: { ...session, state: 'expired' } });
  assert.equal(showsSignedIn(store.get()), true);
  store.update({ session: { ...session, state: 'signing-in' } });
  assert.equal(showsSignedIn(store.get()), false, 'a first sign-in shows the form');
  store.update({ relogin: { server: 's', userId: 'u', reason: '', pending: [] } });
  assert.equal(showsSignedIn(store.get()), true, 'a re-login keeps the list behind the dialog');
});
