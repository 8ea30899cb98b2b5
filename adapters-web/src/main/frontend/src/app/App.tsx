import type { ComponentType } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { call, client } from '../api/client';
import { ApiError } from '../api/problem';
import { Button, Link, Loading, ProblemBanner } from '../ui/components';
import { matchPath, navigate, safeNext, useLocation } from './router';
import { session } from './session';
import { applyTheme, nextTheme, storedTheme } from './theme';
import { SetupPage } from '../pages/Setup';
import { LoginPage } from '../pages/Login';
import { DashboardPage } from '../pages/Dashboard';
import { lazyPage, prefetchPages } from './lazy';

// the dashboard (where the app opens) is in the first chunk; every other page in a chunk of its own
const JailsPage = lazyPage(() => import('../pages/Jails').then(m => m.JailsPage));
const JailDetailPage = lazyPage(() => import('../pages/Jails').then(m => m.JailDetailPage));
const BansPage = lazyPage(() => import('../pages/Bans').then(m => m.BansPage));
const HistoryPage = lazyPage(() => import('../pages/History').then(m => m.HistoryPage));
const IpDetailPage = lazyPage(() => import('../pages/History').then(m => m.IpDetailPage));
const BlocklistsPage = lazyPage(() => import('../pages/Blocklists').then(m => m.BlocklistsPage));
const BlocklistDetailPage = lazyPage(() => import('../pages/Blocklists').then(m => m.BlocklistDetailPage));
const ConfigurationPage = lazyPage(() => import('../pages/Configuration').then(m => m.ConfigurationPage));
const ConfigItemPage = lazyPage(() => import('../pages/Configuration').then(m => m.ConfigItemPage));
const JobsPage = lazyPage(() => import('../pages/Jobs').then(m => m.JobsPage));
const AuditPage = lazyPage(() => import('../pages/Audit').then(m => m.AuditPage));
const SettingsPage = lazyPage(() => import('../pages/Settings').then(m => m.SettingsPage));

/** What every page receives: the path parameters of its route and the query string. */
export interface PageProps {
  params: Record<string, string>;
  query: URLSearchParams;
}

const ROUTES: [string, ComponentType<PageProps>][] = [
  ['/', DashboardPage],
  ['/dashboard', DashboardPage],
  ['/jails', JailsPage],
  ['/jails/:name', JailDetailPage],
  ['/bans', BansPage],
  ['/history', HistoryPage],
  ['/history/ip/:ip', IpDetailPage],
  ['/blocklists', BlocklistsPage],
  ['/blocklists/:id', BlocklistDetailPage],
  ['/config', ConfigurationPage],
  ['/config/:kind/:name', ConfigItemPage],
  ['/jobs', JobsPage],
  ['/audit', AuditPage],
  ['/settings', SettingsPage],
];

export const NAV: [string, string][] = [
  ['Dashboard', '/dashboard'], ['Jails', '/jails'], ['Bans', '/bans'], ['History', '/history'],
  ['Blocklists', '/blocklists'], ['Configuration', '/config'], ['Jobs', '/jobs'], ['Audit', '/audit'],
  ['Settings', '/settings'],
];

type Gate = 'checking' | 'setup' | 'login' | 'in' | 'unreachable';

/** Decides what the person sees first: the setup wizard, the login page, or the app. */
async function whereToStart(): Promise<Gate> {
  try {
    await call(client.GET('/api/v1/auth/session'));
    return 'in';
  } catch (e) {
    // a 401 (no session) or setup_required sends to login or setup; a 429, a 503 or no answer says nothing
    // about the session
    if (!(e instanceof ApiError) || (e.status !== 401 && e.code !== 'setup_required')) return 'unreachable';
  }
  try {
    const status = await call(client.GET('/api/v1/setup'));
    return status.complete ? 'login' : 'setup';
  } catch {
    return 'unreachable';
  }
}

export function App() {
  const location = useLocation();
  // a browser that holds a CSRF token most likely has a session: show the app at once, while the check runs
  // (a round trip less before the page's own requests); a 401 from any of them shows the login page
  const [gate, setGate] = useState<Gate>(() => (session.csrf() ? 'in' : 'checking'));
  const [notice, setNotice] = useState<string | undefined>(undefined);

  // shown optimistically, the app stays when the check only failed to get through: its pages say so themselves
  useEffect(() => { whereToStart().then(g => setGate(now => (now === 'in' && g === 'unreachable' ? 'in' : g))); }, []);
  // only a session that was in use can end: the 401 of the first check (no session yet) says nothing
  const gateNow = useRef(gate);
  gateNow.current = gate;
  useEffect(() => session.subscribe(() => {
    if (session.wasExpired() && gateNow.current === 'in') {
      setNotice('Your session ended. Log in again.');
      setGate('login');
    }
  }), []);

  if (gate === 'checking') return <main class="center"><Loading /></main>;
  if (gate === 'unreachable') {
    return (
      <main class="center">
        <ProblemBanner error={new ApiError({ status: 0, code: 'unreachable', detail: 'BanGUI could not be reached or is busy.' })} />
        <Button onClick={() => { setGate('checking'); whereToStart().then(setGate); }}>Try again</Button>
      </main>
    );
  }
  if (gate === 'setup') {
    if (location.path !== '/setup') navigate('/setup', true);
    return <SetupPage onDone={() => { setNotice('Setup is done. Log in with the new password.'); setGate('login'); navigate('/login', true); }} />;
  }
  if (gate === 'login') {
    if (location.path !== '/login') {
      navigate(`/login?next=${encodeURIComponent(location.path === '/setup' ? '/dashboard' : location.path + location.search)}`, true);
    }
    return <LoginPage notice={notice} onLoggedIn={() => {
      setNotice(undefined);
      setGate('in');
      navigate(safeNext(new URLSearchParams(location.search).get('next'), window.location.origin), true);
    }} />;
  }
  if (location.path === '/login' || location.path === '/setup') navigate('/dashboard', true);
  return <Shell path={location.path} query={location.query} onLoggedOut={() => { setNotice('You are logged out.'); setGate('login'); }} />;
}

function Shell({ path, query, onLoggedOut }: { path: string; query: URLSearchParams; onLoggedOut: () => void }) {
  const [menuOpen, setMenuOpen] = useState(false);
  const [theme, setTheme] = useState(storedTheme());
  // once the first page is up, the other pages' chunks load in the background
  useEffect(() => { const t = setTimeout(prefetchPages, 1500); return () => clearTimeout(t); }, []);
  let page: preact.JSX.Element = <NotFound />;
  for (const [pattern, Component] of ROUTES) {
    const params = matchPath(pattern, path);
    // keyed by path: /jails/a -> /jails/b is a new page, with no state (forms, data) carried over from a
    if (params) { page = <Component key={path} params={params} query={query} />; break; }
  }
  const logout = async () => {
    try { await call(client.POST('/api/v1/auth/logout')); } catch { /* the session may be gone already */ }
    session.loggedOut();
    onLoggedOut();
  };
  // a new page moves the focus to its content (screen readers announce it; Tab goes on from there), not on the first
  const shown = useRef(path);
  useEffect(() => {
    if (shown.current === path) return;
    shown.current = path;
    document.getElementById('main')?.focus({ preventScroll: true });
  }, [path]);
  const current = path === '/' ? '/dashboard' : '/' + (path.split('/')[1] ?? '');
  return (
    <>
      <a class="skip" href="#main">Skip to content</a>
      <header class="topbar">
        <Link class="brand" href="/dashboard">BanGUI</Link>
        <button type="button" class="btn plain menu-toggle" aria-expanded={menuOpen} aria-controls="nav"
          onClick={() => setMenuOpen(o => !o)}>Menu</button>
        <nav id="nav" class={menuOpen ? 'open' : ''} aria-label="Main"
          onKeyDown={e => { if (e.key === 'Escape' && menuOpen) { setMenuOpen(false); (document.querySelector('.menu-toggle') as HTMLElement | null)?.focus(); } }}>
          {NAV.map(([label, href]) => (
            <Link href={href} aria-current={current === href ? 'page' : undefined}
              onClick={() => setMenuOpen(false)}>{label}</Link>
          ))}
          {/* Swagger UI, a page of its own outside the app (served by the backend with the same session) */}
          <a href="/api/v1/docs">API docs</a>
        </nav>
        <div class="topbar-end">
          <button type="button" class="btn plain" title="Switch between system, dark and light theme"
            onClick={() => { const t = nextTheme(theme); applyTheme(t); setTheme(t); }}>
            Theme: {theme}
          </button>
          <button type="button" class="btn plain" onClick={logout}>Log out</button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>{page}</main>
    </>
  );
}

function NotFound() {
  return <div><h1>Not found</h1><p>No page here. <Link href="/dashboard">Go to the dashboard</Link>.</p></div>;
}
