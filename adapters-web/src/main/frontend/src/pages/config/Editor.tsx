import { useEffect, useMemo, useState } from 'preact/hooks';
import { ApiError } from '../../api/problem';
import type { components } from '../../api/schema';
import { useAction } from '../../app/hooks';
import { Button, Empty, Field, Time } from '../../ui/components';
import {
  changedValues, editableKeys, initialForm, isMultiLine, isOverride, keyOfInvalidValue, sampleLines, valuesDiff,
  type Changes, type Values,
} from '../../lib/configEdit';
import { ConfigProblem, DiffView } from './shared';

export type Kind = 'jails' | 'filters' | 'actions';
type LineView = components['schemas']['DefinitionController.LineView'];
type FilterTestView = components['schemas']['DefinitionController.FilterTestView'];

/** A value for display: lists one entry a line, empty as a dash. */
export function show(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(String).join('\n');
  return String(value);
}

/** Every key: the value as written, what fail2ban makes of it when that differs, and the file:line that wins. */
export function KeyTable({ values, effective }: { values: Values; effective: (key: string) => unknown }) {
  const keys = Object.keys(values).sort();
  if (keys.length === 0) return <Empty>No keys.</Empty>;
  return (
    <div class="table-wrap">
      <table class="config-keys">
        <thead><tr><th scope="col">Key</th><th scope="col">Effective value</th><th scope="col">From</th></tr></thead>
        <tbody>
          {keys.map(key => {
            const v = values[key];
            const eff = effective(key);
            const effText = eff === undefined ? undefined : show(eff);
            const differs = effText !== undefined && effText.trim() !== v.value.trim();
            return (
              <tr key={key} data-key={key}>
                <th scope="row"><code>{key}</code>{isOverride(v) && <> <span class="badge neutral">override</span></>}</th>
                <td class="config-value">
                  {differs ? <pre class="value">{effText || '—'}</pre> : <pre class="value">{v.value || '—'}</pre>}
                  {differs && <details><summary class="muted">as written</summary><pre class="value">{v.value || '—'}</pre></details>}
                </td>
                <td class="config-source"><code>{v.file}:{v.line}</code> <span class="muted">[{v.section}]</span></td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/**
 * The edit form: an input per key named by the key, "Preview change" shows the diff of the values, "Save"
 * sends only the changed keys (a cleared override as null). Save needs a preview of the form as it is.
 */
export function EditForm({ kind, name, values, save }:
  { kind: Kind; name: string; values: Values; save: (changes: Changes) => Promise<unknown> }) {
  const keys = useMemo(() => editableKeys(values, kind), [values, kind]);
  const [form, setForm] = useState<Record<string, string>>(() => initialForm(values, keys));
  const [removed, setRemoved] = useState<Set<string>>(new Set());
  const [newKey, setNewKey] = useState('');
  const [newValue, setNewValue] = useState('');
  const [preview, setPreview] = useState<{ changes: Changes; diff: string } | undefined>(undefined);
  const [saved, setSaved] = useState(false);
  const action = useAction(save);

  // a saved change (or another load with other values) brings new values: the form starts again from them
  const signature = JSON.stringify(values);
  useEffect(() => {
    setForm(initialForm(values, keys));
    setRemoved(new Set());
    setNewKey('');
    setNewValue('');
    setPreview(undefined);
  }, [signature, keys.join('\n')]);

  const edited = () => {
    setPreview(undefined);
    setSaved(false);
    action.clearError();
  };
  const set = (key: string, text: string) => { setForm(f => ({ ...f, [key]: text })); edited(); };
  const toggleRemoved = (key: string, on: boolean) => {
    setRemoved(r => { const n = new Set(r); if (on) n.add(key); else n.delete(key); return n; });
    edited();
  };
  const allForm = () => {
    const k = newKey.trim();
    return k && !(k in form) ? { ...form, [k]: newValue } : form;
  };
  const doPreview = () => {
    const changes = changedValues(values, allForm(), removed);
    setPreview({ changes, diff: valuesDiff(section(kind, name), values, changes) });
    setSaved(false);
  };
  const doSave = async () => {
    if (!preview || Object.keys(preview.changes).length === 0) return;
    const done = await action.run(preview.changes);
    if (done !== undefined) setSaved(true);
  };

  const error = action.error;
  const badKey = error instanceof ApiError ? keyOfInvalidValue(error.code, error.problem.detail) : undefined;
  const fields = [...keys];
  const newKeyError = badKey !== undefined && badKey === newKey.trim() && error instanceof ApiError
    ? error.problem.detail ?? undefined : undefined;
  // a key the form has no field for (a typo in "Add a key" that is not the new key any more) goes above
  const shownAtField = badKey !== undefined && (keys.includes(badKey) || newKeyError !== undefined);
  return (
    <form class="config-edit" onSubmit={e => { e.preventDefault(); doPreview(); }} aria-label={`Edit ${name}`}>
      <p class="muted">Changes are written to BanGUI's <code>.local</code> file and checked by fail2ban before they
        are kept. Clearing a value marked <em>override</em> removes BanGUI's override. Reload fail2ban to apply them.</p>
      <div class="config-fields">
        {keys.map(key => {
          const v = values[key];
          const multi = isMultiLine(key, form[key]);
          const fieldErr = badKey === key && error instanceof ApiError ? error.problem.detail ?? undefined : undefined;
          return (
            <Field key={key} label={key} name={key} error={fieldErr}
              hint={<>from <code>{v.file}:{v.line}</code> [{v.section}]</>}>
              {multi
                ? <textarea name={key} id={key} rows={Math.min(10, Math.max(2, (form[key] ?? '').split('\n').length + 1))}
                    value={form[key]} spellcheck={false} disabled={removed.has(key)} aria-describedby={`${key}-hint`}
                    onInput={e => set(key, (e.target as HTMLTextAreaElement).value)} />
                : <input name={key} id={key} value={form[key]} spellcheck={false} disabled={removed.has(key)} aria-describedby={`${key}-hint`}
                    onInput={e => set(key, (e.target as HTMLInputElement).value)} />}
              {isOverride(v) && (
                <label class="check">
                  <input type="checkbox" name={`remove-${key}`} checked={removed.has(key)}
                    onChange={e => toggleRemoved(key, (e.target as HTMLInputElement).checked)} />
                  {' '}Remove BanGUI's override
                </label>
              )}
            </Field>
          );
        })}
      </div>
      <fieldset class="new-key">
        <legend>Add a key</legend>
        <div class="config-fields">
          <Field label="New key" name="newKey" error={newKeyError}>
            <input name="newKey" id="newKey" value={newKey} spellcheck={false}
              onInput={e => { setNewKey((e.target as HTMLInputElement).value); edited(); }} />
          </Field>
          <Field label="Value" name="newValue">
            <textarea name="newValue" id="newValue" rows={2} value={newValue} spellcheck={false}
              onInput={e => { setNewValue((e.target as HTMLTextAreaElement).value); edited(); }} />
          </Field>
        </div>
      </fieldset>
      <div class="form-actions">
        <Button type="submit">Preview change</Button>
        <Button kind="primary" busy={action.busy} onClick={doSave}
          disabled={!preview || Object.keys(preview.changes).length === 0}
          title={preview ? undefined : 'Preview the change first'}>Save</Button>
      </div>
      {preview && (Object.keys(preview.changes).length === 0
        ? <p class="notice" role="status">Nothing changed.</p>
        : <div class="config-preview"><h3>Change to save</h3><DiffView diff={preview.diff} label="Change to save" /></div>)}
      {saved && <p class="notice" role="status">Saved. Reload fail2ban to apply the change.</p>}
      {error !== undefined && !shownAtField && <ConfigProblem error={error} fields={fields} />}
    </form>
  );
}

function section(kind: Kind, name: string): string {
  return kind === 'jails' ? `[${name}]` : `${kind === 'filters' ? 'filter.d' : 'action.d'}/${name}`;
}

/** Log lines through a filter (by name) or through ad-hoc regexes: per line matched, host and time. */
export function TestResults({ result }: { result: FilterTestView }) {
  return (
    <div class="regex-results" data-testid="regex-results">
      <p role="status">{result.matched} of {result.lines.length} line{result.lines.length === 1 ? '' : 's'} matched.</p>
      <div class="table-wrap">
        <table>
          <thead><tr><th scope="col">Line</th><th scope="col">Matched</th><th scope="col">Host</th><th scope="col">Time</th></tr></thead>
          <tbody>
            {result.lines.map((l: LineView, i) => (
              <tr key={i} data-matched={String(l.matched)}>
                <td><code class="log-line">{l.line}</code></td>
                <td>{l.matched ? <span class="badge ok">yes</span> : <span class="badge neutral">no</span>}</td>
                <td>{l.host ? <code>{l.host}</code> : <span class="muted">—</span>}</td>
                <td><Time value={l.time ?? null} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

/** The regex tester of a configured filter: sample lines through the filter as saved (the new filter form has its own). */
export function RegexTester({ test }: { test: (input: { lines: string[] }) => Promise<FilterTestView> }) {
  const [lines, setLines] = useState('');
  const [result, setResult] = useState<FilterTestView | undefined>(undefined);
  const action = useAction(test);
  const e = action.error;
  const linesError = e instanceof ApiError && e.code === 'invalid_lines' ? e.problem.detail ?? undefined : undefined;
  const run = async () => {
    setResult(undefined);
    const r = await action.run({ lines: sampleLines(lines) });
    if (r) setResult(r);
  };
  return (
    <form class="regex-tester" onSubmit={ev => { ev.preventDefault(); void run(); }}>
      <Field label="Sample log lines (one a line)" name="lines" error={linesError}>
        <textarea name="lines" id="lines" rows={5} spellcheck={false} value={lines}
          placeholder="2024-01-01 12:00:00 host sshd[1]: Failed password for root from 192.0.2.9 port 22 ssh2"
          onInput={ev => setLines((ev.target as HTMLTextAreaElement).value)} />
      </Field>
      <div class="form-actions"><Button type="submit" kind="primary" busy={action.busy}>Test</Button></div>
      {e !== undefined && !linesError && <ConfigProblem error={e} invalidTitle="fail2ban could not run the test:" />}
      {result && <TestResults result={result} />}
    </form>
  );
}
