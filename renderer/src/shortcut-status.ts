// What the settings panel and the status bar say about each global shortcut. Pure, so it is unit-tested under Node.
import type { ButtonView, ShortcutStatus } from '../../app/ipc/contract.ts';
import { formatShortcut, type ShortcutText } from './format.ts';

export type ShortcutTone = 'ok' | 'conflict' | 'error' | 'idle';

export interface ShortcutRow {
  keys: ShortcutText;
  /** What pressing it does right now. */
  action: string;
  status: string;
  tone: ShortcutTone;
}

export function describeShortcut(status: ShortcutStatus, buttons: readonly ButtonView[], mac: boolean): ShortcutRow {
  return { keys: formatShortcut(status.accelerator, mac), action: actionText(status, buttons), ...statusText(status) };
}

function actionText(status: ShortcutStatus, buttons: readonly ButtonView[]): string {
  if (status.action.kind === 'show-window') return 'Show window';
  const slot = `Button ${status.action.slot}`;
  if (status.buttonId === null) return `${slot}: none`;
  const id = status.buttonId.toLowerCase();
  const button = buttons.find((candidate) => candidate.id.toLowerCase() === id);
  return `${slot}: ${button?.label.trim() || status.buttonId}`;
}

function statusText(status: ShortcutStatus): Pick<ShortcutRow, 'status' | 'tone'> {
  // An error says more than a conflict (the manager sets only one of them, but be sure).
  if (status.error) return { status: status.error, tone: 'error' };
  if (status.conflict) return { status: 'Taken by another application', tone: 'conflict' };
  if (status.registered) return { status: 'Registered', tone: 'ok' };
  return { status: 'Not registered', tone: 'idle' };
}

export function hasProblem(status: ShortcutStatus): boolean {
  return status.conflict || status.error !== null;
}

/** The status bar's short warning, or null when every shortcut is fine: "1 shortcut taken", "2 shortcuts unavailable". */
export function problemSummary(statuses: readonly ShortcutStatus[]): string | null {
  const problems = statuses.filter(hasProblem);
  if (problems.length === 0) return null;
  const noun = problems.length === 1 ? 'shortcut' : 'shortcuts';
  const allTaken = problems.every((status) => status.conflict && !status.error);
  return `${problems.length} ${noun} ${allTaken ? 'taken' : 'unavailable'}`;
}
