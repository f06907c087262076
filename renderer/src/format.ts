// Display formatting of times, shortcuts and interaction facts. Pure, so it is unit-tested under Node.
import type { InteractionView } from '../../app/ipc/contract.ts';

/** Elapsed time as an agent reads a call timer: 0:07, 12:34, 1:02:03. */
export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const ss = String(seconds).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${ss}` : `${minutes}:${ss}`;
}

/** A countdown in words: "5 s", "2 min 05 s". Never negative. */
export function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  if (total < 60) return `${total} s`;
  return `${Math.floor(total / 60)} min ${String(total % 60).padStart(2, '0')} s`;
}

export function formatClock(epochMs: number): string {
  return new Date(epochMs).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
}

export interface ShortcutText {
  /** What the button shows, in the platform's own notation. */
  label: string;
  /** The aria-keyshortcuts form (modifier names from the UI Events spec). */
  aria: string;
}

const MAC_SYMBOLS: Record<string, string> = { Meta: '⌘', Control: '⌃', Alt: '⌥', Shift: '⇧' };
const PC_NAMES: Record<string, string> = { Meta: 'Win', Control: 'Ctrl', Alt: 'Alt', Shift: 'Shift' };

/** Turns an Electron accelerator ("CommandOrControl+Alt+1") into text for this platform. */
export function formatShortcut(accelerator: string, mac: boolean): ShortcutText {
  const keys = acceleratorParts(accelerator).map((part) => normaliseKey(part, mac));
  const label = mac
    ? keys.map((key) => MAC_SYMBOLS[key] ?? (key === 'Plus' ? '+' : key)).join('')
    : keys.map((key) => PC_NAMES[key] ?? (key === 'Plus' ? '+' : key)).join('+');
  return { label, aria: keys.join('+') };
}

/** Splits on the separator "+", except that a "+" after it is the plus key itself ("CommandOrControl++"). */
export function acceleratorParts(accelerator: string): string[] {
  if (accelerator === '+') return ['+'];
  if (accelerator.endsWith('++')) return [...accelerator.slice(0, -2).split('+').filter(Boolean), '+'];
  return accelerator.split('+').filter(Boolean);
}

function normaliseKey(part: string, mac: boolean): string {
  switch (part.toLowerCase()) {
    case 'commandorcontrol':
    case 'cmdorctrl':
      return mac ? 'Meta' : 'Control';
    case 'command':
    case 'cmd':
    case 'super':
    case 'meta':
      return 'Meta';
    case 'control':
    case 'ctrl':
      return 'Control';
    case 'alt':
    case 'option':
    case 'altgr':
      return 'Alt';
    case 'shift':
      return 'Shift';
    // aria-keyshortcuts separates keys with "+", so the plus key has to be spelled out there.
    case '+':
    case 'plus':
      return 'Plus';
    default:
      return part.length === 1 ? part.toUpperCase() : part;
  }
}

const TYPE_LABELS: Record<InteractionView['type'], string> = {
  call: 'Call',
  callback: 'Callback',
  chat: 'Chat',
  email: 'Email',
  generic: 'Generic object',
  workitem: 'Work item',
  directmessage: 'Direct message',
  social: 'Social conversation',
  unknown: 'Interaction',
};

/** The type in words; an unknown type shows the server's own object type name. */
export function typeLabel(interaction: Pick<InteractionView, 'type' | 'objectType'>): string {
  if (interaction.type === 'unknown' && interaction.objectType.trim()) return interaction.objectType.trim();
  return TYPE_LABELS[interaction.type];
}

export function directionLabel(direction: InteractionView['direction']): string {
  return direction === 'inbound' ? 'Inbound' : direction === 'outbound' ? 'Outbound' : '';
}

/** Who the interaction is with, never empty: the name, else the address, else a placeholder. */
export function partyName(interaction: Pick<InteractionView, 'remoteName' | 'remoteAddress'>): string {
  return interaction.remoteName.trim() || interaction.remoteAddress.trim() || 'Unknown party';
}

/** The host of a server URL, for the status bar; the string itself when it does not parse. */
export function serverHost(server: string): string {
  try {
    return new URL(server).host || server;
  } catch {
    return server;
  }
}
