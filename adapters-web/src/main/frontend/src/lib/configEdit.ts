/**
 * The pure logic of the configuration editor: which keys change (a cleared BanGUI override becomes null), the
 * unified diff of the values shown before saving, the classes of diff lines, and the reading of the reload
 * answers. Unit-tested.
 */

/** One key's winning definition, as the API gives it. */
export interface KeyValue {
  value: string;
  file: string;
  section?: string;
  line?: number;
}

export type Values = Record<string, KeyValue>;

/** What a PUT sends: the new text of each changed key, null to remove BanGUI's override. */
export type Changes = Record<string, string | null>;

/** Keys whose values are lists, one entry a line, in fail2ban's files. */
const MULTI_LINE_KEYS = new Set([
  'failregex', 'ignoreregex', 'prefregex', 'logpath', 'action', 'journalmatch', 'datepattern',
  'actionstart', 'actionstop', 'actioncheck', 'actionban', 'actionunban', 'actionflush', 'actionrepair',
  'actionstart_on_demand', 'actionreban', 'actionprolong',
]);

/** Whether a key is edited in a textarea: a list key, or a value that already spans lines. */
export function isMultiLine(key: string, value: string | undefined): boolean {
  const base = key.includes('/') ? key.slice(key.lastIndexOf('/') + 1) : key;
  return MULTI_LINE_KEYS.has(base) || (value ?? '').includes('\n');
}

/**
 * A value's text as it will be stored: line breaks as \n, no trailing blanks on a line, no empty lines at
 * the start or the end (fail2ban ignores them), single lines trimmed.
 */
export function normaliseValue(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n').map(l => l.replace(/\s+$/, ''));
  while (lines.length > 0 && lines[0].trim() === '') lines.shift();
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  if (lines.length === 1) return lines[0].trim();
  return lines.join('\n');
}

/** Whether the value comes from a `.local` file, the only kind BanGUI writes: clearing it removes the override. */
export function isOverride(v: KeyValue | undefined): boolean {
  return !!v && /\.local$/.test(v.file);
}

/** The keys a person may edit in the form, sorted; a jail's `enabled` has its own buttons. */
export function editableKeys(values: Values, kind: 'jails' | 'filters' | 'actions'): string[] {
  return Object.keys(values).filter(k => !(kind === 'jails' && k === 'enabled')).sort();
}

/** The form's starting texts: each editable key's current value. */
export function initialForm(values: Values, keys: readonly string[]): Record<string, string> {
  const form: Record<string, string> = {};
  for (const k of keys) form[k] = values[k]?.value ?? '';
  return form;
}

/**
 * Only what changed between the current values and the form: a new text for a changed key, null for an
 * override that was cleared or explicitly removed ({@code removed}), nothing for an unchanged key or an empty
 * new key. Clearing a value that is not an override sets it empty (there is nothing of BanGUI's to remove).
 */
export function changedValues(current: Values, form: Record<string, string>,
  removed: ReadonlySet<string> = new Set()): Changes {
  const changes: Changes = {};
  for (const key of removed) if (isOverride(current[key])) changes[key] = null;
  for (const [key, text] of Object.entries(form)) {
    if (key in changes) continue;
    const next = normaliseValue(text);
    const cur = current[key];
    if (!cur) {
      if (next !== '') changes[key] = next;
    } else if (next !== normaliseValue(cur.value)) {
      changes[key] = next === '' && isOverride(cur) ? null : next;
    }
  }
  return changes;
}

/** A key as it reads in a fail2ban file: `key = first line`, later lines indented under the value. */
export function formatAssignment(key: string, value: string): string[] {
  const lines = value.split('\n');
  const indent = ' '.repeat(key.length + 3);
  return [`${key} = ${lines[0]}`.replace(/\s+$/, ''), ...lines.slice(1).map(l => (indent + l).replace(/\s+$/, ''))];
}

/**
 * A unified diff of the values, old -> new, one hunk per changed key (sorted), in the section the value is
 * written to. Empty when nothing changes. A removed override shows the old value as deleted and a note that
 * the value of the other files applies again.
 */
export function valuesDiff(section: string, current: Values, changes: Changes): string {
  const keys = Object.keys(changes).sort();
  if (keys.length === 0) return '';
  const out = [`--- ${section} (now)`, `+++ ${section} (after saving)`];
  for (const key of keys) {
    const cur = current[key];
    const next = changes[key];
    const oldLines = cur ? formatAssignment(key, cur.value) : [];
    const newLines = next === null ? [] : formatAssignment(key, next);
    const where = cur ? ` ${cur.file}:${cur.line ?? '?'}` : ' new key';
    out.push(`@@ -${oldLines.length} +${newLines.length} @@ ${key}${where}`);
    for (const l of oldLines) out.push('-' + l);
    for (const l of newLines) out.push('+' + l);
    if (next === null) out.push(` # ${key}: BanGUI's override removed; the value of the other files applies`);
  }
  return out.join('\n') + '\n';
}

/** A 502 reload_failed detail, read into its parts (the server writes them joined by "; "). */
export interface ReloadFailure {
  /** "the reload failed" or "the reload left jails down: a, b". */
  failure: string;
  /** Jails that did not run after the reload. */
  down: string[];
  /** What the recovery reload achieved. */
  recovery?: string;
  /** Files written back to their last good version. */
  restored: string[];
  /** Files that could not be written back. */
  notRestored: string[];
  /** fail2ban's own message, when it gave one. */
  fail2ban?: string;
}

/**
 * Reads the detail of a 502 reload_failed: "the reload failed; every jail runs again; restored a.local, b.local;
 * could not restore c.local; fail2ban: ...". fail2ban's message comes last and may itself contain "; ".
 */
export function parseReloadFailure(detail: string | null | undefined): ReloadFailure {
  let text = (detail ?? '').trim();
  let fail2ban: string | undefined;
  const at = text.indexOf('; fail2ban: ');
  if (at >= 0) {
    fail2ban = text.slice(at + '; fail2ban: '.length).trim();
    text = text.slice(0, at);
  }
  const parts = text.split('; ').map(p => p.trim()).filter(p => p !== '');
  const result: ReloadFailure = { failure: parts[0] ?? 'the reload failed', down: [], restored: [], notRestored: [], fail2ban };
  const downPrefix = 'the reload left jails down: ';
  if (result.failure.startsWith(downPrefix)) result.down = list(result.failure.slice(downPrefix.length));
  for (const part of parts.slice(1)) {
    if (part.startsWith('restored ')) result.restored = list(part.slice('restored '.length));
    else if (part.startsWith('could not restore ')) result.notRestored = list(part.slice('could not restore '.length));
    else if (part.startsWith('no file changed')) result.restored = [];
    else result.recovery = result.recovery ? `${result.recovery}; ${part}` : part;
  }
  return result;
}

function list(text: string): string[] {
  return text.split(',').map(s => s.trim()).filter(s => s !== '');
}

/** The key a 400 invalid_value is about: the server names it in quotes first ("'maxretry' is not ..."). */
export function keyOfInvalidValue(code: string | undefined, detail: string | null | undefined): string | undefined {
  if (code !== 'invalid_value' || !detail) return undefined;
  const m = /^'([^']+)'/.exec(detail.trim());
  return m ? m[1] : undefined;
}

/** Sample log lines from a textarea: one a line, blank lines left out. */
export function sampleLines(text: string): string[] {
  return text.replace(/\r\n?/g, '\n').split('\n').filter(l => l.trim() !== '');
}

/** Names containing every word of a filter text (case-insensitive). */
export function filterNames(names: readonly string[], q: string): string[] {
  const words = q.toLowerCase().split(/\s+/).filter(Boolean);
  return names.filter(n => words.every(w => n.toLowerCase().includes(w)));
}
