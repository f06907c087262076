// A window into the main process for the Electron e2e suite (Playwright's electronApp.evaluate), installed
// only when ICWS_AGENT_E2E=1 in an unpackaged build. Read-only views plus "click this tray item".
import type { ShortcutStatus } from '../ipc/contract.ts';
import type { TrayView } from './tray.ts';

export const E2E_HOOK = '__icwsAgentE2E';

export interface E2eHook {
  tray(): TrayView;
  clickTray(id: string): boolean;
  shortcuts(): ShortcutStatus[];
  windowVisible(): boolean;
  /** The built-in simulator's URL in demo mode, else null. */
  demoServer(): string | null;
  /** URLs the window tried to navigate to (or open) and was refused, oldest first. */
  refusedNavigations(): string[];
}

export function e2eHookEnabled(env: NodeJS.ProcessEnv, packaged: boolean): boolean {
  return env.ICWS_AGENT_E2E === '1' && !packaged;
}

export function installE2eHook(target: object, hook: E2eHook): void {
  Object.defineProperty(target, E2E_HOOK, { value: Object.freeze(hook), configurable: false, enumerable: false });
}
