// Keeps the registered global accelerators in step with the shortcut map from settings, and reports each
// one's outcome: a taken accelerator is a visible conflict, never silently lost.
import type { ShortcutAction, ShortcutStatus } from '../../ipc/contract.ts';
import type { ShortcutRegistrar } from '../agent/ports.ts';
import { isAccelerator } from './accelerator.ts';

export interface ShortcutManager {
  /** Registers `map`; accelerators no longer in it are released, unchanged registered ones are left alone. */
  apply(map: Record<string, ShortcutAction>, targetOf: (slot: number) => string | null): ShortcutStatus[];
  statuses(): ShortcutStatus[];
  /** Releases every accelerator (sign-out, quit); the map is kept, so a later apply registers it again. */
  unregisterAll(): void;
}

/** CommandOrControl+Alt+1..9 press the first nine buttons; CommandOrControl+Alt+0 shows the window. */
export function defaultShortcutMap(): Record<string, ShortcutAction> {
  const map: Record<string, ShortcutAction> = {};
  for (let slot = 1; slot <= 9; slot++) map[`CommandOrControl+Alt+${slot}`] = { kind: 'button-slot', slot };
  map['CommandOrControl+Alt+0'] = { kind: 'show-window' };
  return map;
}

function sameAction(a: ShortcutAction, b: ShortcutAction): boolean {
  return a.kind === b.kind && (a.kind !== 'button-slot' || (b.kind === 'button-slot' && a.slot === b.slot));
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function createShortcutManager(
  registrar: ShortcutRegistrar,
  onAction: (action: ShortcutAction) => void,
): ShortcutManager {
  const entries = new Map<string, ShortcutStatus>();
  let targetOf: (slot: number) => string | null = () => null;

  const release = (status: ShortcutStatus) => {
    if (status.registered) registrar.unregister(status.accelerator);
    status.registered = false;
  };

  const register = (status: ShortcutStatus) => {
    status.conflict = false;
    status.error = null;
    if (!isAccelerator(status.accelerator)) {
      status.registered = false;
      status.error = `"${status.accelerator.slice(0, 64)}" is not a valid shortcut.`;
      return;
    }
    try {
      // The callback reads the entry at press time, so it always runs the current action.
      status.registered = registrar.register(status.accelerator, () => {
        const current = entries.get(status.accelerator);
        if (current?.registered) onAction(current.action);
      });
      status.conflict = !status.registered;
    } catch (error) {
      status.registered = false;
      status.error = message(error);
    }
  };

  const statuses = () =>
    [...entries.values()].map((status) => ({
      ...status,
      action: { ...status.action },
      buttonId: status.action.kind === 'button-slot' ? targetOf(status.action.slot) : null,
    }));

  return {
    apply(map, nextTargetOf) {
      targetOf = nextTargetOf;
      for (const [accelerator, status] of entries) {
        const wanted = map[accelerator];
        if (!wanted || !sameAction(wanted, status.action)) {
          release(status);
          entries.delete(accelerator);
        }
      }
      for (const [accelerator, action] of Object.entries(map)) {
        let status = entries.get(accelerator);
        if (!status) {
          status = { accelerator, action: { ...action }, buttonId: null, registered: false, conflict: false, error: null };
          entries.set(accelerator, status);
        }
        // A conflict may have cleared since (the other application quit): try again.
        if (!status.registered) register(status);
      }
      return statuses();
    },
    statuses,
    unregisterAll() {
      for (const status of entries.values()) {
        release(status);
        status.conflict = false;
        status.error = null;
      }
    },
  };
}
