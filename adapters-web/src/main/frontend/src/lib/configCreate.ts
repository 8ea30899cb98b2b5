/**
 * The pure logic of the "New jail / filter / action" forms: the form's texts become the POST body, after the
 * checks of obvious shapes the server makes too (names, absolute log paths, numbers and durations, key names),
 * and a refused answer is mapped to the field it is about. Unit-tested.
 */
import { normaliseValue, sampleLines } from './configEdit';

/** Errors by form field name; empty when the form may be sent. */
export type FieldErrors = Record<string, string>;

/** A jail, filter or action name as the server allows it (ConfigName): it becomes a section and a file name. */
const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
/** maxretry: a whole number (ConfigValues' INTEGER). */
const INTEGER = /^\d{1,9}$/;
/** findtime / bantime: seconds, -1, or fail2ban's units ("10m", "1h 30m", "2 days"), as ConfigValues checks them. */
const DURATION = new RegExp('^(?:-1|\\d{1,10}|(?:\\d{1,6}(?:\\.\\d{1,3})?\\s?(?:years?|yy?|months?|mo|weeks?|w|days?|d|'
  + 'hours?|hh?|minutes?|mm?|seconds?|ss?)\\s?){1,6})$');
/** A key of an action's [Definition]: lower case, as fail2ban stores keys, never __name__ and the like. */
const KEY = /^(?!__)[a-z0-9_][a-z0-9_.-]{0,63}$/;

export function nameError(name: string): string | undefined {
  const n = name.trim();
  if (n === '') return 'Give a name.';
  if (!NAME.test(n) || n.includes('..')) return 'Names are 1-64 characters of A-Z a-z 0-9 _ . - and start with a letter or digit.';
  return undefined;
}

/** One entry a line (log paths, regexes): each line trimmed, blank lines left out. */
export function entryLines(text: string): string[] {
  return sampleLines(text).map(l => l.trim());
}

/** The log paths that are not absolute (or too long), to name them in the error. */
export function badLogpaths(paths: readonly string[]): string[] {
  return paths.filter(p => !p.startsWith('/') || p.length > 1024);
}

export interface NewJailForm {
  name: string;
  /** The filter's name; '' for none (a blocklist-only jail). */
  filter: string;
  /** One absolute path (or glob) a line. */
  logpath: string;
  maxretry: string;
  findtime: string;
  bantime: string;
  enabled: boolean;
}

export const EMPTY_JAIL: NewJailForm = { name: '', filter: '', logpath: '', maxretry: '', findtime: '', bantime: '', enabled: true };

export interface NewJailBody {
  name: string;
  filter?: string;
  logpath?: string[];
  values?: Record<string, string>;
  enabled: boolean;
}

export type Checked<B> = { ok: true; body: B } | { ok: false; errors: FieldErrors };

/** The POST /config/jails body, or what is wrong with the form. */
export function newJailRequest(form: NewJailForm): Checked<NewJailBody> {
  const errors: FieldErrors = {};
  const name = form.name.trim();
  const filter = form.filter.trim();
  const logpath = entryLines(form.logpath);
  const ne = nameError(name);
  if (ne) errors.name = ne;
  const bad = badLogpaths(logpath);
  if (bad.length > 0) {
    errors.logpath = `Log paths are absolute (start with /): ${bad.join(', ')}`;
  } else if (filter !== '' && logpath.length === 0) {
    errors.logpath = 'A jail with a filter needs at least one log path.';
  } else if (filter === '' && logpath.length > 0) {
    errors.logpath = 'A blocklist-only jail (no filter) reads no log: choose a filter or leave this empty.';
  }
  const values: Record<string, string> = {};
  const maxretry = form.maxretry.trim();
  if (maxretry !== '') {
    if (INTEGER.test(maxretry)) values.maxretry = maxretry;
    else errors.maxretry = 'maxretry is a whole number of failures, e.g. 5.';
  }
  for (const key of ['findtime', 'bantime'] as const) {
    const v = form[key].trim();
    if (v === '') continue;
    if (DURATION.test(v) && (key === 'bantime' || v !== '-1')) values[key] = v;
    else errors[key] = `${key} is a duration: seconds (600) or with a unit (10m, 1h, 2d)${key === 'bantime' ? ', or -1 for ever' : ''}.`;
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const body: NewJailBody = { name, enabled: form.enabled };
  if (filter !== '') {
    body.filter = filter;
    body.logpath = logpath;
  }
  if (Object.keys(values).length > 0) body.values = values;
  return { ok: true, body };
}

export interface NewFilterForm {
  name: string;
  failregex: string;
  ignoreregex: string;
  datepattern: string;
}

export const EMPTY_FILTER: NewFilterForm = { name: '', failregex: '', ignoreregex: '', datepattern: '' };

export interface NewFilterBody {
  name: string;
  failregex: string[];
  ignoreregex?: string[];
  datepattern?: string;
}

/** The POST /config/filters body, or what is wrong with the form. */
export function newFilterRequest(form: NewFilterForm): Checked<NewFilterBody> {
  const errors: FieldErrors = {};
  const ne = nameError(form.name);
  if (ne) errors.name = ne;
  const checked = regexes(form);
  Object.assign(errors, checked.errors);
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, body: { name: form.name.trim(), ...checked.body } };
}

/** The regexes of the filter form, for the ad-hoc test too: at least one failregex; a datepattern is one line. */
export function regexes(form: Omit<NewFilterForm, 'name'>):
  { errors: FieldErrors; body: Omit<NewFilterBody, 'name'> } {
  const errors: FieldErrors = {};
  const failregex = entryLines(form.failregex);
  const ignoreregex = entryLines(form.ignoreregex);
  const datepattern = form.datepattern.trim();
  if (failregex.length === 0) errors.failregex = 'Give at least one failregex (one a line), with <HOST> where the address is.';
  if (/[\r\n]/.test(datepattern)) errors.datepattern = 'A datepattern is one line.';
  const body: Omit<NewFilterBody, 'name'> = { failregex };
  if (ignoreregex.length > 0) body.ignoreregex = ignoreregex;
  if (datepattern !== '') body.datepattern = datepattern;
  return { errors, body };
}

export interface ActionRow {
  key: string;
  value: string;
}

/** The rows a new action starts with: the commands fail2ban runs, actionban and actionunban first. */
export const ACTION_KEYS = ['actionban', 'actionunban', 'actionstart', 'actionstop', 'actioncheck'] as const;

export function initialActionRows(): ActionRow[] {
  return ACTION_KEYS.map(key => ({ key, value: '' }));
}

export interface NewActionBody {
  name: string;
  values: Record<string, string>;
}

/**
 * The POST /config/actions body, or what is wrong: errors on `name`, on `actionban` (an action that bans
 * nothing), and per row as `key-<i>`. Rows with an empty value are left out.
 */
export function newActionRequest(name: string, rows: readonly ActionRow[]): Checked<NewActionBody> {
  const errors: FieldErrors = {};
  const ne = nameError(name);
  if (ne) errors.name = ne;
  const values: Record<string, string> = {};
  rows.forEach((row, i) => {
    const key = row.key.trim();
    const value = normaliseValue(row.value);
    if (key === '' && value === '') return;
    if (!KEY.test(key)) errors[`key-${i}`] = 'Keys are lower case: a-z 0-9 _ . - (e.g. actionban).';
    else if (key in values) errors[`key-${i}`] = `${key} is given twice.`;
    else if (value !== '') values[key] = value;
  });
  if (!values.actionban && !Object.keys(errors).some(k => k.startsWith('key-'))) {
    errors.actionban = 'Give actionban: the command that bans <ip>.';
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, body: { name: name.trim(), values } };
}

/**
 * The form field a refused creation is about, or undefined for a problem shown above the form. Besides
 * `invalid_<field>`: 409 config_exists and invalid_name are the name's, unknown_filter the filter's, invalid_jail
 * (filter without log paths) the log paths', invalid_filter (no failregex) the failregex's, and invalid_value
 * names its key in quotes first ("'maxretry' is not ...").
 */
export function createFieldOf(code: string | undefined, detail: string | null | undefined,
  fields: readonly string[]): string | undefined {
  const c = code ?? '';
  const alias: Record<string, string> = {
    config_exists: 'name', invalid_name: 'name', unknown_filter: 'filter', invalid_jail: 'logpath',
    invalid_filter: 'failregex',
  };
  let field: string | undefined = alias[c];
  if (!field && (c === 'invalid_value' || c === 'invalid_values' || c === 'invalid_key')) {
    const m = /'([^'\s]+)'/.exec(detail ?? '');
    field = m ? m[1] : undefined;
  }
  if (!field && c.startsWith('invalid_')) field = c.slice('invalid_'.length);
  return field && fields.includes(field) ? field : undefined;
}
