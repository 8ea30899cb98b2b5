/** Pure logic of the Bans page: filters, selection, row limiting, bulk actions, expiry text. */
import { formatDuration } from './format';

/** The fields of an active ban the page uses (a subset of the API's BanView). */
export interface BanRow {
  jail: string;
  ip: string;
  bannedAt: string;
  banTimeSeconds: number;
  permanent: boolean;
  expiresAt?: string | null;
}

/** The list's filters as they live in the query string. */
export interface BanFilters { jail: string; ip: string }

/** Reads the filters from the query string (missing ones are empty). */
export function banFiltersFromQuery(query: URLSearchParams): BanFilters {
  return { jail: (query.get('jail') ?? '').trim(), ip: (query.get('ip') ?? '').trim() };
}

/** The query parameters of GET /api/v1/bans for the filters: only the ones given, trimmed. */
export function banListQuery(filters: BanFilters): { jail?: string; ip?: string } {
  const q: { jail?: string; ip?: string } = {};
  if (filters.jail.trim()) q.jail = filters.jail.trim();
  if (filters.ip.trim()) q.ip = filters.ip.trim();
  return q;
}

/** One key per ban (a jail and an address never contain a NUL). */
export function banKey(ban: { jail: string; ip: string }): string {
  return `${ban.jail}\u0000${ban.ip}`;
}

/** The jail and address of a key made by {@link banKey}. */
export function parseBanKey(key: string): { jail: string; ip: string } {
  const at = key.indexOf('\u0000');
  return { jail: key.slice(0, at), ip: key.slice(at + 1) };
}

/** The selection with {@code key} switched. A new set; the old one is not changed. */
export function toggleKey(selected: ReadonlySet<string>, key: string): Set<string> {
  const next = new Set(selected);
  if (next.has(key)) next.delete(key); else next.add(key);
  return next;
}

/**
 * "Select all" over the {@code visible} keys: when all of them are selected, unselects them; otherwise selects
 * them all. Selected keys that are not visible stay as they are.
 */
export function toggleAll(selected: ReadonlySet<string>, visible: readonly string[]): Set<string> {
  const next = new Set(selected);
  const all = visible.length > 0 && visible.every(k => next.has(k));
  for (const k of visible) if (all) next.delete(k); else next.add(k);
  return next;
}

/** The selection without keys that are no longer in the list (a ban that expired or was lifted elsewhere). */
export function pruneSelection(selected: ReadonlySet<string>, present: readonly string[]): Set<string> {
  const have = new Set(present);
  const next = new Set<string>();
  for (const k of selected) if (have.has(k)) next.add(k);
  return next.size === selected.size ? (selected as Set<string>) : next;
}

/** Whether every one of {@code visible} is selected ("all" checkbox state): 'all', 'some' or 'none'. */
export function selectionState(selected: ReadonlySet<string>, visible: readonly string[]): 'all' | 'some' | 'none' {
  const n = visible.filter(k => selected.has(k)).length;
  if (n === 0) return 'none';
  return n === visible.length ? 'all' : 'some';
}

/** Rows shown at first and added by each "Show more". */
export const ROW_STEP = 200;

/** The first {@code limit} rows and how many are left out; a limit below one shows one step. */
export function limitRows<T>(rows: readonly T[], limit: number): { shown: readonly T[]; hidden: number } {
  const n = Number.isFinite(limit) && limit >= 1 ? Math.floor(limit) : ROW_STEP;
  return rows.length <= n ? { shown: rows, hidden: 0 } : { shown: rows.slice(0, n), hidden: rows.length - n };
}

/** Active bans newest first; ties by jail, then address, so that a refresh does not reorder the table. */
export function sortBans<T extends BanRow>(bans: readonly T[]): T[] {
  return [...bans].sort((a, b) => {
    const ta = Date.parse(a.bannedAt), tb = Date.parse(b.bannedAt);
    if (ta !== tb) return (Number.isNaN(tb) ? 0 : tb) - (Number.isNaN(ta) ? 0 : ta);
    return a.jail.localeCompare(b.jail) || a.ip.localeCompare(b.ip);
  });
}

/** The ban's length and what is left of it: `permanent`, `1h (45m left)`, `1h (expired)`. */
export function expiryText(ban: BanRow, now: number): string {
  if (ban.permanent || ban.banTimeSeconds < 0) return 'permanent';
  const length = formatDuration(ban.banTimeSeconds);
  if (!ban.expiresAt) return length;
  const left = Math.round((Date.parse(ban.expiresAt) - now) / 1000);
  if (Number.isNaN(left)) return length;
  return left <= 0 ? `${length} (expired)` : `${length} (${formatDuration(left).split(' ')[0]} left)`;
}

/** The outcome of one item of a bulk action. */
export interface BulkResult<T> { item: T; ok: boolean; error?: unknown }

export interface BulkOptions {
  /** How many run at once (at least 1). */
  concurrency?: number;
  /** Seconds to wait before retrying an item the server throttled, or undefined when it is not a throttle. */
  retryAfter?: (error: unknown) => number | undefined;
  /** Retries per item after a throttle. */
  maxRetries?: number;
  sleep?: (ms: number) => Promise<void>;
  /** Called after each item ends, with how many ended so far. */
  onProgress?: (done: number) => void;
}

/**
 * Runs {@code action} on every item, at most {@code concurrency} at once, and collects each item's outcome in
 * the items' order; a failing item does not stop the others. A throttled item (see {@code retryAfter}) waits
 * the time the server named and is tried again, a few times at most.
 */
export async function runBulk<T>(items: readonly T[], action: (item: T) => Promise<unknown>,
  options: BulkOptions = {}): Promise<BulkResult<T>[]> {
  const { concurrency = 2, retryAfter = () => undefined, maxRetries = 3, onProgress } = options;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>(r => setTimeout(r, ms)));
  const results: BulkResult<T>[] = new Array(items.length);
  let next = 0, done = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      const item = items[i];
      for (let attempt = 0; ; attempt++) {
        try {
          await action(item);
          results[i] = { item, ok: true };
          break;
        } catch (error) {
          const wait = retryAfter(error);
          if (wait === undefined || attempt >= maxRetries) { results[i] = { item, ok: false, error }; break; }
          await sleep(Math.max(0, wait) * 1000);
        }
      }
      onProgress?.(++done);
    }
  };
  const workers = Math.max(1, Math.min(Math.floor(concurrency) || 1, items.length));
  await Promise.all(Array.from({ length: workers }, worker));
  return results;
}
