// Electron's accelerator grammar (https://www.electronjs.org/docs/latest/api/accelerator), checked before an
// accelerator reaches globalShortcut, so a bad one in settings is reported instead of thrown natively.

const MODIFIERS = new Set([
  'command', 'cmd', 'control', 'ctrl', 'commandorcontrol', 'cmdorctrl', 'alt', 'option', 'altgr', 'shift', 'super', 'meta',
]);

const NAMED_KEYS = new Set([
  'plus', 'space', 'tab', 'capslock', 'numlock', 'scrolllock', 'backspace', 'delete', 'insert', 'return', 'enter',
  'up', 'down', 'left', 'right', 'home', 'end', 'pageup', 'pagedown', 'escape', 'esc', 'volumeup', 'volumedown',
  'volumemute', 'medianexttrack', 'mediaprevioustrack', 'mediastop', 'mediaplaypause', 'printscreen',
  'numdec', 'numadd', 'numsub', 'nummult', 'numdiv',
]);

const PUNCTUATION = new Set([...')!@#$%^&*(:;:+=<,_->.?/~`{][|\\}"\'']);

function isKey(token: string): boolean {
  const lower = token.toLowerCase();
  return (
    /^[a-z0-9]$/.test(lower) ||
    /^f([1-9]|1[0-9]|2[0-4])$/.test(lower) ||
    /^num[0-9]$/.test(lower) ||
    NAMED_KEYS.has(lower) ||
    (token.length === 1 && PUNCTUATION.has(token))
  );
}

function isFunctionKey(token: string): boolean {
  return /^f([1-9]|1[0-9]|2[0-4])$/i.test(token);
}

/**
 * True for "Modifier+...+Key". A global shortcut without a modifier would swallow that key in every other
 * application, so only F1..F24 may stand alone.
 */
export function isAccelerator(value: string): boolean {
  if (value.length === 0 || value.length > 64) return false;
  // "CommandOrControl++" binds the plus key: split keeps an empty last part we read back as "+".
  const parts = value.endsWith('++') ? [...value.slice(0, -2).split('+'), '+'] : value.split('+');
  const key = parts.pop();
  if (key === undefined || !isKey(key)) return false;
  const seen = new Set<string>();
  for (const modifier of parts) {
    const lower = modifier.toLowerCase();
    if (!MODIFIERS.has(lower) || seen.has(lower)) return false;
    seen.add(lower);
  }
  return parts.length > 0 || isFunctionKey(key);
}
