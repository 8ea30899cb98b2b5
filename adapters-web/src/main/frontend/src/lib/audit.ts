/** The audit page's filters: URL query <-> form <-> API query; pure, so it is unit-tested. */
import { localInputToIso } from './format';

/** The actions the API knows (AuditAction in the backend's domain), in the order of the enum. */
export const AUDIT_ACTIONS = [
  'setup', 'login', 'logout', 'session_revoke', 'session_expire', 'ban', 'unban', 'unban_all', 'jail_start',
  'jail_stop', 'jail_idle', 'job_run', 'blocklist_create', 'blocklist_update', 'blocklist_delete', 'blocklist_import',
  'config_update', 'config_create', 'config_delete', 'config_revert', 'config_reload', 'jail_settings',
  'jail_ignoreip_add', 'jail_ignoreip_remove', 'server_settings',
] as const;

/** What the audit trail is filtered by: an action code and ISO instants, each empty when not filtered. */
export interface AuditFilter {
  action: string;
  since: string;
  until: string;
}

/** `config_update` as `Config update`. */
export function actionLabel(code: string): string {
  const words = code.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function isoOrEmpty(value: string | null): string {
  if (!value) return '';
  return Number.isNaN(new Date(value).getTime()) ? '' : value;
}

/** The filter and cursor in the page's URL; unknown actions and unreadable instants are dropped. */
export function auditFilterFromQuery(query: URLSearchParams): AuditFilter & { cursor: string } {
  const action = query.get('action') ?? '';
  return {
    action: (AUDIT_ACTIONS as readonly string[]).includes(action) ? action : '',
    since: isoOrEmpty(query.get('since')),
    until: isoOrEmpty(query.get('until')),
    cursor: query.get('cursor') ?? '',
  };
}

/** The URL query of a filter (and a page's cursor), leaving out what is empty. */
export function auditQuery(filter: AuditFilter, cursor?: string): Record<string, string | undefined> {
  return {
    action: filter.action || undefined,
    since: filter.since || undefined,
    until: filter.until || undefined,
    cursor: cursor || undefined,
  };
}

/** The API's query for one page: the filter, the cursor and the page size. */
export function auditApiQuery(filter: AuditFilter, cursor: string, limit: number):
  { action?: string; since?: string; until?: string; cursor?: string; limit: string } {
  const q: { action?: string; since?: string; until?: string; cursor?: string; limit: string } = { limit: String(limit) };
  if (filter.action) q.action = filter.action;
  if (filter.since) q.since = filter.since;
  if (filter.until) q.until = filter.until;
  if (cursor) q.cursor = cursor;
  return q;
}

/** The form's values (datetime-local inputs in local time) as a filter, or why they cannot be one. */
export function auditFilterFromForm(form: { action: string; since: string; until: string }):
  { filter: AuditFilter } | { field: 'since' | 'until'; message: string } {
  const since = form.since ? localInputToIso(form.since) : '';
  if (since === undefined) return { field: 'since', message: 'Give a date and time.' };
  const until = form.until ? localInputToIso(form.until) : '';
  if (until === undefined) return { field: 'until', message: 'Give a date and time.' };
  if (since && until && since > until) return { field: 'until', message: 'Until is before since.' };
  return { filter: { action: form.action, since, until } };
}

