// Button icons the simulator serves at /icons/<name>.png, as an IC server might serve a button's iconUri:
// one small PNG for every name (a blue tile with a white dot), so demos and tests have real image bytes.
import type { ServerResponse } from 'node:http';

const ICON_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAYAAAAf8/9hAAAAL0lEQVR4nGNgoBZQy7vznxRMkWYMQwanAeiAJANwgZFkAMWBODjSAUkGUJyZKAEAOrcE/7du1PEAAAAASUVORK5CYII=',
  'base64',
);

export const ICON_PATH = /^\/icons\/[A-Za-z0-9_-]{1,64}\.png$/;

export function serveIcon(res: ServerResponse): void {
  res.writeHead(200, { 'Content-Type': 'image/png', 'Content-Length': ICON_PNG.length, 'Cache-Control': 'max-age=3600' });
  res.end(ICON_PNG);
}

export function iconBytes(): Buffer {
  return Buffer.from(ICON_PNG);
}
