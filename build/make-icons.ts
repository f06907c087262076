// Writes build/icon.png, the packaged app's icon (electron-builder makes .ico and .icns from it). The tray
// icons are drawn at runtime from the same code (app/main/tray-icons.ts). Run: node build/make-icons.ts
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { appIconPng } from '../app/main/tray-icons.ts';

export const APP_ICON_PATH = path.join(import.meta.dirname, 'icon.png');

if (import.meta.main) {
  writeFileSync(APP_ICON_PATH, appIconPng(512));
  console.log(`wrote ${path.relative(process.cwd(), APP_ICON_PATH)}`);
}
