import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ShortcutAction } from '../../ipc/contract.ts';
import type { ShortcutRegistrar } from '../agent/ports.ts';
import { isAccelerator } from './accelerator.ts';
import { createShortcutManager, defaultShortcutMap } from './shortcut-manager.ts';

/** A registrar over a set of accelerators "another application" already holds. */
function fakeRegistrar(takenByOthers: string[] = []) {
  const taken = new Set(takenByOthers);
  const ours = new Map<string, () => void>();
  const log: string[] = [];
  const registrar: ShortcutRegistrar = {
    register(accelerator, onPress) {
      log.push(`register ${accelerator}`);
      if (accelerator === 'Alt+F24') throw new Error('the platform refused F24');
      if (taken.has(accelerator) || ours.has(accelerator)) return false;
      ours.set(accelerator, onPress);
      return true;
    },
    unregister(accelerator) {
      log.push(`unregister ${accelerator}`);
      ours.delete(accelerator);
    },
    unregisterAll() {
      ours.clear();
    },
  };
  return { registrar, ours, taken, log, press: (accelerator: string) => ours.get(accelerator)?.() };
}

const targets = (slot: number) => (slot <= 2 ? `button-${slot}` : null);

test('the default map binds CommandOrControl+Alt+1..9 to slots and +0 to the window', () => {
  const map = defaultShortcutMap();
  assert.equal(Object.keys(map).length, 10);
  assert.deepEqual(map['CommandOrControl+Alt+1'], { kind: 'button-slot', slot: 1 });
  assert.deepEqual(map['CommandOrControl+Alt+9'], { kind: 'button-slot', slot: 9 });
  assert.deepEqual(map['CommandOrControl+Alt+0'], { kind: 'show-window' });
  assert.ok(Object.keys(map).every(isAccelerator));
});

test('every accelerator is registered and reported, a taken one as a conflict', () => {
  const fake = fakeRegistrar(['CommandOrControl+Alt+2']);
  const manager = createShortcutManager(fake.registrar, () => {});
  const statuses = manager.apply(defaultShortcutMap(), targets);
  const byKey = new Map(statuses.map((status) => [status.accelerator, status]));
  assert.equal(statuses.length, 10);
  assert.deepEqual(byKey.get('CommandOrControl+Alt+1'), {
    accelerator: 'CommandOrControl+Alt+1', action: { kind: 'button-slot', slot: 1 }, buttonId: 'button-1',
    registered: true, conflict: false, error: null,
  });
  assert.deepEqual(
    { registered: byKey.get('CommandOrControl+Alt+2')!.registered, conflict: byKey.get('CommandOrControl+Alt+2')!.conflict },
    { registered: false, conflict: true },
  );
  assert.equal(byKey.get('CommandOrControl+Alt+3')!.buttonId, null, 'no button in slot 3');
  assert.equal(byKey.get('CommandOrControl+Alt+0')!.buttonId, null);
  assert.deepEqual(manager.statuses(), statuses);
});

test('an invalid accelerator is an error, not a conflict, and a throwing registrar is caught', () => {
  const fake = fakeRegistrar();
  const manager = createShortcutManager(fake.registrar, () => {});
  const [invalid, refused, fine] = manager.apply(
    { 'Ctrl+Ctrl+X': { kind: 'show-window' }, 'Alt+F24': { kind: 'show-window' }, 'Alt+F13': { kind: 'show-window' } },
    targets,
  );
  assert.deepEqual([invalid!.registered, invalid!.conflict], [false, false]);
  assert.match(invalid!.error!, /not a valid shortcut/);
  assert.ok(!fake.log.includes('register Ctrl+Ctrl+X'), 'the grammar is checked before the registrar');
  assert.deepEqual([refused!.registered, refused!.conflict, refused!.error], [false, false, 'the platform refused F24']);
  assert.equal(fine!.registered, true);
});

test('a press runs the current action of its accelerator', () => {
  const fake = fakeRegistrar();
  const actions: ShortcutAction[] = [];
  const manager = createShortcutManager(fake.registrar, (action) => actions.push(action));
  manager.apply(defaultShortcutMap(), targets);
  fake.press('CommandOrControl+Alt+3');
  fake.press('CommandOrControl+Alt+0');
  assert.deepEqual(actions, [{ kind: 'button-slot', slot: 3 }, { kind: 'show-window' }]);
});

test('re-applying a changed map releases removed and changed ones, registers new ones, keeps the rest', () => {
  const fake = fakeRegistrar(['Alt+F2']);
  const actions: ShortcutAction[] = [];
  const manager = createShortcutManager(fake.registrar, (action) => actions.push(action));
  manager.apply(
    { 'Alt+F1': { kind: 'button-slot', slot: 1 }, 'Alt+F2': { kind: 'button-slot', slot: 2 }, 'Alt+F3': { kind: 'show-window' }, 'Alt+F4': { kind: 'button-slot', slot: 4 } },
    targets,
  );
  fake.log.length = 0;
  fake.taken.delete('Alt+F2'); // the other application let go of it
  const statuses = manager.apply(
    { 'Alt+F1': { kind: 'button-slot', slot: 1 }, 'Alt+F2': { kind: 'button-slot', slot: 2 }, 'Alt+F4': { kind: 'button-slot', slot: 5 }, 'Alt+F5': { kind: 'show-window' } },
    targets,
  );
  assert.deepEqual(fake.log, ['unregister Alt+F3', 'unregister Alt+F4', 'register Alt+F2', 'register Alt+F4', 'register Alt+F5']);
  assert.deepEqual(statuses.map((s) => [s.accelerator, s.registered]), [['Alt+F1', true], ['Alt+F2', true], ['Alt+F4', true], ['Alt+F5', true]]);
  fake.press('Alt+F4');
  assert.deepEqual(actions, [{ kind: 'button-slot', slot: 5 }]);
  assert.equal(fake.ours.has('Alt+F3'), false);
});

test('unregisterAll releases everything, keeps the map visible, and a later apply registers again', () => {
  const fake = fakeRegistrar();
  const manager = createShortcutManager(fake.registrar, () => {});
  manager.apply(defaultShortcutMap(), targets);
  manager.unregisterAll();
  assert.equal(fake.ours.size, 0);
  assert.ok(manager.statuses().every((status) => !status.registered && !status.conflict));
  assert.equal(manager.statuses().length, 10);
  manager.apply(defaultShortcutMap(), targets);
  assert.equal(fake.ours.size, 10);
});

test('accelerator grammar', () => {
  for (const ok of ['CommandOrControl+Alt+1', 'Shift+F5', 'F9', 'Ctrl+Shift+Plus', 'Alt+num5', 'CmdOrCtrl++', 'Super+/']) {
    assert.equal(isAccelerator(ok), true, ok);
  }
  for (const bad of ['', 'A', '1', 'Alt+', 'Alt+Hyper', 'Wobble+1', 'Alt+Alt+1', 'Alt+1+2', 'F25', 'x'.repeat(70)]) {
    assert.equal(isAccelerator(bad), false, bad);
  }
});
