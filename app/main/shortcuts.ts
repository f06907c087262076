// The core's ShortcutRegistrar over Electron's globalShortcut.
import type { GlobalShortcut } from 'electron';
import type { ShortcutRegistrar } from '../core/agent/ports.ts';
import { isAccelerator } from '../core/shortcuts/accelerator.ts';

export function createGlobalShortcutRegistrar(
  globalShortcut: Pick<GlobalShortcut, 'register' | 'unregister' | 'unregisterAll'>,
): ShortcutRegistrar {
  return {
    register(accelerator, onPress) {
      // Electron only logs a parse failure; the port promises a throw, which the manager reports as an error.
      if (!isAccelerator(accelerator)) throw new Error(`"${accelerator.slice(0, 64)}" is not a valid shortcut.`);
      return globalShortcut.register(accelerator, onPress);
    },
    unregister: (accelerator) => globalShortcut.unregister(accelerator),
    unregisterAll: () => globalShortcut.unregisterAll(),
  };
}
