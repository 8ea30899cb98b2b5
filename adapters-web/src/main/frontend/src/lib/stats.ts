/** The dashboard's trend: the time range of a view, bucket labels and bar sizes; pure, so it is unit-tested. */

export type TrendRange = '24h' | '30d';
export type Bucket = 'hour' | 'day';

export const TREND_RANGES: { value: TrendRange; label: string }[] = [
  { value: '24h', label: 'Last 24 hours (by hour)' },
  { value: '30d', label: 'Last 30 days (by day)' },
];

/** A range from the query string; the 24-hour view for anything else. */
export function parseRange(value: string | null | undefined): TrendRange {
  return value === '30d' ? '30d' : '24h';
}

/**
 * The query of `GET /history/stats` for a range ending at {@code now} (epoch ms): the last 24 hours by hour,
 * or the last 30 days by day. The start is the beginning of its bucket (UTC), so that the first bar counts a
 * whole hour or day and the timeline has exactly 24 or 30 buckets before the current one.
 */
export function statsQuery(range: TrendRange, now: number): { since: string; until: string; bucket: Bucket } {
  const hour = 3600_000, day = 24 * hour;
  if (range === '30d') {
    const today = Math.floor(now / day) * day;
    return { since: new Date(today - 30 * day).toISOString(), until: new Date(now).toISOString(), bucket: 'day' };
  }
  const thisHour = Math.floor(now / hour) * hour;
  return { since: new Date(thisHour - 24 * hour).toISOString(), until: new Date(now).toISOString(), bucket: 'hour' };
}

const pad = (n: number) => String(n).padStart(2, '0');
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * A bucket's label: hours as `22 Nov 14:00` in the browser's time zone ({@code utc} for tests), days (UTC days, as
 * the server counts them) as `22 Nov`. Short, so that the first and last fit below the bars.
 */
export function bucketLabel(iso: string, bucket: Bucket, utc = false): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  if (bucket === 'day') return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}`;
  const [day, month, hours, minutes] = utc
    ? [d.getUTCDate(), d.getUTCMonth(), d.getUTCHours(), d.getUTCMinutes()]
    : [d.getDate(), d.getMonth(), d.getHours(), d.getMinutes()];
  return `${day} ${MONTHS[month]} ${pad(hours)}:${pad(minutes)}`;
}

/** A bar's accessible title: `22 Nov 14:00–15:00: 3 bans`. */
export function barTitle(iso: string, bucket: Bucket, bans: number, utc = false): string {
  let when = bucketLabel(iso, bucket, utc);
  if (bucket === 'hour') {
    const end = new Date(new Date(iso).getTime() + 3600_000);
    const h = utc ? end.getUTCHours() : end.getHours();
    const m = utc ? end.getUTCMinutes() : end.getMinutes();
    when += `–${pad(h)}:${pad(m)}`;
  }
  return `${when}: ${bans === 1 ? '1 ban' : `${bans.toLocaleString('en-US')} bans`}`;
}

/**
 * Each bar's height in percent of the tallest (a bucket with bans is at least 2 %, so that it shows), and the
 * tallest count for the axis.
 */
export function barHeights(counts: readonly number[]): { heights: number[]; max: number } {
  const max = counts.reduce((m, c) => (c > m ? c : m), 0);
  if (max <= 0) return { heights: counts.map(() => 0), max: 0 };
  return { heights: counts.map(c => (c <= 0 ? 0 : Math.max(2, Math.round((c / max) * 1000) / 10))), max };
}

/** A counter for a stat card: `987`, `12.3k`, `1.2M`; the exact number stays in the card's title. */
export function compactCount(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '—';
  const abs = Math.abs(n);
  const fmt = (v: number, unit: string) => {
    const digits = v < 10 ? 1 : 0;
    const text = (Math.floor(v * 10 ** digits) / 10 ** digits).toFixed(digits).replace(/\.0$/, '');
    return `${n < 0 ? '-' : ''}${text}${unit}`;
  };
  if (abs >= 1e9) return fmt(abs / 1e9, 'G');
  if (abs >= 1e6) return fmt(abs / 1e6, 'M');
  if (abs >= 1e4) return fmt(abs / 1e3, 'k');
  return n.toLocaleString('en-US');
}

/** The share of {@code part} in {@code total} as `12 %` (`<1 %` for a small non-zero share), or an empty string. */
export function share(part: number, total: number): string {
  if (!(total > 0) || !(part > 0)) return '';
  const p = (part / total) * 100;
  return p < 1 ? '<1 %' : `${Math.round(p)} %`;
}
