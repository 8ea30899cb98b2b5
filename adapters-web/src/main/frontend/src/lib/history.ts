/** Pure logic of the History page: filters between the form, the query string and the API. */
import { localInputToIso, isoToLocalInput } from './format';

/** The origins the API knows (BanOrigin). */
export const ORIGINS = ['fail2ban', 'manual', 'blocklist'] as const;

/** The filters as they live in the query string and go to the API; `since`/`until` are ISO instants. */
export interface HistoryFilters {
  jail: string;
  ip: string;
  country: string;
  origin: string;
  since: string;
  until: string;
}

/** The filter form's values; `since`/`until` are `datetime-local` values (local time). */
export type HistoryForm = HistoryFilters;

const KEYS = ['jail', 'ip', 'country', 'origin', 'since', 'until'] as const;

export const EMPTY_FILTERS: HistoryFilters = { jail: '', ip: '', country: '', origin: '', since: '', until: '' };

/** Page sizes offered; the API takes 1 to 500 and answers 100 by default. */
export const PAGE_SIZES = [50, 100, 200, 500] as const;

/** The filters, the page's cursor and the page size ('' for the API's default) from the query string. */
export function historyFromQuery(query: URLSearchParams): { filters: HistoryFilters; cursor: string; limit: string } {
  const filters = { ...EMPTY_FILTERS };
  for (const k of KEYS) filters[k] = (query.get(k) ?? '').trim();
  const limit = (query.get('limit') ?? '').trim();
  return {
    filters, cursor: (query.get('cursor') ?? '').trim(),
    limit: /^\d{1,3}$/.test(limit) && Number(limit) >= 1 && Number(limit) <= 500 ? String(Number(limit)) : '',
  };
}

/** The non-empty filters (plus cursor and limit when given) as query parameters, for the API and the URL. */
export function historyQuery(filters: HistoryFilters, extra: Record<string, string | number | undefined> = {}):
  Record<string, string> {
  const q: Record<string, string> = {};
  for (const k of KEYS) if (filters[k]) q[k] = filters[k];
  for (const [k, v] of Object.entries(extra)) if (v !== undefined && v !== '') q[k] = String(v);
  return q;
}

/** The export download's address for the current filters (no cursor: the export is the whole selection). */
export function exportHref(filters: HistoryFilters, format: 'csv' | 'ndjson'): string {
  const q = new URLSearchParams({ format, ...historyQuery(filters) });
  return `/api/v1/history/export?${q.toString()}`;
}


/** The form's values for the current filters. */
export function formOfFilters(filters: HistoryFilters): HistoryForm {
  return { ...filters, since: isoToLocalInput(filters.since), until: isoToLocalInput(filters.until) };
}

/**
 * Checks and converts the form into filters: trimmed values, the country in capitals, the times as ISO
 * instants. Errors are keyed by field name (the same checks the API makes, so they show before a request).
 */
export function filtersOfForm(form: HistoryForm):
  { filters: HistoryFilters; errors: Partial<Record<keyof HistoryFilters, string>> } {
  const errors: Partial<Record<keyof HistoryFilters, string>> = {};
  const country = form.country.trim().toUpperCase();
  if (country && !/^[A-Z]{2}$/.test(country)) errors.country = 'A country is a two-letter code such as DE.';
  const origin = form.origin.trim();
  if (origin && !(ORIGINS as readonly string[]).includes(origin)) errors.origin = `Origin is one of ${ORIGINS.join(', ')}.`;
  const since = form.since ? localInputToIso(form.since) : '';
  const until = form.until ? localInputToIso(form.until) : '';
  if (since === undefined) errors.since = 'Not a valid date and time.';
  if (until === undefined) errors.until = 'Not a valid date and time.';
  if (since && until && Date.parse(since) > Date.parse(until)) errors.until = 'The end is before the start.';
  return {
    filters: { jail: form.jail.trim(), ip: form.ip.trim(), country, origin, since: since ?? '', until: until ?? '' },
    errors,
  };
}

/** How a finished ban ended, for people. */
export function endText(item: { endedAt?: string | null; endReason?: string | null; endedBy?: string | null }): string {
  if (!item.endedAt) return 'active';
  const reason = item.endReason ?? 'ended';
  return item.endedBy ? `${reason} by ${item.endedBy}` : reason;
}
