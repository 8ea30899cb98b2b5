import { useEffect, useState } from 'preact/hooks';

/** A tiny history router: paths are the app's pages; the query string carries a page's filters. */
type Listener = () => void;
const listeners = new Set<Listener>();

export function navigate(to: string, replace = false): void {
  if (to === location.pathname + location.search) return;
  const newPage = to.split('?')[0] !== location.pathname;
  if (replace) history.replaceState(null, '', to); else history.pushState(null, '', to);
  listeners.forEach(l => l());
  // a new page starts at the top; a changed filter or tab of the same page keeps the reader where they are
  if (newPage && !replace) window.scrollTo?.(0, 0);
}

/**
 * Where to go after login: {@code next} when it is a path of this origin, else the dashboard. Resolved as the
 * browser would (`/\\evil.example` is another host), so no spelling leads off the origin.
 */
export function safeNext(next: string | null, origin: string): string {
  if (!next || !next.startsWith('/')) return '/dashboard';
  try {
    const url = new URL(next, origin);
    return url.origin === origin ? url.pathname + url.search : '/dashboard';
  } catch {
    return '/dashboard';
  }
}

if (typeof window !== 'undefined') window.addEventListener('popstate', () => listeners.forEach(l => l()));

export interface Location { path: string; search: string; query: URLSearchParams }

export function useLocation(): Location {
  const [, setTick] = useState(0);
  useEffect(() => {
    const l = () => setTick(t => t + 1);
    listeners.add(l);
    return () => { listeners.delete(l); };
  }, []);
  return { path: location.pathname, search: location.search, query: new URLSearchParams(location.search) };
}

/**
 * Matches a path against a pattern such as `/jails/:name`: the decoded parameters, or null. A parameter
 * matches one segment; percent-encoded slashes (a CIDR network in a segment) decode into it.
 */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const p = pattern.split('/').filter(Boolean);
  const s = path.replace(/\/+$/, '').split('/').filter(Boolean);
  if (p.length !== s.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < p.length; i++) {
    if (p[i].startsWith(':')) {
      try { params[p[i].slice(1)] = decodeURIComponent(s[i]); } catch { return null; }
    } else if (p[i] !== s[i]) {
      return null;
    }
  }
  return params;
}

/** Builds a path with each parameter encoded as one segment: `path('/jails', name)`. */
export function path(...parts: string[]): string {
  return parts.map((part, i) => (i === 0 ? part : encodeURIComponent(part))).join('/');
}

/** Builds `path?query` leaving out empty values. */
export function withQuery(base: string, query: Record<string, string | number | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `${base}?${s}` : base;
}
