// Turns a catalog button into what the renderer shows (contract ButtonView): a label and tooltip in the
// session language, and an icon only when it is inline image data, so the renderer never fetches anything.
import type { ButtonView } from '../../ipc/contract.ts';
import { displayText } from '../display-text.ts';
import type { CatalogButton, CatalogText } from './button-catalog.ts';

/**
 * The translation for `language`: exact tag (case-insensitive, `_` read as `-`), then the primary subtag
 * ("en-US" → "en"), then any tag with that primary subtag ("en" → "en-GB"), then defaultValue.
 * Empty values count as missing. Undefined when nothing usable is there.
 */
export function pickText(text: CatalogText | undefined, language: string): string | undefined {
  if (!text) return undefined;
  const norm = (tag: string): string => tag.trim().toLowerCase().replace(/_/g, '-');
  const wanted = norm(language);
  const primary = wanted.split('-')[0] ?? '';
  const values = (text.multiLanguageValues ?? []).filter((entry) => entry.value.trim() !== '');
  const found =
    values.find((entry) => norm(entry.language) === wanted) ??
    (primary ? values.find((entry) => norm(entry.language) === primary) : undefined) ??
    (primary ? values.find((entry) => norm(entry.language).split('-')[0] === primary) : undefined);
  if (found) return found.value;
  return text.defaultValue !== undefined && text.defaultValue.trim() !== '' ? text.defaultValue : undefined;
}

// Raster images only: SVG is a document format and has no place in a button icon.
const SAFE_ICON = /^data:image\/(?:png|gif|jpeg|jpg|bmp|webp|x-icon|vnd\.microsoft\.icon)(?:;[a-z0-9=._+-]+)*,[a-z0-9+/=%._~-]*$/i;

/** The icon URI when it is an inline raster image (`data:image/png;base64,...`), else null. */
export function safeIconUri(uri: string | undefined): string | null {
  return uri !== undefined && SAFE_ICON.test(uri) ? uri : null;
}

/** `icon` is the image to show (a data: URI the core fetched); by default the button's own iconUri. */
export function toButtonView(
  button: CatalogButton,
  language: string,
  shortcut: string | null,
  icon: string | null | undefined = button.iconUri,
): ButtonView {
  const displayName = button.configurationId.displayName;
  const label =
    pickText(button.buttonText, language) ??
    (displayName !== undefined && displayName.trim() !== '' ? displayName : undefined) ??
    button.id;
  return {
    id: button.id,
    label: displayText(label),
    tooltip: displayText(pickText(button.description, language) ?? ''),
    iconUri: safeIconUri(icon ?? undefined),
    shortcut,
  };
}
