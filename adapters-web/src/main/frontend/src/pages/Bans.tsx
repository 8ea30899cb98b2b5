import { useEffect, useMemo, useState } from 'preact/hooks';
import type { PageProps } from '../app/App';
import type { components } from '../api/schema';
import { call, client } from '../api/client';
import { jailNames } from '../api/jails';
import { ApiError, describe } from '../api/problem';
import { useAction, usePoll } from '../app/hooks';
import { navigate, path, withQuery } from '../app/router';
import {
  Button, ConfirmButton, Empty, Field, Link, Loading, PageHeader, ProblemBanner, Time, fieldError,
} from '../ui/components';
import {
  ROW_STEP, banFiltersFromQuery, banKey, banListQuery, expiryText, limitRows, pruneSelection, runBulk,
  selectionState, sortBans, toggleAll, toggleKey,
} from '../lib/bans';
import { countryLabel } from '../lib/format';

type BanView = components['schemas']['BanController.BanView'];
type SearchResponse = components['schemas']['BanController.SearchResponse'];

const BAN_FIELDS = ['jail', 'ip'] as const;
const FILTER_FIELDS = ['jail', 'ip'] as const;
const POLL_MS = 10_000;

/** Unbans one ban; a ban that is already gone (404 `not_banned`) counts as lifted. */
async function unbanOne(ban: { jail: string; ip: string }): Promise<void> {
  try {
    await call(client.DELETE('/api/v1/bans/{jail}/{ip}', { params: { path: { jail: ban.jail, ip: ban.ip } } }));
  } catch (e) {
    if (e instanceof ApiError && e.code === 'not_banned') return;
    throw e;
  }
}

/** A list request the server refused (a bad filter): the old rows are not the answer to it. */
const refused = (e: unknown) => e instanceof ApiError && e.status === 400;

const throttled = (e: unknown) =>
  e instanceof ApiError && e.status === 429 ? Math.min(e.retryAfter ?? 2, 60) : undefined;

export function BansPage({ query }: PageProps) {
  const filters = banFiltersFromQuery(query);
  const jails = usePoll(jailNames, []);
  const list = usePoll(() => call(client.GET('/api/v1/bans', { params: { query: banListQuery(filters) } })),
    [filters.jail, filters.ip], POLL_MS);
  const [notice, setNotice] = useState<string | undefined>(undefined);

  return (
    <div class="bans-page">
      <PageHeader title="Bans" />
      {notice && <p class="notice" role="status">{notice}</p>}
      <BanForm jails={jails.data ?? []} defaultJail={filters.jail}
        onBanned={(jail, ip) => { setNotice(`Banned ${ip} in ${jail}.`); list.reload(); }} />
      <FilterForm jails={jails.data ?? []} jail={filters.jail} ip={filters.ip} listError={list.error}
        onUnbanned={text => { setNotice(text); list.reload(); }} />
      <ProblemBanner error={jails.error} />
      <BanTable bans={refused(list.error) ? [] : list.data?.bans} loading={list.loading} error={list.error} filtered={!!(filters.jail || filters.ip)}
        resetKey={`${filters.jail}\u0000${filters.ip}`} onChanged={text => { setNotice(text); list.reload(); }} />
    </div>
  );
}

function JailOptions({ jails, current, none }: { jails: string[]; current: string; none: string }) {
  // a jail from the URL that is not (yet) in the list stays selectable
  const names = current && !jails.includes(current) ? [current, ...jails] : jails;
  return (
    <>
      <option value="">{none}</option>
      {names.map(j => <option value={j}>{j}</option>)}
    </>
  );
}

function BanForm({ jails, defaultJail, onBanned }:
  { jails: string[]; defaultJail: string; onBanned: (jail: string, ip: string) => void }) {
  const [jail, setJail] = useState(defaultJail);
  const [ip, setIp] = useState('');
  useEffect(() => { if (defaultJail) setJail(defaultJail); }, [defaultJail]);
  const ban = useAction(async () => {
    const created = await call(client.POST('/api/v1/bans', { body: { jail, ip: ip.trim() } }));
    setIp('');
    onBanned(created.jail, created.ip);
  });
  const ipError = fieldError(ban.error, 'ip', BAN_FIELDS);
  const jailError = fieldError(ban.error, 'jail', BAN_FIELDS);
  return (
    <section class="card" aria-labelledby="ban-title">
      <h2 id="ban-title">Ban an address or network</h2>
      <form class="inline ban-form" onSubmit={e => { e.preventDefault(); ban.run(); }}>
        <Field label="Jail" name="jail" error={jailError}>
          <select id="jail" name="jail" value={jail} required aria-invalid={jailError ? 'true' : undefined}
            aria-describedby={jailError ? 'jail-error' : undefined}
            onChange={e => { setJail((e.target as HTMLSelectElement).value); ban.clearError(); }}>
            <JailOptions jails={jails} current={jail} none="Choose a jail" />
          </select>
        </Field>
        <Field label="Address or network" name="ip" error={ipError} hint="203.0.113.5, 2001:db8::1 or 198.51.100.0/24">
          <input id="ip" name="ip" type="text" value={ip} required autoComplete="off" spellcheck={false}
            inputMode="text" aria-invalid={ipError ? 'true' : undefined}
            aria-describedby={ipError ? 'ip-error' : 'ip-hint'}
            onInput={e => { setIp((e.target as HTMLInputElement).value); ban.clearError(); }} />
        </Field>
        <Button type="submit" kind="primary" busy={ban.busy}>Ban</Button>
      </form>
      <ProblemBanner error={ban.error} fields={BAN_FIELDS} />
    </section>
  );
}

function FilterForm({ jails, jail, ip, listError, onUnbanned }:
  { jails: string[]; jail: string; ip: string; listError: unknown; onUnbanned: (text: string) => void }) {
  const [formJail, setFormJail] = useState(jail);
  const [formIp, setFormIp] = useState(ip);
  const [found, setFound] = useState<SearchResponse | undefined>(undefined);
  useEffect(() => { setFormJail(jail); setFormIp(ip); }, [jail, ip]);

  const search = useAction(async () => {
    setFound(undefined);
    const target = formIp.trim();
    if (!target) throw new ApiError({ status: 400, code: 'invalid_ip', detail: 'Give the address or network to search for.' });
    setFound(await call(client.GET('/api/v1/bans/search', { params: { query: { ip: target } } })));
  });
  const everywhere = useAction(async (target: string) => {
    const r = await call(client.POST('/api/v1/bans/unban', { body: { ip: target } }));
    setFound(undefined);
    onUnbanned(`Unbanned ${r.ip} in ${r.unbanned} ${r.unbanned === 1 ? 'jail' : 'jails'}.`);
  });
  const error = search.error ?? listError;
  const ipError = fieldError(error, 'ip', FILTER_FIELDS);
  const jailError = fieldError(error, 'jail', FILTER_FIELDS);
  return (
    <section class="card" aria-labelledby="filter-title">
      <h2 id="filter-title">Find bans</h2>
      <form class="inline" role="search" onSubmit={e => {
        e.preventDefault();
        setFound(undefined);
        search.clearError();
        navigate(withQuery('/bans', { jail: formJail, ip: formIp.trim() }));
      }}>
        <Field label="Jail" name="filter-jail" error={jailError}>
          <select id="filter-jail" name="jail" value={formJail}
            onChange={e => setFormJail((e.target as HTMLSelectElement).value)}>
            <JailOptions jails={jails} current={formJail} none="All jails" />
          </select>
        </Field>
        <Field label="Address or network" name="filter-ip" error={ipError}>
          <input id="filter-ip" name="ip" type="search" value={formIp} autoComplete="off" spellcheck={false}
            aria-invalid={ipError ? 'true' : undefined} aria-describedby={ipError ? 'filter-ip-error' : undefined}
            onInput={e => setFormIp((e.target as HTMLInputElement).value)} />
        </Field>
        <Button type="submit">Filter</Button>
        <Button busy={search.busy} onClick={() => search.run()}
          title="Where this address or network is banned now, in every jail">Search everywhere</Button>
        {(jail || ip) && <Button onClick={() => navigate('/bans')}>Clear</Button>}
      </form>
      <ProblemBanner error={everywhere.error} />
      {search.error !== undefined && <ProblemBanner error={search.error} fields={FILTER_FIELDS} />}
      {found && (
        <div class="search-result" role="status">
          {found.jails.length === 0 ? <p><strong>{found.ip}</strong> is not banned in any jail.</p> : (
            <>
              <p>
                <strong>{found.ip}</strong> is banned in {found.jails.length === 1 ? 'one jail' : `${found.jails.length} jails`}:{' '}
                {found.jails.map((j, i) => <>{i > 0 && ', '}<Link href={path('/jails', j)}>{j}</Link></>)}.
              </p>
              <ul class="search-bans">
                {found.bans.map(b => (
                  <li>{b.jail}: {b.ip}, since <Time value={b.bannedAt} />, {expiryText(b, Date.now())}</li>
                ))}
              </ul>
              <div class="row-actions">
                <ConfirmButton label="Unban everywhere" busy={everywhere.busy} onConfirm={() => everywhere.run(found.ip)} />
                <Link href={path('/history/ip', found.ip)}>History of {found.ip}</Link>
              </div>
            </>
          )}
        </div>
      )}
    </section>
  );
}

function BanTable({ bans, loading, error, filtered, resetKey, onChanged }: {
  bans: BanView[] | undefined; loading: boolean; error: unknown; filtered: boolean; resetKey: string;
  onChanged: (text: string) => void;
}) {
  const [limit, setLimit] = useState(ROW_STEP);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [failures, setFailures] = useState<Map<string, string>>(new Map());
  const [busyKeys, setBusyKeys] = useState<Set<string>>(new Set());
  const [progress, setProgress] = useState<{ done: number; total: number } | undefined>(undefined);

  useEffect(() => { setLimit(ROW_STEP); setSelected(new Set()); setFailures(new Map()); }, [resetKey]);
  const sorted = useMemo(() => sortBans(bans ?? []), [bans]);
  const keys = useMemo(() => sorted.map(banKey), [sorted]);
  // bans that expired or were lifted elsewhere leave the selection
  useEffect(() => { setSelected(s => pruneSelection(s, keys)); }, [keys]);

  const { shown, hidden } = limitRows(sorted, limit);
  const shownKeys = keys.slice(0, shown.length);
  const state = selectionState(selected, shownKeys);

  const unbanRows = async (rows: { jail: string; ip: string }[]) => {
    const rowKeys = rows.map(banKey);
    const bulk = rows.length > 1;
    // a single unban while a bulk one runs must not clear the bulk's rows or progress: add and remove its own
    setBusyKeys(b => new Set([...b, ...rowKeys]));
    setFailures(f => { const n = new Map(f); rowKeys.forEach(k => n.delete(k)); return n; });
    if (bulk) setProgress({ done: 0, total: rows.length });
    const results = await runBulk(rows, unbanOne, {
      // the server limits unbans (100 a minute by default): a throttled row waits and is tried again
      concurrency: 2, retryAfter: throttled, maxRetries: 30,
      onProgress: done => bulk && setProgress({ done, total: rows.length }),
    });
    setBusyKeys(b => { const n = new Set(b); rowKeys.forEach(k => n.delete(k)); return n; });
    if (bulk) setProgress(undefined);
    const failed = results.filter(r => !r.ok);
    setFailures(f => {
      const n = new Map(f);
      failed.forEach(r => n.set(banKey(r.item), describe(r.error)));
      return n;
    });
    setSelected(s => { const n = new Set(s); results.filter(r => r.ok).forEach(r => n.delete(banKey(r.item))); return n; });
    const ok = results.length - failed.length;
    onChanged(rows.length === 1
      ? (ok ? `Unbanned ${rows[0].ip} in ${rows[0].jail}.` : `Could not unban ${rows[0].ip} in ${rows[0].jail}.`)
      : `Unbanned ${ok} of ${rows.length}${failed.length ? `; ${failed.length} failed (see the rows)` : ''}.`);
  };

  if (bans === undefined) return error ? <ProblemBanner error={error} fields={FILTER_FIELDS} /> : <Loading />;
  const selectedRows = sorted.filter(b => selected.has(banKey(b)));
  const bulkBusy = busyKeys.size > 0;
  return (
    <section aria-labelledby="list-title">
      <div class="list-head">
        <h2 id="list-title">Active bans <span class="muted">({sorted.length})</span></h2>
        <div class="row-actions">
          {progress && <span class="muted" aria-live="polite">Unbanning {progress.done} / {progress.total}…</span>}
          {selectedRows.length > 0 && <span>{selectedRows.length} selected</span>}
          {selectedRows.length > 0 && (
            <ConfirmButton label="Unban selected" busy={bulkBusy} onConfirm={() => unbanRows(selectedRows)} />
          )}
          {loading && <span class="muted" aria-live="polite">Refreshing…</span>}
        </div>
      </div>
      <ProblemBanner error={error} fields={FILTER_FIELDS} />
      {sorted.length === 0 ? <Empty>{filtered ? 'No active ban matches the filters.' : 'No active bans.'}</Empty> : (
        <div class="table-wrap">
          <table class="bans-table">
            <thead>
              <tr>
                <th scope="col">
                  <input type="checkbox" aria-label="Select all shown bans" checked={state === 'all'}
                    ref={el => { if (el) el.indeterminate = state === 'some'; }}
                    onChange={() => setSelected(s => toggleAll(s, shownKeys))} />
                </th>
                <th scope="col">Address</th>
                <th scope="col">Jail</th>
                <th scope="col">Country</th>
                <th scope="col">Banned at</th>
                <th scope="col">Expires</th>
                <th scope="col"><span class="visually-hidden">Actions</span></th>
              </tr>
            </thead>
            <tbody>
              {shown.map((b, i) => {
                const key = shownKeys[i];
                const failure = failures.get(key);
                return (
                  <tr key={key} data-jail={b.jail} data-ip={b.ip} class={failure ? 'failed' : undefined}>
                    <td>
                      <input type="checkbox" aria-label={`Select ${b.ip} in ${b.jail}`} checked={selected.has(key)}
                        onChange={() => setSelected(s => toggleKey(s, key))} />
                    </td>
                    <td class="mono">
                      <Link href={path('/history/ip', b.ip)}>{b.ip}</Link>
                      {failure && <div class="field-error" role="alert">{failure}</div>}
                    </td>
                    <td><Link href={path('/jails', b.jail)}>{b.jail}</Link></td>
                    <td>{countryLabel(b.country)}</td>
                    <td><Time value={b.bannedAt} /></td>
                    <td>{b.expiresAt ? <Time value={b.expiresAt} /> : null} <span class="muted">{expiryText(b, Date.now())}</span></td>
                    <td><ConfirmButton label="Unban" ariaLabel={`Unban ${b.ip} in ${b.jail}`} busy={busyKeys.has(key)} onConfirm={() => unbanRows([b])} /></td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {hidden > 0 && (
        <div class="pager">
          <span class="muted">{shown.length} of {sorted.length} shown.</span>
          <Button onClick={() => setLimit(l => l + ROW_STEP)}>Show {Math.min(ROW_STEP, hidden)} more</Button>
          <Button onClick={() => setLimit(sorted.length)}>Show all {sorted.length}</Button>
        </div>
      )}
    </section>
  );
}
