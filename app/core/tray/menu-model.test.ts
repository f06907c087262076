import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { SessionState } from '../../ipc/contract.ts';
import { appSnapshot, button, interaction, session } from '../agent/testing/snapshot-fixtures.ts';
import { buildTrayMenu, trayIconState, trayTooltip, type TrayMenuItem } from './menu-model.ts';

const options = { startAtLogin: false, windowVisible: false };
const ids = (items: TrayMenuItem[]) => items.filter((item) => item.type !== 'separator').map((item) => item.id);
const live = (state: SessionState) =>
  appSnapshot({
    session: session({ state, server: 'https://cic.example.com:8019', userId: 'agent1', userDisplayName: 'Agent One' }),
    interactions: [
      interaction('1', { remoteName: 'Ann & Co', buttons: ['b1', 'b2', 'gone'] }),
      interaction('2', { active: false, remoteName: 'Disconnected' }),
      interaction('3', { remoteName: '', remoteAddress: '+15550123', buttons: [] }),
    ],
    buttons: { all: [button('b1', 'Transfer to QA'), button('b2', 'Wrap-up')], none: [] },
  });

test('icon state for every session state', () => {
  const expected: Record<SessionState, string> = {
    up: 'signed-in',
    expired: 'expired',
    reconnecting: 'reconnecting',
    'signing-in': 'reconnecting',
    'signed-out': 'signed-out',
    'signed-out-by-server': 'signed-out',
  };
  for (const [state, icon] of Object.entries(expected)) assert.equal(trayIconState(session({ state: state as SessionState })), icon, state);
});

test('tooltip names the user and server, and says the state', () => {
  assert.equal(trayTooltip(live('up').session), 'ICWS Agent: Agent One on cic.example.com:8019 (signed in)');
  assert.equal(trayTooltip(live('expired').session), 'ICWS Agent: Agent One on cic.example.com:8019 (session expired, sign in again)');
  assert.equal(trayTooltip(session()), 'ICWS Agent (signed out)');
  assert.equal(trayTooltip(session({ state: 'up', userId: 'agent1', server: 'http://127.0.0.1:5000', demo: true })), 'ICWS Agent: agent1 on 127.0.0.1:5000 (signed in, demo)');
  assert.ok(trayTooltip(session({ state: 'up', userId: 'u'.repeat(300), server: 'https://x' })).length <= 127);
});

test('signed out: open, sign in, start at login, quit; no interactions', () => {
  const menu = buildTrayMenu(appSnapshot(), options);
  assert.deepEqual(ids(menu), ['window', 'sign-in', 'start-at-login', 'quit']);
  assert.deepEqual(menu.find((item) => item.id === 'sign-in')!.command, { kind: 'sign-in' });
  assert.equal(menu[0]!.label, 'Open ICWS Agent');
});

test('signing in: the sign-in item is disabled while it runs', () => {
  const menu = buildTrayMenu(appSnapshot({ session: session({ state: 'signing-in' }) }), options);
  const signIn = menu.find((item) => item.id === 'sign-in')!;
  assert.equal(signIn.enabled, false);
  assert.equal(signIn.label, 'Signing in…');
});

test('signed in: active interactions with their buttons, then sign out', () => {
  const menu = buildTrayMenu(live('up'), { startAtLogin: true, windowVisible: true });
  assert.deepEqual(ids(menu), ['window', 'interaction:1', 'interaction:3', 'sign-out', 'start-at-login', 'quit']);
  assert.equal(menu[0]!.label, 'Hide window');
  const first = menu.find((item) => item.id === 'interaction:1')!;
  assert.equal(first.label, 'Ann & Co (Connected)');
  assert.deepEqual(
    first.submenu!.filter((item) => item.type !== 'separator').map((item) => [item.label, item.command]),
    [
      ['Show in window', { kind: 'focus-interaction', interactionId: '1' }],
      ['Transfer to QA', { kind: 'press', buttonId: 'b1', interactionId: '1' }],
      ['Wrap-up', { kind: 'press', buttonId: 'b2', interactionId: '1' }],
    ],
  );
  assert.equal(menu.find((item) => item.id === 'interaction:3')!.label, '+15550123 (Connected)');
  const startAtLogin = menu.find((item) => item.id === 'start-at-login')!;
  assert.deepEqual([startAtLogin.type, startAtLogin.checked, startAtLogin.command], ['checkbox', true, { kind: 'set-start-at-login', enabled: false }]);
});

test('expired: interactions stay (presses queue), and sign in again comes before sign out', () => {
  const menu = buildTrayMenu(live('expired'), options);
  assert.deepEqual(ids(menu), ['window', 'interaction:1', 'interaction:3', 'sign-in', 'sign-out', 'start-at-login', 'quit']);
  assert.equal(menu.find((item) => item.id === 'sign-in')!.label, 'Sign in again…');
  assert.ok(menu.find((item) => item.id === 'interaction:1')!.submenu!.every((item) => item.enabled));
});

test('reconnecting: interactions still listed, sign out offered', () => {
  assert.deepEqual(ids(buildTrayMenu(live('reconnecting'), options)), ['window', 'interaction:1', 'interaction:3', 'sign-out', 'start-at-login', 'quit']);
});

test('signed out by the server: like signed out', () => {
  assert.deepEqual(ids(buildTrayMenu({ ...live('signed-out-by-server') }, options)), ['window', 'sign-in', 'start-at-login', 'quit']);
});

test('long lists and labels are clipped; an empty list says so; the model is serialisable', () => {
  const many = appSnapshot({
    session: session({ state: 'up' }),
    interactions: Array.from({ length: 12 }, (_, i) => interaction(String(i), { remoteName: 'N'.repeat(200) })),
  });
  const menu = buildTrayMenu(many, { ...options, startAtLoginSupported: false });
  assert.equal(menu.filter((item) => item.id.startsWith('interaction:')).length, 8);
  assert.equal(menu.find((item) => item.id === 'more-interactions')!.label, '4 more in the window');
  assert.ok(menu.every((item) => item.label.length <= 60));
  assert.equal(menu.find((item) => item.id === 'start-at-login')!.enabled, false);
  assert.deepEqual(JSON.parse(JSON.stringify(menu)), menu);
  const empty = buildTrayMenu(appSnapshot({ session: session({ state: 'up' }) }), options);
  assert.equal(empty.find((item) => item.id === 'no-interactions')!.enabled, false);
});
