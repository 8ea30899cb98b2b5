import { useEffect, useState } from 'preact/hooks';
import type { PageProps } from '../app/App';
import type { components } from '../api/schema';
import { call, client } from '../api/client';
import { jailNames } from '../api/jails';
import { useAction, usePoll } from '../app/hooks';
import { navigate, path, withQuery } from '../app/router';
import {
  Badge, Button, ConfirmButton, Empty, Field, Link, Loading, PageHeader, Pager, ProblemBanner, Time, fieldError,
} from '../ui/components';
import { countryLabel, formatCount, formatDuration } from '../lib/format';
import {
  EMPTY_FILTERS, ORIGINS, PAGE_SIZES, endText, exportHref, filtersOfForm, formOfFilters, historyFromQuery, historyQuery,
  type HistoryFilters, type HistoryForm,
} from '../lib/history';

type HistoryItem = components['schemas']['HistoryViews.HistoryItem'];

const FIELDS = ['jail', 'ip', 'country', 'origin', 'since', 'until'] as const;
type FieldName = typeof FIELDS[number];
const POLL_MS = 15_000;

export function HistoryPage({ query }: PageProps) {
  const search = query.toString();
  const { filters, cursor, limit } = historyFromQuery(query);
  const jails = usePoll(jailNames, []);
  // only the first page is refreshed: a later page is a fixed slice behind its cursor
  const page = usePoll(() => call(client.GET('/api/v1/history', { params: { query: historyQuery(filters, { cursor, limit }) } })),
    [search], cursor ? undefined : POLL_MS);
  const to = (f: HistoryFilters, c?: string, size = limit) =>
    navigate(withQuery('/history', historyQuery(f, { limit: size, cursor: c })));

  return (
    <div class="history-page">
      <PageHeader title="History">
        <a class="btn plain" href={exportHref(filters, 'csv')} download>Export CSV</a>
        <a class="btn plain" href={exportHref(filters, 'ndjson')} download>Export NDJSON</a>
      </PageHeader>
      <FilterForm filters={filters} jails={jails.data ?? []} serverError={page.error} onApply={f => to(f)} />
      <ProblemBanner error={page.error} fields={FIELDS} />
      {page.data === undefined ? (page.error ? null : <Loading />) : (
        <>
          {cursor && <p class="muted">A later page of the selection. <Link href={withQuery('/history', historyQuery(filters, { limit }))}>Back to the newest</Link>.</p>}
          {page.data.items.length === 0
            ? <Empty>{cursor ? 'No more bans.' : 'No archived ban matches the filters.'}</Empty>
            : <HistoryTable items={page.data.items} showAddress />}
          <div class="history-foot">
            <Pager cursor={page.data.nextCursor} atFirst={!cursor}
              onFirst={() => to(filters)} onNext={c => to(filters, c)} />
            <div class="page-size">
              <label for="limit">Rows per page</label>{' '}
              <select id="limit" name="limit" value={limit || '100'}
                onChange={e => to(filters, undefined, (e.target as HTMLSelectElement).value)}>
                {PAGE_SIZES.map(n => <option value={String(n)}>{n}</option>)}
              </select>
            </div>
          </div>
        </>
      )}
    </div>
  );
}

function FilterForm({ filters, jails, serverError, onApply }: {
  filters: HistoryFilters; jails: string[]; serverError: unknown; onApply: (filters: HistoryFilters) => void;
}) {
  const [form, setForm] = useState<HistoryForm>(() => formOfFilters(filters));
  const [errors, setErrors] = useState<Partial<Record<FieldName, string>>>({});
  const key = JSON.stringify(filters);
  useEffect(() => { setForm(formOfFilters(filters)); setErrors({}); }, [key]);
  const set = (name: FieldName) => (e: Event) => {
    const value = (e.target as HTMLInputElement | HTMLSelectElement).value;
    setForm(f => ({ ...f, [name]: value }));
    setErrors(({ [name]: _, ...rest }) => rest);
  };
  const error = (name: FieldName) => errors[name] ?? fieldError(serverError, name, FIELDS);
  const described = (name: FieldName, hint = false) =>
    error(name) ? `${name}-error` : hint ? `${name}-hint` : undefined;
  const jailChoices = filters.jail && !jails.includes(filters.jail) ? [filters.jail, ...jails] : jails;

  return (
    <form class="inline card history-filters" role="search" aria-label="History filters" onSubmit={e => {
      e.preventDefault();
      const checked = filtersOfForm(form);
      setErrors(checked.errors);
      if (Object.keys(checked.errors).length === 0) onApply(checked.filters);
    }}>
      <Field label="Jail" name="jail" error={error('jail')}>
        <select id="jail" name="jail" value={form.jail} onChange={set('jail')}
          aria-invalid={error('jail') ? 'true' : undefined} aria-describedby={described('jail')}>
          <option value="">All jails</option>
          {jailChoices.map(j => <option value={j}>{j}</option>)}
        </select>
      </Field>
      <Field label="Address or network" name="ip" error={error('ip')}>
        <input id="ip" name="ip" type="search" value={form.ip} onInput={set('ip')} autoComplete="off" spellcheck={false}
          placeholder="203.0.113.5 or 198.51.100.0/24"
          aria-invalid={error('ip') ? 'true' : undefined} aria-describedby={described('ip')} />
      </Field>
      <Field label="Country" name="country" error={error('country')}>
        <input id="country" name="country" type="text" value={form.country} onInput={set('country')} size={4}
          maxLength={2} autoComplete="off" placeholder="DE"
          aria-invalid={error('country') ? 'true' : undefined} aria-describedby={described('country')} />
      </Field>
      <Field label="Origin" name="origin" error={error('origin')}>
        <select id="origin" name="origin" value={form.origin} onChange={set('origin')}
          aria-invalid={error('origin') ? 'true' : undefined} aria-describedby={described('origin')}>
          <option value="">Any origin</option>
          {ORIGINS.map(o => <option value={o}>{o}</option>)}
        </select>
      </Field>
      <Field label="Banned from" name="since" error={error('since')}>
        <input id="since" name="since" type="datetime-local" value={form.since} onInput={set('since')}
          aria-invalid={error('since') ? 'true' : undefined} aria-describedby={described('since')} />
      </Field>
      <Field label="Banned before" name="until" error={error('until')}>
        <input id="until" name="until" type="datetime-local" value={form.until} onInput={set('until')}
          aria-invalid={error('until') ? 'true' : undefined} aria-describedby={described('until')} />
      </Field>
      <Button type="submit" kind="primary">Apply</Button>
      <Button onClick={() => onApply(EMPTY_FILTERS)}>Reset</Button>
    </form>
  );
}

function banLength(item: HistoryItem): string {
  if (item.permanent) return 'permanent';
  return item.banTimeSeconds === null || item.banTimeSeconds === undefined ? '—' : formatDuration(item.banTimeSeconds);
}

function HistoryTable({ items, showAddress }: { items: HistoryItem[]; showAddress: boolean }) {
  return (
    <div class="table-wrap">
      <table class="history-table">
        <thead>
          <tr>
            {showAddress && <th scope="col">Address</th>}
            <th scope="col">Jail</th>
            {showAddress && <th scope="col">Country</th>}
            <th scope="col">Origin</th>
            <th scope="col">Banned at</th>
            <th scope="col">Length</th>
            <th scope="col">End</th>
            <th scope="col" class="num">Failures</th>
            <th scope="col">Matched lines</th>
          </tr>
        </thead>
        <tbody>
          {items.map(item => (
            <tr key={item.id} data-ip={item.ip} data-jail={item.jail}>
              {showAddress && <td class="mono"><Link href={path('/history/ip', item.ip)}>{item.ip}</Link></td>}
              <td><Link href={path('/jails', item.jail)}>{item.jail}</Link></td>
              {showAddress && <td>{countryLabel(item.country)}</td>}
              <td><Badge tone={item.origin === 'manual' ? 'warn' : 'neutral'}>{item.origin}</Badge></td>
              <td><Time value={item.bannedAt} /></td>
              <td>{banLength(item)}{item.banCount > 1 && <span class="muted"> (ban #{item.banCount})</span>}</td>
              <td>
                {item.endedAt ? <><Time value={item.endedAt} /> <span class="muted">{endText(item)}</span></>
                  : <Badge tone="bad">active</Badge>}
              </td>
              <td class="num">{formatCount(item.failures)}</td>
              <td>
                {item.matches.length === 0 ? <span class="muted">—</span> : (
                  <details>
                    <summary>{item.matches.length} {item.matches.length === 1 ? 'line' : 'lines'}</summary>
                    <pre class="matches">{item.matches.join('\n')}</pre>
                  </details>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Everything known about one address or network entry: where it is, its archived bans, where it is banned now. */
export function IpDetailPage({ params }: PageProps) {
  const ip = params.ip ?? '';
  const detail = usePoll(() => call(client.GET('/api/v1/history/ip/{ip}', { params: { path: { ip } } })), [ip], POLL_MS);
  const [notice, setNotice] = useState<string | undefined>(undefined);
  const unban = useAction(async (jail: string) => {
    await call(client.DELETE('/api/v1/bans/{jail}/{ip}', { params: { path: { jail, ip } } }));
    setNotice(`Unbanned ${ip} in ${jail}.`);
    detail.reload();
  });
  const d = detail.data;

  return (
    <div class="ip-detail">
      <PageHeader title="History">
        <Link class="btn plain" href={withQuery('/history', { ip })}>All history of {ip}</Link>
        <Link class="btn plain" href={withQuery('/bans', { ip })}>Active bans</Link>
      </PageHeader>
      <h2 class="mono ip-title">{ip}</h2>
      {notice && <p class="notice" role="status">{notice}</p>}
      <ProblemBanner error={detail.error} />
      <ProblemBanner error={unban.error} />
      {d === undefined ? (detail.error ? null : <Loading />) : (
        <>
          <div class="stats">
            <div class="stat" data-testid="ip-country">
              <div class="value">{countryLabel(d.country)}</div><div class="label">Country</div>
            </div>
            <div class="stat" data-testid="ip-asn">
              <div class="value">{d.asn ? `AS${d.asn}` : '—'}</div>
              <div class="label">{d.asOrganization ?? 'Network owner unknown'}</div>
            </div>
            <div class="stat" data-testid="ip-total">
              <div class="value">{formatCount(d.total)}</div><div class="label">Archived bans</div>
            </div>
            <div class="stat" data-testid="ip-banned-now">
              <div class="value">
                {d.bannedNow === null || d.bannedNow === undefined ? <Badge tone="warn">unknown</Badge>
                  : d.bannedNow ? <Badge tone="bad">banned</Badge> : <Badge tone="ok">not banned</Badge>}
              </div>
              <div class="label">Now</div>
            </div>
          </div>
          <section class="card" aria-labelledby="now-title">
            <h2 id="now-title">Banned now</h2>
            {d.bannedNowUnknown && <p class="warn-text">fail2ban could not be asked ({d.bannedNowUnknown}).</p>}
            {d.bannedIn && d.bannedIn.length > 0 ? (
              <ul class="banned-in">
                {d.bannedIn.map(j => (
                  <li key={j} data-jail={j}>
                    <Link href={path('/jails', j)}>{j}</Link>{' '}
                    <ConfirmButton label="Unban" ariaLabel={`Unban ${ip} in ${j}`} busy={unban.busy} onConfirm={() => unban.run(j)} />
                  </li>
                ))}
              </ul>
            ) : d.bannedIn ? <p class="muted">Not banned in any jail.</p> : null}
            <p>
              Jails that banned it:{' '}
              {d.jails.length === 0 ? <span class="muted">none</span>
                : d.jails.map((j, i) => <>{i > 0 && ', '}<Link href={path('/jails', j)}>{j}</Link></>)}
            </p>
          </section>
          <h2>Archived bans</h2>
          {d.truncated && <p class="muted">The newest {d.events.length} of {formatCount(d.total)} bans are shown; the <a href={exportHref({ ...EMPTY_FILTERS, ip }, 'csv')} download>export</a> has them all.</p>}
          {d.events.length === 0 ? <Empty>No archived bans.</Empty> : <HistoryTable items={d.events} showAddress={false} />}
        </>
      )}
    </div>
  );
}
