import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../api/problem';
import { Loading, ProblemBanner } from '../ui/components';
import type { PageProps } from './App';

type Page = ComponentType<PageProps>;
const loaders: (() => Promise<unknown>)[] = [];

/**
 * A page in its own chunk, loaded when first shown: the first page a browser opens parses only its own code
 * (the dashboard's, usually). A failed load says so and is tried again on the next visit.
 */
export function lazyPage(load: () => Promise<Page>): Page {
  let loaded: Page | undefined;
  let pending: Promise<Page> | undefined;
  const fetch = () => {
    pending ??= load().then(page => (loaded = page), e => { pending = undefined; throw e; });
    return pending;
  };
  loaders.push(() => fetch().catch(() => undefined));
  return function LazyPage(props: PageProps) {
    const [page, setPage] = useState<Page | undefined>(() => loaded);
    const [failed, setFailed] = useState(false);
    useEffect(() => {
      if (page) return undefined;
      let live = true;
      fetch().then(p => { if (live) setPage(() => p); }, () => { if (live) setFailed(true); });
      return () => { live = false; };
    }, []);
    if (failed) {
      return <ProblemBanner error={new ApiError({ status: 0, code: 'page_not_loaded',
        detail: 'This page could not be loaded. Check the connection and reload.' })} />;
    }
    const Shown = page;
    return Shown ? <Shown {...props} /> : <Loading />;
  };
}

/** Loads every page's chunk in the background (after the first page is up), so later clicks do not wait. */
export function prefetchPages(): void {
  loaders.forEach(load => load());
}
