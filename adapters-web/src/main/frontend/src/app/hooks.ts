import { useCallback, useEffect, useRef, useState } from 'preact/hooks';

export interface Loaded<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  /** Loads again now (after a change the page made). */
  reload: () => void;
}

/**
 * Loads with {@code load}, and again every {@code intervalMs} when given: the next request starts only after
 * the previous one ended (never two at once, so a slow server is not hammered), pauses while the tab is
 * hidden, and stops when the view goes away. The last good data stays on screen while a refresh fails.
 */
export function usePoll<T>(load: () => Promise<T>, deps: unknown[], intervalMs?: number): Loaded<T> {
  const [state, setState] = useState<{ data?: T; error?: unknown; loading: boolean }>({ loading: true });
  const generation = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const loader = useRef(load);
  loader.current = load;

  // every request has its number: only the latest may set state or schedule the next one, so a reload() while
  // a request runs does not start a second polling chain, and an older answer never overwrites a newer one
  const request = useRef(0);
  // false once the view is gone: a reload() called by an action that ends after that starts nothing
  const alive = useRef(true);
  useEffect(() => () => { alive.current = false; }, []);

  const run = useCallback((gen: number) => {
    if (!alive.current) return;
    clearTimeout(timer.current);
    const mine = ++request.current;
    const latest = () => alive.current && gen === generation.current && mine === request.current;
    setState(s => ({ ...s, loading: true }));
    loader.current().then(
      data => { if (latest()) setState({ data, loading: false }); },
      error => { if (latest()) setState(s => ({ data: s.data, error, loading: false })); },
    ).finally(() => {
      if (!latest() || !intervalMs) return;
      timer.current = setTimeout(function next() {
        if (!latest()) return;
        if (document.hidden) { timer.current = setTimeout(next, 1000); return; }
        run(gen);
      }, intervalMs);
    });
  }, [intervalMs]);

  useEffect(() => {
    const gen = ++generation.current;
    setState(s => ({ data: s.data, loading: true }));
    run(gen);
    return () => { generation.current++; clearTimeout(timer.current); };
  }, [...deps, run]);

  const reload = useCallback(() => run(generation.current), [run]);
  return { data: state.data, error: state.error, loading: state.loading, reload };
}

/** State of one action (a form submit, a button): busy while it runs, its error after. */
export function useAction<A extends unknown[], R>(action: (...args: A) => Promise<R>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const run = useCallback(async (...args: A): Promise<R | undefined> => {
    setBusy(true);
    setError(undefined);
    try {
      return await action(...args);
    } catch (e) {
      setError(e);
      return undefined;
    } finally {
      setBusy(false);
    }
  }, [action]);
  return { run, busy, error, clearError: () => setError(undefined) };
}
