import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ButtonView, ShortcutStatus } from '../../app/ipc/contract.ts';
import { describeShortcut, problemSummary } from './shortcut-status.ts';

const buttons: ButtonView[] = [{ id: 'Escalate', label: 'Escalate', tooltip: '', iconUri: null, shortcut: null }];

function status(overrides: Partial<ShortcutStatus> = {}): ShortcutStatus {
  return {
    accelerator: 'CommandOrControl+Alt+1',
    action: { kind: 'button-slot', slot: 1 },
    buttonId: 'escalate',
    registered: true,
    conflict: false,
    error: null,
    ...overrides,
  };
}

test('a shortcut row names its keys, the button its slot targets now, and whether it is ours', () => {
  assert.deepEqual(describeShortcut(status(), buttons, false), {
    keys: { label: 'Ctrl+Alt+1', aria: 'Control+Alt+1' },
    action: 'Button 1: Escalate',
    status: 'Registered',
    tone: 'ok',
  });
  const taken = describeShortcut(status({ action: { kind: 'button-slot', slot: 2 }, buttonId: null, registered: false, conflict: true }), buttons, true);
  assert.deepEqual([taken.keys.label, taken.action, taken.status, taken.tone], ['⌘⌥1', 'Button 2: none', 'Taken by another application', 'conflict']);
  const broken = describeShortcut(status({ accelerator: 'Hyper+Q', registered: false, error: '"Hyper+Q" is not a valid shortcut.' }), buttons, false);
  assert.deepEqual([broken.status, broken.tone], ['"Hyper+Q" is not a valid shortcut.', 'error']);
  const show = describeShortcut(status({ accelerator: 'CommandOrControl+Alt+0', action: { kind: 'show-window' }, buttonId: null, registered: false }), buttons, false);
  assert.deepEqual([show.action, show.status, show.tone], ['Show window', 'Not registered', 'idle']);
  assert.equal(describeShortcut(status({ buttonId: 'Gone' }), buttons, false).action, 'Button 1: Gone', 'an unknown button shows its ID');
});

test('the status bar warns only when a shortcut is taken or failed, in few words', () => {
  assert.equal(problemSummary([]), null);
  assert.equal(problemSummary([status(), status({ registered: false })]), null, 'not registered while signed out is no problem');
  assert.equal(problemSummary([status({ registered: false, conflict: true })]), '1 shortcut taken');
  assert.equal(problemSummary([status({ registered: false, conflict: true }), status({ registered: false, conflict: true })]), '2 shortcuts taken');
  assert.equal(problemSummary([status({ registered: false, conflict: true }), status({ registered: false, error: 'x' })]), '2 shortcuts unavailable');
});
