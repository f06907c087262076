// Finds the Electron binary the way node_modules/electron/index.js does, but never starts a download:
// requiring `electron` from Node tries to fetch it from GitHub and then throws.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export type ElectronBinary = { path: string } | { missing: string };

export function findElectronBinary(root: string, env: NodeJS.ProcessEnv = process.env): ElectronBinary {
  const pkg = path.join(root, 'node_modules', 'electron');
  const pathFile = path.join(pkg, 'path.txt');
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    const file = path.join(env.ELECTRON_OVERRIDE_DIST_PATH, executable || 'electron');
    return existsSync(file) ? { path: file } : { missing: `ELECTRON_OVERRIDE_DIST_PATH is set, but ${file} does not exist` };
  }
  if (!executable) {
    return { missing: 'no Electron binary: node_modules/electron/path.txt is absent (Electron downloads on first use, which did not happen here)' };
  }
  const file = path.join(pkg, 'dist', executable);
  return existsSync(file) ? { path: file } : { missing: `no Electron binary at ${file}` };
}

/** Linux without an X or Wayland display needs Xvfb for a window and a tray. */
export function needsVirtualDisplay(env: NodeJS.ProcessEnv = process.env, platform = process.platform): boolean {
  return platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY;
}
