// The core's ShortcutRegistrar over Electron's globalShortcut. Whether an accelerator is well-formed is the
// core's call (shortcut-manager checks it before registering); anything Electron still refuses by throwing is
// caught there too and shown as that shortcut's error.
import type { GlobalShortcut } from 'electron';
import type { ShortcutRegistrar } from '../core/agent/ports.ts';

export function createGlobalShortcutRegistrar(
  globalShortcut: Pick<GlobalShortcut, 'register' | 'unregister' | 'unregisterAll'>,
): ShortcutRegistrar {
  return {
    register: (accelerator, onPress) => globalShortcut.register(accelerator, onPress),
    unregister: (accelerator) => globalShortcut.unregister(accelerator),
    unregisterAll: () => globalShortcut.unregisterAll(),
  };
}
