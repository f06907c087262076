// Button icons as inline image data. The renderer may load nothing remote, so the core fetches a button's
// iconUri from the ICWS server itself (never a third party), keeps only small raster images, and hands the
// window a data: URI. A button whose icon cannot be had shows its label alone.
import type { Http } from '../icws/http.ts';

export const MAX_ICON_BYTES = 64 * 1024;
const RASTER_TYPE = /^image\/(?:png|gif|jpeg|webp|bmp|x-icon|vnd\.microsoft\.icon)$/;

/** The URL to fetch for an iconUri: a path or URL on the server's own origin, else null. */
export function iconUrl(iconUri: string, server: string): string | null {
  try {
    const origin = new URL(server).origin;
    const url = new URL(iconUri, `${origin}/`);
    return url.origin === origin ? url.href : null;
  } catch {
    return null;
  }
}

export interface IconCache {
  /** A data: URI for the icon, or null while it is loading, refused or absent. Loads it on first ask. */
  resolve(iconUri: string | undefined, server: string | null): string | null;
  clear(): void;
}

export function createIconCache(http: Http, onLoaded: () => void): IconCache {
  // URL → data URI, or null once asked for (loading, failed or refused: asked only once per session).
  const icons = new Map<string, string | null>();
  let generation = 0;

  async function load(url: string, asked: number) {
    try {
      const response = await http.bytes({ method: 'GET', url, headers: { Accept: 'image/*' }, maxBytes: MAX_ICON_BYTES, timeoutMs: 5000 });
      const type = (response.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
      if (response.status !== 200 || !RASTER_TYPE.test(type) || response.body.length === 0) return;
      if (response.body.length > MAX_ICON_BYTES || asked !== generation) return;
      icons.set(url, `data:${type};base64,${Buffer.from(response.body).toString('base64')}`);
      onLoaded();
    } catch {
      // No icon: the label is enough.
    }
  }

  return {
    resolve(iconUri, server) {
      if (!iconUri) return null;
      if (/^data:/i.test(iconUri)) return iconUri;
      const url = server ? iconUrl(iconUri, server) : null;
      if (!url) return null;
      if (!icons.has(url)) {
        icons.set(url, null);
        void load(url, generation);
      }
      return icons.get(url) ?? null;
    },
    clear() {
      icons.clear();
      generation++;
    },
  };
}
