/** Formatting of numbers, instants and durations for people; pure, so it is unit-tested. */

const UNITS: [number, string][] = [[86400 * 7, 'w'], [86400, 'd'], [3600, 'h'], [60, 'm'], [1, 's']];

/** Seconds as `1d 2h`, `45m`, `10s`; negative (fail2ban's "permanent") as `permanent`. Two units at most. */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '—';
  if (seconds < 0) return 'permanent';
  if (seconds === 0) return '0s';
  const parts: string[] = [];
  let rest = Math.round(seconds);
  for (const [size, unit] of UNITS) {
    if (rest >= size && parts.length < 2) {
      parts.push(`${Math.floor(rest / size)}${unit}`);
      rest %= size;
    } else if (parts.length > 0) {
      break;
    }
  }
  return parts.join(' ') || '0s';
}

/** A count with thousands separators. */
export function formatCount(n: number | null | undefined): string {
  return n === null || n === undefined ? '—' : n.toLocaleString('en-US');
}

/** An ISO instant as `YYYY-MM-DD HH:MM:SS` in the browser's time zone. */
export function formatInstant(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

/** How long ago (or from now) an instant is, relative to {@code now} in epoch milliseconds: `5m ago`, `in 2h`. */
export function formatRelative(iso: string, now: number): string {
  const t = new Date(iso).getTime();
  if (Number.isNaN(t)) return iso;
  const seconds = Math.round((t - now) / 1000);
  if (Math.abs(seconds) < 5) return 'now';
  const text = formatDuration(Math.abs(seconds)).split(' ')[0];
  return seconds < 0 ? `${text} ago` : `in ${text}`;
}

/** A `datetime-local` input's value (local time) as an ISO instant; undefined when empty or invalid. */
export function localInputToIso(value: string): string | undefined {
  if (!value) return undefined;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

/** An ISO instant as a `datetime-local` input's value in the browser's time zone (minutes); '' when empty or invalid. */
export function isoToLocalInput(iso: string): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** A flag emoji-free, text label for an ISO country code (`DE`), or `unknown`. */
export function countryLabel(code: string | null | undefined, names?: Map<string, string>): string {
  if (!code) return 'unknown';
  const name = names?.get(code.toUpperCase());
  return name ? `${name} (${code.toUpperCase()})` : code.toUpperCase();
}
