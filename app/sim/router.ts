// A route table matched segment by segment. Literal segments ignore case because ICWS itself points
// clients at "/ICWS/connection" (WWW-Authenticate location) while documenting "/icws/...".
export interface RouteSpec {
  method: string;
  /** e.g. "/icws/:sessionId/messaging/subscriptions/queues/:subscriptionId" */
  path: string;
}

export type RouteMatch<R> =
  | { kind: 'found'; route: R; params: Record<string, string> }
  | { kind: 'method-not-allowed'; allow: string[] }
  | { kind: 'not-found' };

interface Compiled<R> {
  route: R;
  method: string;
  segments: string[];
}

export class Router<R extends RouteSpec> {
  private readonly compiled: Compiled<R>[];

  /** Order matters: the first route whose path matches wins, so list literal paths first. */
  constructor(routes: readonly R[]) {
    this.compiled = routes.map((route) => ({ route, method: route.method.toUpperCase(), segments: split(route.path) }));
  }

  match(method: string, pathname: string): RouteMatch<R> {
    const segments = split(pathname);
    const allow: string[] = [];
    for (const c of this.compiled) {
      const params = matchSegments(c.segments, segments);
      if (!params) continue;
      if (c.method === method.toUpperCase()) return { kind: 'found', route: c.route, params };
      if (!allow.includes(c.method)) allow.push(c.method);
    }
    return allow.length > 0 ? { kind: 'method-not-allowed', allow } : { kind: 'not-found' };
  }
}

function split(path: string): string[] {
  return path.split('/').filter((s) => s !== '');
}

function matchSegments(pattern: string[], actual: string[]): Record<string, string> | null {
  if (pattern.length !== actual.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const p = pattern[i]!;
    const a = actual[i]!;
    if (p.startsWith(':')) {
      try {
        params[p.slice(1)] = decodeURIComponent(a);
      } catch {
        return null;
      }
    } else if (p.toLowerCase() !== a.toLowerCase()) {
      return null;
    }
  }
  return params;
}
