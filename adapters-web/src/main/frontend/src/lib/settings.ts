/** fail2ban's server settings form: which keys there are, which changed; pure, so it is unit-tested. */

/** The log levels fail2ban knows (ServerSettingsService.LEVELS), most severe first. */
export const LOG_LEVELS = ['CRITICAL', 'ERROR', 'WARNING', 'NOTICE', 'INFO', 'DEBUG', 'TRACEDEBUG', 'HEAVYDEBUG'] as const;

export interface SettingDef {
  key: string;
  label: string;
  kind: 'loglevel' | 'boolean' | 'text';
  hint: string;
}

/** The keys PUT /server/settings accepts, named exactly as the API names them. */
export const SERVER_SETTINGS: readonly SettingDef[] = [
  { key: 'loglevel', label: 'Log level', kind: 'loglevel', hint: 'fail2ban.local; applied at once.' },
  { key: 'dbpurgeage', label: 'Database purge age', kind: 'text',
    hint: 'Seconds, or a number with s, m, h, d or w (at least 1h); applied at once.' },
  { key: 'bantime.increment', label: 'Increase ban time for repeat offenders', kind: 'boolean',
    hint: 'jail.local [DEFAULT]; applied by the next reload.' },
  { key: 'bantime.factor', label: 'Increment factor', kind: 'text', hint: 'A number, e.g. 2.' },
  { key: 'bantime.maxtime', label: 'Maximum ban time', kind: 'text', hint: 'e.g. 5w or 3600.' },
  { key: 'bantime.rndtime', label: 'Random extra time', kind: 'text', hint: 'e.g. 10m; hinders bots that time their retries.' },
  { key: 'bantime.multipliers', label: 'Multipliers', kind: 'text', hint: 'Space-separated, e.g. 1 2 4 8 16 32 64.' },
  { key: 'bantime.overalljails', label: 'Count bans across all jails', kind: 'boolean', hint: 'jail.local [DEFAULT].' },
];

export const SERVER_SETTING_KEYS: readonly string[] = SERVER_SETTINGS.map(s => s.key);

/** The form's starting values: each known key's value from the files, empty for keys not set anywhere. */
export function settingsForm(values: Record<string, string>): Record<string, string> {
  const form: Record<string, string> = {};
  for (const key of SERVER_SETTING_KEYS) form[key] = values[key] ?? '';
  return form;
}

/**
 * What to send: the known keys whose trimmed value differs from the files'. A key left empty that was not set
 * is no change; one emptied that was set is sent empty (the server says it needs a value).
 */
export function changedSettings(original: Record<string, string>, edited: Record<string, string>): Record<string, string> {
  const changed: Record<string, string> = {};
  for (const key of SERVER_SETTING_KEYS) {
    if (!(key in edited)) continue;
    const before = (original[key] ?? '').trim();
    const after = edited[key].trim();
    if (after !== before) changed[key] = after;
  }
  return changed;
}

/** The options of a boolean setting's select: true and false, the file's own spelling (`yes`), and "not set". */
export function booleanOptions(current: string): { value: string; label: string }[] {
  const options = [{ value: 'true', label: 'true' }, { value: 'false', label: 'false' }];
  if (current && current !== 'true' && current !== 'false') options.unshift({ value: current, label: current });
  if (!current) options.unshift({ value: '', label: 'not set (fail2ban default)' });
  return options;
}
