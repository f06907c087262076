// What each tray command does. The decisions are the core's (which items exist, what a press means); this
// only routes them to the window, the Agent and the app.
import type { Agent } from '../core/agent/agent-api.ts';
import type { TrayCommand } from '../core/tray/menu-model.ts';

export interface TrayCommandDeps {
  agent: Pick<Agent, 'press' | 'signOut' | 'snapshot'>;
  showWindow(): void;
  hideWindow(): void;
  /** Shows the window on this interaction (renderer event interaction:focus). */
  focusInteraction(interactionId: string): void;
  setStartAtLogin(enabled: boolean): void;
  quit(): void;
  /** Failures are already shown by the core (press progress, session state); this only keeps a log. */
  onError(error: unknown): void;
}

export function createTrayCommandRunner(deps: TrayCommandDeps): (command: TrayCommand) => void {
  return (command) => {
    switch (command.kind) {
      case 'show-window':
      case 'sign-in':
        return deps.showWindow();
      case 'hide-window':
        return deps.hideWindow();
      case 'focus-interaction':
        return deps.focusInteraction(command.interactionId);
      case 'press':
        deps.agent.press({ buttonId: command.buttonId, interactionId: command.interactionId }, 'tray').catch(deps.onError);
        return;
      case 'sign-out':
        // Signing out drops held presses. The menu cannot ask first, so the window does: its re-login dialog
        // lists them and signs out only once the agent confirms.
        if (deps.agent.snapshot().pending.length > 0) return deps.showWindow();
        deps.agent.signOut().catch(deps.onError);
        return;
      case 'set-start-at-login':
        return deps.setStartAtLogin(command.enabled);
      case 'quit':
        return deps.quit();
      case 'none':
        return;
    }
  };
}
