import { useCallback, useState } from 'preact/hooks';
import { call, client } from '../../api/client';
import { ApiError, describe } from '../../api/problem';
import type { components } from '../../api/schema';
import { useAction, usePoll } from '../../app/hooks';
import { navigate, path, withQuery } from '../../app/router';
import { Button, Field } from '../../ui/components';
import {
  EMPTY_FILTER, EMPTY_JAIL, createFieldOf, initialActionRows, newActionRequest, newFilterRequest, newJailRequest,
  regexes, type ActionRow, type FieldErrors, type NewFilterForm, type NewJailForm,
} from '../../lib/configCreate';
import { sampleLines } from '../../lib/configEdit';
import { TestResults } from './Editor';
import { ConfigProblem } from './shared';

type FilterTestView = components['schemas']['DefinitionController.FilterTestView'];
/** The generated types say "object" for BanGUI's free-form values (a text or a list of lines). */
type Free = Record<string, never>;

/** Where a new item opens: its page, which says it was created. */
function openCreated(kind: 'jails' | 'filters' | 'actions', name: string) {
  navigate(withQuery(path(`/config/${kind}`, name), { created: '1' }));
}

/** The error of a field: the form's own check first, else the server's answer when it is about that field. */
function useErrors(checks: FieldErrors, error: unknown, fields: readonly string[]) {
  const serverField = error instanceof ApiError ? createFieldOf(error.code, error.problem.detail, fields) : undefined;
  const of = (field: string): string | undefined => checks[field]
    ?? (serverField === field ? describe(error) : undefined);
  return { of, above: error !== undefined && serverField === undefined ? error : undefined };
}

const JAIL_FIELDS = ['name', 'filter', 'logpath', 'maxretry', 'findtime', 'bantime'] as const;

/** "New jail": written to jail.d/<name>.local; it runs after the next reload. */
export function NewJail() {
  const [form, setForm] = useState<NewJailForm>(EMPTY_JAIL);
  const [checks, setChecks] = useState<FieldErrors>({});
  const loadFilters = useCallback(() => call(client.GET('/api/v1/config/filters')), []);
  // the filter names change rarely: one load, refreshed every few minutes at most
  const filters = usePoll(loadFilters, [], 300_000);
  const create = useAction(useCallback(async (body: ReturnType<typeof newJailRequest> & { ok: true }) => {
    const created = await call(client.POST('/api/v1/config/jails', { body: {
      ...body.body, logpath: body.body.logpath as unknown as Free | undefined,
      values: body.body.values as unknown as Record<string, Free> | undefined,
    } }));
    openCreated('jails', created.name);
    return created;
  }, []));
  const set = <K extends keyof NewJailForm>(key: K, value: NewJailForm[K]) => {
    setForm(f => ({ ...f, [key]: value }));
    setChecks(c => { const n = { ...c }; delete n[key]; return n; });
    create.clearError();
  };
  const submit = (e: Event) => {
    e.preventDefault();
    const checked = newJailRequest(form);
    if (!checked.ok) { setChecks(checked.errors); return; }
    setChecks({});
    void create.run(checked);
  };
  const errs = useErrors(checks, create.error, JAIL_FIELDS);
  const text = (key: 'maxretry' | 'findtime' | 'bantime', label: string, placeholder: string) => (
    <Field label={label} name={key} error={errs.of(key)}>
      <input name={key} id={key} value={form[key]} placeholder={placeholder} spellcheck={false} autocomplete="off"
        onInput={e => set(key, (e.target as HTMLInputElement).value)} />
    </Field>
  );
  const names = filters.data?.names ?? [];
  return (
    <form class="config-create" onSubmit={submit} aria-label="New jail" noValidate>
      <p class="muted">Written to <code>jail.d/&lt;name&gt;.local</code> and checked by fail2ban first; it runs
        after the next reload. Without a filter it is a blocklist-only jail: it reads no log, only the bans BanGUI
        sends reach it.</p>
      <div class="config-fields">
        <Field label="Name" name="name" error={errs.of('name')}>
          <input name="name" id="name" value={form.name} required spellcheck={false} autocomplete="off" placeholder="myapp"
            onInput={e => set('name', (e.target as HTMLInputElement).value)} />
        </Field>
        <Field label="Filter" name="filter" error={errs.of('filter')}
          hint={filters.error !== undefined && !filters.data ? 'The filter list could not be loaded.' : undefined}>
          <select name="filter" id="filter" value={form.filter}
            onChange={e => set('filter', (e.target as HTMLSelectElement).value)}>
            <option value="">none: a blocklist-only jail</option>
            {names.map(n => <option key={n} value={n}>{n}</option>)}
            {form.filter && !names.includes(form.filter) && <option value={form.filter}>{form.filter}</option>}
          </select>
        </Field>
        <Field label="Log paths (one absolute path a line)" name="logpath" error={errs.of('logpath')}
          hint={form.filter ? 'Files or globs, e.g. /var/log/myapp/*.log' : 'Leave empty for a blocklist-only jail.'}>
          <textarea name="logpath" id="logpath" rows={3} spellcheck={false} value={form.logpath}
            placeholder={form.filter ? '/var/log/auth.log' : ''}
            onInput={e => set('logpath', (e.target as HTMLTextAreaElement).value)} />
        </Field>
        {text('maxretry', 'maxretry (optional)', '5')}
        {text('findtime', 'findtime (optional)', '10m')}
        {text('bantime', 'bantime (optional)', '1h')}
      </div>
      <label class="check">
        <input type="checkbox" name="enabled" id="enabled" checked={form.enabled}
          onChange={e => set('enabled', (e.target as HTMLInputElement).checked)} />{' '}Enabled
      </label>
      {errs.above !== undefined && <ConfigProblem error={errs.above} invalidTitle="fail2ban refused this jail; nothing was created." />}
      <div class="form-actions"><Button type="submit" kind="primary" busy={create.busy}>Create jail</Button></div>
    </form>
  );
}

const FILTER_FIELDS = ['name', 'failregex', 'ignoreregex', 'datepattern'] as const;

/** "New filter", with the ad-hoc tester: the regexes run on sample lines before anything is written. */
export function NewFilter() {
  const [form, setForm] = useState<NewFilterForm>(EMPTY_FILTER);
  const [lines, setLines] = useState('');
  const [checks, setChecks] = useState<FieldErrors>({});
  const [result, setResult] = useState<FilterTestView | undefined>(undefined);
  const create = useAction(useCallback(async (body: ReturnType<typeof newFilterRequest> & { ok: true }) => {
    const b = body.body;
    const created = await call(client.POST('/api/v1/config/filters', { body: {
      name: b.name, failregex: b.failregex as unknown as Free, ignoreregex: b.ignoreregex as unknown as Free | undefined,
      datepattern: b.datepattern,
    } }));
    openCreated('filters', created.name);
    return created;
  }, []));
  const test = useAction(useCallback(async (input: { regex: ReturnType<typeof regexes>['body']; lines: string[] }) => {
    const r = input.regex;
    return call(client.POST('/api/v1/config/filters/test', { body: {
      failregex: r.failregex as unknown as Free, ignoreregex: r.ignoreregex as unknown as Free | undefined,
      datepattern: r.datepattern, lines: input.lines,
    } }));
  }, []));
  const edited = (key: string) => {
    setChecks(c => { const n = { ...c }; delete n[key]; return n; });
    create.clearError();
    test.clearError();
  };
  const set = (key: keyof NewFilterForm, value: string) => { setForm(f => ({ ...f, [key]: value })); edited(key); };
  const submit = (e: Event) => {
    e.preventDefault();
    const checked = newFilterRequest(form);
    if (!checked.ok) { setChecks(checked.errors); return; }
    setChecks({});
    void create.run(checked);
  };
  const runTest = async () => {
    setResult(undefined);
    create.clearError();
    const checked = regexes(form);
    const sample = sampleLines(lines);
    const errors: FieldErrors = { ...checked.errors };
    if (sample.length === 0) errors.lines = 'Give at least one sample log line.';
    setChecks(errors);
    if (Object.keys(errors).length > 0) return;
    const r = await test.run({ regex: checked.body, lines: sample });
    if (r) setResult(r);
  };
  const errs = useErrors(checks, create.error ?? test.error, [...FILTER_FIELDS, 'lines']);
  const area = (key: 'failregex' | 'ignoreregex', label: string, rows: number, placeholder?: string) => (
    <Field label={label} name={key} error={errs.of(key)}>
      <textarea name={key} id={key} rows={rows} spellcheck={false} value={form[key]} placeholder={placeholder}
        onInput={e => set(key, (e.target as HTMLTextAreaElement).value)} />
    </Field>
  );
  return (
    <form class="config-create" onSubmit={submit} aria-label="New filter" noValidate>
      <p class="muted">Written to <code>filter.d/&lt;name&gt;.local</code> and checked by fail2ban first. Try the
        regexes on sample lines before creating it (fail2ban-regex; nothing is written).</p>
      <div class="config-fields">
        <Field label="Name" name="name" error={errs.of('name')}>
          <input name="name" id="name" value={form.name} spellcheck={false} autocomplete="off" placeholder="myapp"
            onInput={e => set('name', (e.target as HTMLInputElement).value)} />
        </Field>
        {area('failregex', 'failregex (one a line)', 3, 'Failed login for .* from <HOST>$')}
        {area('ignoreregex', 'ignoreregex (optional, one a line)', 2)}
        <Field label="datepattern (optional)" name="datepattern" error={errs.of('datepattern')}>
          <input name="datepattern" id="datepattern" value={form.datepattern} spellcheck={false} autocomplete="off"
            placeholder="{^LN-BEG}" onInput={e => set('datepattern', (e.target as HTMLInputElement).value)} />
        </Field>
      </div>
      <Field label="Sample log lines to test (one a line)" name="lines" error={errs.of('lines')}>
        <textarea name="lines" id="lines" rows={4} spellcheck={false} value={lines}
          placeholder="2024-01-01 12:00:00 Failed login for admin from 192.0.2.9"
          onInput={e => { setLines((e.target as HTMLTextAreaElement).value); edited('lines'); }} />
      </Field>
      {errs.above !== undefined && <ConfigProblem error={errs.above}
        invalidTitle={create.error !== undefined ? 'fail2ban refused this filter; nothing was created.' : 'fail2ban could not run the test:'} />}
      <div class="form-actions">
        <Button busy={test.busy} onClick={() => void runTest()}>Test</Button>
        <Button type="submit" kind="primary" busy={create.busy}>Create filter</Button>
      </div>
      {result && <TestResults result={result} />}
    </form>
  );
}

/** "New action": its [Definition] keys, one row each; actionban and actionunban are the ones that matter. */
export function NewAction() {
  const [name, setName] = useState('');
  const [rows, setRows] = useState<ActionRow[]>(initialActionRows);
  const [checks, setChecks] = useState<FieldErrors>({});
  const create = useAction(useCallback(async (body: ReturnType<typeof newActionRequest> & { ok: true }) => {
    const created = await call(client.POST('/api/v1/config/actions', { body: {
      name: body.body.name, values: body.body.values as unknown as Record<string, Free>,
    } }));
    openCreated('actions', created.name);
    return created;
  }, []));
  const edited = (key: string) => {
    setChecks(c => { const n = { ...c }; delete n[key]; if (key.startsWith('key-')) delete n.actionban; return n; });
    create.clearError();
  };
  const setRow = (i: number, patch: Partial<ActionRow>) => {
    setRows(rs => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));
    edited(`key-${i}`);
  };
  const submit = (e: Event) => {
    e.preventDefault();
    const checked = newActionRequest(name, rows);
    if (!checked.ok) { setChecks(checked.errors); return; }
    setChecks({});
    void create.run(checked);
  };
  // the server names a refused key in quotes ("'actionban' ..."): shown at that row
  const keys = rows.map(r => r.key.trim());
  const errs = useErrors(checks, create.error, ['name', ...keys.filter(Boolean)]);
  const valueError = (i: number) => (keys[i] ? errs.of(keys[i]) : undefined)
    ?? (keys[i] === 'actionban' ? checks.actionban : undefined);
  return (
    <form class="config-create" onSubmit={submit} aria-label="New action" noValidate>
      <p class="muted">Written to <code>action.d/&lt;name&gt;.local</code> as its <code>[Definition]</code> and checked
        by fail2ban first. Commands may use fail2ban's tags such as <code>&lt;ip&gt;</code>, <code>&lt;name&gt;</code>
        and <code>&lt;port&gt;</code>. Rows left empty are not written.</p>
      <Field label="Name" name="name" error={errs.of('name')}>
        <input name="name" id="name" value={name} spellcheck={false} autocomplete="off" placeholder="notify-admin"
          onInput={e => { setName((e.target as HTMLInputElement).value); edited('name'); }} />
      </Field>
      <div class="action-rows">
        {rows.map((row, i) => (
          <fieldset key={i} class="action-row">
            <legend class="sr-only">Key {i + 1}</legend>
            <Field label="Key" name={`key-${i}`} error={checks[`key-${i}`]}>
              <input name={`key-${i}`} id={`key-${i}`} value={row.key} spellcheck={false} autocomplete="off"
                onInput={e => setRow(i, { key: (e.target as HTMLInputElement).value })} />
            </Field>
            <Field label={row.key.trim() ? `Value of ${row.key.trim()}` : 'Value'} name={`value-${i}`} error={valueError(i)}>
              <textarea name={row.key.trim() || `value-${i}`} id={`value-${i}`} rows={row.key.startsWith('action') ? 2 : 1}
                spellcheck={false} value={row.value}
                onInput={e => setRow(i, { value: (e.target as HTMLTextAreaElement).value })} />
            </Field>
            <Button class="remove-row" onClick={() => { setRows(rs => rs.filter((_, j) => j !== i)); setChecks({}); }}
              aria-label={`Remove ${row.key.trim() || `row ${i + 1}`}`}>Remove</Button>
          </fieldset>
        ))}
      </div>
      {checks.actionban && !keys.includes('actionban') && <p class="field-error" role="alert">{checks.actionban}</p>}
      {errs.above !== undefined && <ConfigProblem error={errs.above} invalidTitle="fail2ban refused this action; nothing was created." />}
      <div class="form-actions">
        <Button onClick={() => setRows(rs => [...rs, { key: '', value: '' }])}>Add a key</Button>
        <Button type="submit" kind="primary" busy={create.busy}>Create action</Button>
      </div>
    </form>
  );
}
