import type { ComponentChildren } from 'preact';
import { useCallback, useMemo } from 'preact/hooks';
import type { PageProps } from '../app/App';
import { call, client } from '../api/client';
import { usePoll } from '../app/hooks';
import { navigate, path, withQuery } from '../app/router';
import { countryLabel, formatCount, formatDuration } from '../lib/format';
import { countsByCountry } from '../lib/mapScale';
import { barHeights, barTitle, bucketLabel, compactCount, parseRange, share, statsQuery, TREND_RANGES,
  type Bucket, type TrendRange } from '../lib/stats';
import { useWorld, WorldMap, type WorldGeometry } from '../map/WorldMap';
import { Badge, Empty, Link, Loading, PageHeader, ProblemBanner, Time } from '../ui/components';

/** How often each widget asks again: one request per widget per interval, never two at once (usePoll). */
const REFRESH_MS = 10_000;

/**
 * fail2ban's state and counters, active bans per country on a world map, and the ban trend with the top jails,
 * addresses and countries; each part refreshes itself every 10 s without a page reload. Every request reads
 * aggregates (never the list of bans), so the page stays fast with thousands of active bans.
 */
export function DashboardPage({ query }: PageProps) {
  const range = parseRange(query.get('range'));
  const { world, failed } = useWorld();
  return (
    <div class="dashboard">
      <PageHeader title="Dashboard" />
      <StatusCards />
      <BanMap world={world} mapFailed={failed} />
      <Trend range={range} names={world?.names} />
    </div>
  );
}

function Stat({ name, label, value, raw, children }:
  { name: string; label: string; value: ComponentChildren; raw?: string | number; children?: ComponentChildren }) {
  return (
    <div class="stat" data-testid={`stat-${name}`} data-value={raw}>
      <div class="value">{value}</div>
      <div class="label">{label}</div>
      {children && <div class="sub muted">{children}</div>}
    </div>
  );
}

function StatusCards() {
  const load = useCallback(() => call(client.GET('/api/v1/dashboard/status')), []);
  const { data, error } = usePoll(load, [], REFRESH_MS);
  if (!data) return error ? <ProblemBanner error={error} /> : <Loading />;
  const { fail2ban } = data;
  return (
    <section aria-label="fail2ban status">
      <ProblemBanner error={error} />
      <div class="stats">
        <div class="stat">
          <div class="value">
            <Badge tone={fail2ban.online ? 'ok' : 'bad'}><span data-testid="fail2ban-status">{fail2ban.online ? 'online' : 'offline'}</span></Badge>
          </div>
          <div class="label">fail2ban</div>
          <div class="sub muted">as of <Time value={data.observedAt} /></div>
        </div>
        <Stat name="version" label="fail2ban version" value={fail2ban.version ?? '—'} raw={fail2ban.version ?? ''}>
          {fail2ban.purgeAgeSeconds != null && fail2ban.purgeAgeSeconds > 0 &&
            <>keeps bans {formatDuration(fail2ban.purgeAgeSeconds)}</>}
        </Stat>
        <Stat name="jails" label="Jails running" raw={data.jailCount} value={<Link href="/jails">{formatCount(data.jailCount)}</Link>} />
        <Stat name="banned" label="Banned now" raw={data.banned.current} value={<Link href="/bans">{formatCount(data.banned.current)}</Link>}>
          {formatCount(data.banned.total)} since start
        </Stat>
        <Stat name="failed" label="Failures now" raw={data.failed.current} value={formatCount(data.failed.current)}>
          {formatCount(data.failed.total)} since start
        </Stat>
      </div>
      {!fail2ban.online && (
        <p class="notice">fail2ban does not answer: the counters are zero until it is back. The page keeps checking.</p>
      )}
    </section>
  );
}

function BanMap({ world, mapFailed }: { world: WorldGeometry | undefined; mapFailed: boolean }) {
  const load = useCallback(() => call(client.GET('/api/v1/dashboard/map')), []);
  const { data, error } = usePoll(load, [], REFRESH_MS);
  const counts = useMemo(() => countsByCountry(data?.countries ?? []), [data]);
  const total = useMemo(() => [...counts.values()].reduce((a, b) => a + b, 0) + (data?.unknown ?? 0), [counts, data]);
  return (
    <section class="card" aria-labelledby="map-title">
      <h2 id="map-title">Active bans by country</h2>
      <ProblemBanner error={error} />
      {!data && !error && <Loading />}
      <div class="map-layout">
        <div class="map-area">
          {world ? <WorldMap world={world} counts={counts} />
            : mapFailed ? <p class="muted">The map could not be loaded; the table lists the countries.</p> : <Loading />}
        </div>
        {data && (
          <div class="map-table">
            <div class="table-wrap">
              <table>
                <caption class="sr-only">Active bans per country</caption>
                <thead><tr><th scope="col">Country</th><th scope="col" class="num">Active bans</th><th scope="col" class="num">Share</th></tr></thead>
                <tbody>
                  {data.countries.map(c => (
                    <tr key={c.country} data-country={c.country.toUpperCase()}>
                      <td>{countryLabel(c.country, world?.names)}</td>
                      <td class="num">{formatCount(c.bans)}</td>
                      <td class="num muted">{share(c.bans, total)}</td>
                    </tr>
                  ))}
                  <tr data-country="unknown">
                    <td><span class="muted">Unknown country</span></td>
                    <td class="num" data-testid="map-unknown">{formatCount(data.unknown)}</td>
                    <td class="num muted">{share(data.unknown, total)}</td>
                  </tr>
                </tbody>
              </table>
            </div>
            {total === 0 && <Empty>No active bans.</Empty>}
          </div>
        )}
      </div>
    </section>
  );
}

function Trend({ range, names }: { range: TrendRange; names: Map<string, string> | undefined }) {
  // the range ends now on every refresh, so the newest bucket keeps filling
  const load = useCallback(() => call(client.GET('/api/v1/history/stats', { params: { query: statsQuery(range, Date.now()) } })), [range]);
  const { data, error, loading } = usePoll(load, [range], REFRESH_MS);
  const bucket: Bucket = range === '30d' ? 'day' : 'hour';
  const rangeLabel = range === '30d' ? 'last 30 days' : 'last 24 hours';
  return (
    <section class="card" aria-labelledby="trend-title">
      <div class="section-header">
        <h2 id="trend-title">Ban trend</h2>
        <div class="segmented" role="group" aria-label="Time range">
          {TREND_RANGES.map(r => (
            <button type="button" key={r.value} class="btn plain" aria-pressed={r.value === range}
              onClick={() => navigate(withQuery('/dashboard', { range: r.value === '24h' ? undefined : r.value }), true)}>
              {r.label}
            </button>
          ))}
        </div>
      </div>
      <ProblemBanner error={error} />
      {!data ? (!error && <Loading />) : (
        <div aria-busy={loading ? 'true' : undefined}>
          <p>
            <strong data-testid="stats-total" title={formatCount(data.total)}>{compactCount(data.total)}</strong>{' '}
            {data.total === 1 ? 'ban' : 'bans'} started in the {rangeLabel}
            <span class="muted"> (from the archived history)</span>
          </p>
          <Timeline points={data.timeline} bucket={bucket} />
          <div class="grid top-lists">
            <TopTable title="Top jails" head="Jail" rows={data.topJails.map(j => ({
              key: j.jail, bans: j.bans, attrs: { 'data-jail': j.jail },
              cell: <Link href={path('/jails', j.jail)}>{j.jail}</Link> }))} />
            <TopTable title="Top addresses" head="Address" rows={data.topIps.map(i => ({
              key: i.ip, bans: i.bans, attrs: { 'data-ip': i.ip },
              cell: <Link class="mono" href={path('/history/ip', i.ip)}>{i.ip}</Link> }))} />
            <TopTable title="Top countries" head="Country" rows={data.topCountries.map(c => ({
              key: c.country, bans: c.bans, attrs: { 'data-country': c.country.toUpperCase() },
              cell: <Link href={withQuery('/history', { country: c.country })}>{countryLabel(c.country, names)}</Link> }))} />
          </div>
        </div>
      )}
    </section>
  );
}

function Timeline({ points, bucket }: { points: { start: string; bans: number }[]; bucket: Bucket }) {
  const { heights, max } = useMemo(() => barHeights(points.map(p => p.bans)), [points]);
  if (points.length === 0) return <Empty>No buckets in this range.</Empty>;
  return (
    <figure class="timeline">
      <div class="timeline-plot">
        <div class="timeline-axis muted" aria-hidden="true"><span>{formatCount(max)}</span><span>0</span></div>
        <ol class="bars" aria-label={`Bans per ${bucket}`}>
          {points.map((p, i) => {
            const title = barTitle(p.start, bucket, p.bans);
            return (
              <li key={p.start} class="bar-slot" title={title} data-bucket={p.start} data-count={p.bans}>
                <span class="bar" style={{ height: `${heights[i]}%` }} />
                <span class="sr-only">{title}</span>
              </li>
            );
          })}
        </ol>
      </div>
      <figcaption class="timeline-labels muted">
        <span>{bucketLabel(points[0].start, bucket)}</span>
        <span>{bucketLabel(points[points.length - 1].start, bucket)}</span>
      </figcaption>
    </figure>
  );
}

interface TopRow { key: string; bans: number; cell: ComponentChildren; attrs: Record<string, string> }

function TopTable({ title, head, rows }: { title: string; head: string; rows: TopRow[] }) {
  return (
    <div>
      <h3>{title}</h3>
      {rows.length === 0 ? <Empty>No bans in this range.</Empty> : (
        <div class="table-wrap">
          <table>
            <thead><tr><th scope="col">{head}</th><th scope="col" class="num">Bans</th></tr></thead>
            <tbody>
              {rows.map(r => (
                <tr key={r.key} {...r.attrs}>
                  <td>{r.cell}</td>
                  <td class="num">{formatCount(r.bans)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
