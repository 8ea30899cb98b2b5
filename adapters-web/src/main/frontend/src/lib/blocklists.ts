/** Blocklist logic the pages share: schedule hints, import status tones, count summaries, the live import log. */
import { formatCount, formatDuration } from './format';

export type Tone = 'ok' | 'warn' | 'bad' | 'neutral';

/** What the UI can tell about a schedule as typed, before the server (which decides) sees it. */
export type ScheduleCheck =
  | { ok: true; kind: 'every'; seconds: number; text: string }
  | { ok: true; kind: 'cron'; text: string }
  | { ok: false; text: string };

const MIN_PERIOD = 5 * 60;
const MAX_PERIOD = 366 * 86400;
const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };
const CRON_FIELD = /^[0-9A-Za-z*?\/,#LW-]+$/;

/**
 * Checks the obvious shapes of a schedule the way the server parses it: a duration `30m`, `6h`, `1d` (also `s`)
 * between 5 minutes and 366 days, or a 5-field cron expression (UTC). The cron expression's meaning (values in
 * range, firings at least 5 minutes apart) is left to the server.
 */
export function checkSchedule(input: string): ScheduleCheck {
  const text = input.trim();
  if (!text) return { ok: false, text: 'A schedule is required: a duration such as 6h or a 5-field cron expression.' };
  if (text.length > 100) return { ok: false, text: 'The schedule is too long.' };
  const fields = text.split(/\s+/);
  if (fields.length === 5) {
    if (!fields.every(f => CRON_FIELD.test(f))) {
      return { ok: false, text: 'A cron field holds digits, names, * / , - only.' };
    }
    return { ok: true, kind: 'cron', text: `Cron (UTC): minute hour day-of-month month day-of-week: ${fields.join(' ')}` };
  }
  if (fields.length !== 1) {
    return { ok: false, text: 'Neither a duration such as 6h nor a 5-field cron expression.' };
  }
  const m = /^([1-9][0-9]{0,6})([smhd])$/.exec(text);
  if (!m) return { ok: false, text: 'Not a duration such as 30m, 6h or 1d, nor a 5-field cron expression.' };
  const seconds = Number(m[1]) * UNIT_SECONDS[m[2]];
  if (seconds < MIN_PERIOD) return { ok: false, text: 'A schedule must be at least 5m.' };
  if (seconds > MAX_PERIOD) return { ok: false, text: 'A schedule must be at most 366d.' };
  return { ok: true, kind: 'every', seconds, text: `Every ${formatDuration(seconds)}, counted from the start of the previous import.` };
}

/** The hint under the schedule field: what the typed text means, or the general rule while it is empty. */
export function scheduleHint(input: string): string {
  if (!input.trim()) return 'A duration (30m, 6h, 1d; at least 5m) or a 5-field cron expression in UTC (0 3 * * *).';
  return checkSchedule(input).text;
}

/** The badge tone of an import's status (running, succeeded, partial, interrupted, failed). */
export function importTone(status: string | null | undefined): Tone {
  switch (status) {
    case 'succeeded': return 'ok';
    case 'partial':
    case 'interrupted': return 'warn';
    case 'failed': return 'bad';
    default: return 'neutral';
  }
}

/** Whether an import has ended, so that following it can stop. */
export function importDone(status: string | null | undefined): boolean {
  return status !== 'running';
}

export interface Entries { total: number; valid: number; invalid: number; duplicates: number; ignored: number }

/** An import's figures in one line: `120 lines: 100 valid, 5 invalid, 10 duplicates, 5 ignored`; zero parts left out. */
export function entriesSummary(e: Entries): string {
  const parts = [`${formatCount(e.valid)} valid`];
  if (e.invalid) parts.push(`${formatCount(e.invalid)} invalid`);
  if (e.duplicates) parts.push(`${formatCount(e.duplicates)} duplicate${e.duplicates === 1 ? '' : 's'}`);
  if (e.ignored) parts.push(`${formatCount(e.ignored)} ignored`);
  return `${formatCount(e.total)} ${e.total === 1 ? 'entry' : 'entries'}: ${parts.join(', ')}`;
}

/** What an import did: `banned 3, unbanned 1`, or that the list had not changed. */
export function changesSummary(i: { banned: number; unbanned: number; notModified?: boolean; status?: string }): string {
  if (i.notModified) return 'list not modified since the previous import';
  if (i.status === 'running' && !i.banned && !i.unbanned) return 'running…';
  if (!i.banned && !i.unbanned) return 'no change';
  return `banned ${formatCount(i.banned)}, unbanned ${formatCount(i.unbanned)}`;
}

/** The first {@code limit} items of a list, and a line for the rest: `and 95 more` (counting what the server left out too). */
export function bounded<T>(items: readonly T[], total: number, limit: number): { shown: T[]; more: string | undefined } {
  const shown = items.slice(0, Math.max(0, limit));
  const rest = Math.max(total, items.length) - shown.length;
  return { shown, more: rest > 0 ? `and ${formatCount(rest)} more` : undefined };
}

/**
 * Merges imports followed live into a page of the import log (newest first): a followed import replaces its row,
 * and one the page does not hold yet (it started after the page was loaded) is put on top when the page is the
 * first and the import belongs there (same source when the log is one source's).
 */
export function mergeImports<T extends { id: number; source: number; status?: string | null }>(
  page: readonly T[], live: readonly T[], firstPage: boolean, source?: number,
): T[] {
  const byId = new Map(live.map(i => [i.id, i]));
  // a followed copy that still says running loses to a page row that has ended (following may have given up)
  const merged = page.map(i => {
    const followed = byId.get(i.id);
    return followed && !(importDone(i.status) && !importDone(followed.status)) ? followed : i;
  });
  if (firstPage) {
    const present = new Set(page.map(i => i.id));
    const oldest = page.length ? Math.min(...page.map(i => i.id)) : 0;
    const extra = live.filter(i => !present.has(i.id) && i.id > oldest && (source === undefined || i.source === source));
    merged.push(...extra);
    merged.sort((a, b) => b.id - a.id);
  }
  return merged;
}

/** The newest import of each source in a log page (newest first), keyed by source id. */
export function lastImportBySource<T extends { id: number; source: number }>(imports: readonly T[]): Map<number, T> {
  const last = new Map<number, T>();
  for (const i of imports) {
    const seen = last.get(i.source);
    if (!seen || i.id > seen.id) last.set(i.source, i);
  }
  return last;
}

/** The readable sentence for a refused import or preview, by the server's code; undefined to use the server's detail. */
export function refusalText(code: string | undefined): string | undefined {
  switch (code) {
    case 'import_running': return 'An import of this blocklist is already running; follow it in the import log.';
    case 'empty_list': return 'The list is empty; an import would refuse it.';
    case 'no_valid_entries': return 'The list has no valid entries; an import would refuse it.';
    case 'mostly_invalid': return 'Most lines of the list are invalid; an import would refuse it.';
    default: return undefined;
  }
}
