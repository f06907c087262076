import { test } from 'node:test';
import assert from 'node:assert/strict';
import { acceleratorParts, formatCountdown, formatElapsed, formatShortcut, partyName, serverHost, typeLabel } from './format.ts';

test('elapsed time reads like a call timer', () => {
  assert.equal(formatElapsed(0), '0:00');
  assert.equal(formatElapsed(7_400), '0:07');
  assert.equal(formatElapsed(754_000), '12:34');
  assert.equal(formatElapsed(3_723_000), '1:02:03');
  assert.equal(formatElapsed(-5_000), '0:00', 'a clock skewed into the future never shows negative time');
});

test('countdowns round up and never go negative', () => {
  assert.equal(formatCountdown(4_100), '5 s');
  assert.equal(formatCountdown(125_000), '2 min 05 s');
  assert.equal(formatCountdown(-1), '0 s');
});

test('accelerators are shown in the platform notation', () => {
  assert.deepEqual(formatShortcut('CommandOrControl+Alt+1', false), { label: 'Ctrl+Alt+1', aria: 'Control+Alt+1' });
  assert.deepEqual(formatShortcut('CommandOrControl+Alt+1', true), { label: '⌘⌥1', aria: 'Meta+Alt+1' });
  assert.deepEqual(formatShortcut('Ctrl+Shift+f', false), { label: 'Ctrl+Shift+F', aria: 'Control+Shift+F' });
  assert.equal(formatShortcut('Super+F5', false).label, 'Win+F5');
});

test('the plus key survives the "+" separator', () => {
  assert.deepEqual(acceleratorParts('CommandOrControl++'), ['CommandOrControl', '+']);
  assert.deepEqual(acceleratorParts('Ctrl+Shift++'), ['Ctrl', 'Shift', '+']);
  assert.deepEqual(acceleratorParts('Alt+1'), ['Alt', '1']);
  assert.deepEqual(formatShortcut('CommandOrControl++', false), { label: 'Ctrl++', aria: 'Control+Plus' });
  assert.deepEqual(formatShortcut('CommandOrControl++', true), { label: '⌘+', aria: 'Meta+Plus' });
  assert.deepEqual(formatShortcut('Alt+Plus', false), { label: 'Alt++', aria: 'Alt+Plus' });
  assert.deepEqual(formatShortcut('Shift+-', false), { label: 'Shift+-', aria: 'Shift+-' });
});

test('who an interaction is with is never blank', () => {
  assert.equal(partyName({ remoteName: ' Jane ', remoteAddress: '1' }), 'Jane');
  assert.equal(partyName({ remoteName: '', remoteAddress: '+1 317' }), '+1 317');
  assert.equal(partyName({ remoteName: ' ', remoteAddress: '' }), 'Unknown party');
});

test('an unknown type shows the server’s own name for it', () => {
  assert.equal(typeLabel({ type: 'unknown', objectType: 'Fax' }), 'Fax');
  assert.equal(typeLabel({ type: 'unknown', objectType: '' }), 'Interaction');
  assert.equal(typeLabel({ type: 'workitem', objectType: 'Workitem' }), 'Work item');
});

test('the status bar shows a server as host and port', () => {
  assert.equal(serverHost('https://cic01.example.com:8019/'), 'cic01.example.com:8019');
  assert.equal(serverHost('not a url'), 'not a url');
});
