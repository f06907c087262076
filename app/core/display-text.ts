// Server text is shown as text, never interpreted; this only bounds its length so one absurd value
// cannot stretch the UI or the IPC payload.

export const DISPLAY_LIMIT = 512;

/** `value` when it is a string within `limit`, cut to `limit` (ellipsis included) when longer, '' when not a string. */
export function displayText(value: unknown, limit = DISPLAY_LIMIT): string {
  if (typeof value !== 'string') return '';
  if (value.length <= limit) return value;
  let end = limit - 1;
  // Do not split a surrogate pair: that would leave a lone half that renders as garbage.
  const last = value.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${value.slice(0, end)}…`;
}
