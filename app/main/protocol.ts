// The app:// protocol the renderer is loaded from: a secure, standard origin of its own (not file://), serving
// only files inside dist/renderer, each with a strict Content-Security-Policy.
// Looked up at call time, so Electron's asar-aware fs (patched onto this object) serves packaged files.
import fs from 'node:fs/promises';
import path from 'node:path';
import type { CustomScheme } from 'electron';

export const APP_SCHEME = 'app';
export const APP_HOST = 'renderer';
export const RENDERER_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** Registered before ready: standard (real origin, relative URLs) and secure (like https). */
export const PRIVILEGED_SCHEMES: CustomScheme[] = [
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
];

// The renderer talks only to window.agent: no network, no frames, no plugins. Button icons are data: URIs.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/** True when the URL is a page of the app's own origin (its main frame, a sender of IPC). */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}

function inside(root: string, file: string): boolean {
  const relative = path.relative(root, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

function refuse(status: number): Response {
  return new Response(null, { status, headers: { 'Content-Security-Policy': CONTENT_SECURITY_POLICY } });
}

/** protocol.handle's handler for app://renderer/...; `rootDir` is dist/renderer. */
export function createRendererProtocolHandler(rootDir: string): (request: Request) => Promise<Response> {
  const root = path.resolve(rootDir);
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405);
    if (!isAppUrl(request.url)) return refuse(404);
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(request.url).pathname);
    } catch {
      return refuse(400);
    }
    // Backslashes and NUL have no place in our file names and only serve to confuse path handling.
    if (pathname.includes('\\') || pathname.includes('\0')) return refuse(400);
    const file = path.resolve(root, pathname === '/' ? 'index.html' : `.${pathname}`);
    if (!inside(root, file)) return refuse(403);
    const type = TYPES[path.extname(file).toLowerCase()];
    if (!type) return refuse(404);
    try {
      // A symbolic link out of the folder is refused just like ../
      const [realRoot, realFile] = await Promise.all([fs.realpath(root), fs.realpath(file)]);
      if (!inside(realRoot, realFile) || !(await fs.stat(realFile)).isFile()) return refuse(403);
      const body = request.method === 'HEAD' ? null : await fs.readFile(realFile);
      return new Response(body, {
        status: 200,
        headers: {
          'Content-Type': type,
          'Content-Security-Policy': CONTENT_SECURITY_POLICY,
          'X-Content-Type-Options': 'nosniff',
          'Cache-Control': 'no-cache',
        },
      });
    } catch {
      return refuse(404);
    }
  };
}
