// ICWS answers with application/vnd.inin.icws+JSON, but servers and proxies also send application/json;
// compare without parameters and case (PROTOCOL.md §7.2).
export const ICWS_MEDIA_TYPE = 'application/vnd.inin.icws+JSON';
export const ICWS_CONTENT_TYPE = `${ICWS_MEDIA_TYPE};charset=utf-8`;

export function isJsonMediaType(contentType: string | undefined | null): boolean {
  if (!contentType) return false;
  const essence = contentType.split(';')[0]!.trim().toLowerCase();
  return essence === 'application/vnd.inin.icws+json' || essence === 'application/json';
}
