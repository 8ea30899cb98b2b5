/** The jail pages' logic: the list's rows, and reading the runtime settings form; pure, so it is unit-tested. */

export interface JailCounters {
  name: string;
  currentlyFailed: number;
  totalFailed: number;
  currentlyBanned: number;
  totalBanned: number;
}

export interface ConfiguredJail { name: string; enabled: boolean }

export type JailStatus = 'running' | 'stopped' | 'disabled';

export interface JailRow { name: string; status: JailStatus; counters?: JailCounters }

/**
 * The jail list's rows: every running jail with its counters, then the jails the files name that do not run
 * (enabled ones are "stopped": Start brings them back; disabled ones are listed for completeness). Sorted by name.
 */
export function jailRows(running: readonly JailCounters[], configured: readonly ConfiguredJail[] = []): JailRow[] {
  const rows = new Map<string, JailRow>();
  for (const c of running) rows.set(c.name, { name: c.name, status: 'running', counters: c });
  for (const c of configured) {
    if (!rows.has(c.name)) rows.set(c.name, { name: c.name, status: c.enabled ? 'stopped' : 'disabled' });
  }
  return [...rows.values()].sort((a, b) => a.name.localeCompare(b.name));
}

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400, w: 604800 };

/**
 * A duration typed by a person in seconds: `600`, `10m`, `1h30m`, `2d`; `-1` (fail2ban's permanent ban) when
 * {@code allowPermanent}. Undefined for anything else.
 */
export function parseDurationInput(text: string, allowPermanent = false): number | undefined {
  const t = text.trim().toLowerCase();
  if (t === '') return undefined;
  if (/^-1$/.test(t)) return allowPermanent ? -1 : undefined;
  if (/^\d+$/.test(t)) return Number(t);
  if (!/^(\d+\s*[smhdw]\s*)+$/.test(t)) return undefined;
  let total = 0;
  for (const m of t.matchAll(/(\d+)\s*([smhdw])/g)) total += Number(m[1]) * UNIT_SECONDS[m[2]];
  return total;
}

export interface SettingsForm { bantime: string; findtime: string; maxretry: string; persist: boolean }

export interface SettingsBody { bantime?: number; findtime?: number; maxretry?: number; persist: boolean }

const MAX_INT = 2147483647;

/**
 * The body of `PUT /jails/{name}/settings` from the form: only the fields that differ from the jail's current
 * values; or the error of each field the person has to correct (named as the API names them).
 */
export function settingsBody(form: SettingsForm, current: { bantime: number; findtime: number; maxretry: number }):
  { body: SettingsBody; changed: boolean } | { errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const body: SettingsBody = { persist: form.persist };
  const bantime = parseDurationInput(form.bantime, true);
  if (bantime === undefined || bantime > MAX_INT) errors.bantime = 'Enter seconds or a duration such as 10m, 1h, 2d (-1: permanent).';
  else if (bantime !== current.bantime) body.bantime = bantime;
  const findtime = parseDurationInput(form.findtime);
  if (findtime === undefined || findtime < 1 || findtime > MAX_INT) errors.findtime = 'Enter a positive duration such as 600, 10m or 1h.';
  else if (findtime !== current.findtime) body.findtime = findtime;
  const maxretry = /^\s*\d+\s*$/.test(form.maxretry) ? Number(form.maxretry) : Number.NaN;
  if (!(maxretry >= 1) || maxretry > MAX_INT) errors.maxretry = 'Enter a whole number of at least 1.';
  else if (maxretry !== current.maxretry) body.maxretry = maxretry;
  if (Object.keys(errors).length > 0) return { errors };
  return { body, changed: body.bantime !== undefined || body.findtime !== undefined || body.maxretry !== undefined };
}

/** The form's values for a jail's current settings (durations as seconds, as the person last saw them). */
export function settingsForm(current: { bantime: number; findtime: number; maxretry: number }, persist = true): SettingsForm {
  return { bantime: String(current.bantime), findtime: String(current.findtime), maxretry: String(current.maxretry), persist };
}
