// A server as the agent types it ("cic1.example.local:8019", "https://host/api/cic1") made into the base
// URL every /icws path is appended to.
import { IcwsError } from './errors.ts';

export function normaliseServerUrl(input: unknown): string {
  if (typeof input !== 'string' || input.trim() === '') {
    throw new IcwsError('validation', 'Enter the server address, for example https://cic.example.com:8019.');
  }
  const raw = input.trim();
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `https://${raw}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new IcwsError('validation', `"${raw.slice(0, 200)}" is not a valid server address.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new IcwsError('validation', 'The server address must start with http:// or https://.');
  }
  if (url.username || url.password) {
    throw new IcwsError('validation', 'The server address must not contain a user name or password.');
  }
  if (url.search || url.hash) {
    throw new IcwsError('validation', 'The server address must not contain a query or fragment.');
  }
  // An address pasted with its /icws suffix means the same server.
  const path = url.pathname.replace(/\/+$/, '').replace(/\/icws$/i, '');
  return `${url.protocol}//${url.host}${path}`;
}

/** The same base URL on another host: switchover keeps scheme, port and path (PROTOCOL.md §1.3). */
export function withHost(baseUrl: string, host: string): string {
  const url = new URL(baseUrl);
  const bare = host.trim();
  // An IPv6 literal needs brackets in a URL; a host:port entry keeps our port all the same.
  url.hostname = bare.includes(':') && !bare.startsWith('[') && bare.split(':').length > 2 ? `[${bare}]` : bare.split(':')[0]!;
  return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}`;
}

export function hostOf(baseUrl: string): string {
  return new URL(baseUrl).hostname.replace(/^\[|\]$/g, '').toLowerCase();
}
