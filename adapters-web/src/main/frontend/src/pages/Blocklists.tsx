import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { PageProps } from '../app/App';
import { call, client } from '../api/client';
import { jailNames } from '../api/jails';
import { ApiError, describe } from '../api/problem';
import type { components } from '../api/schema';
import { useAction, usePoll } from '../app/hooks';
import { navigate, path, withQuery } from '../app/router';
import { formatCount } from '../lib/format';
import {
  bounded, changesSummary, entriesSummary, importDone, importTone, lastImportBySource, mergeImports, refusalText,
  scheduleHint,
} from '../lib/blocklists';
import {
  Badge, Button, ConfirmButton, Empty, Field, Link, Loading, PageHeader, Pager, ProblemBanner, Time, fieldError,
} from '../ui/components';

type Source = components['schemas']['BlocklistController.SourceView'];
type ImportRun = components['schemas']['BlocklistController.ImportView'];
type Preview = components['schemas']['BlocklistController.PreviewView'];
type Sample = components['schemas']['BlocklistController.SampleView'];

const FIELDS = ['name', 'url', 'jail', 'schedule', 'enabled'] as const;
const LIST_POLL_MS = 10_000;
const FOLLOW_MS = 1_000;
const LOG_PAGE = 25;
/** How many entries of a preview's to-ban and to-unban lists are shown. */
const PREVIEW_SHOWN = 20;

interface SourceValues { name: string; url: string; jail: string; schedule: string; enabled: boolean }

const EMPTY_SOURCE: SourceValues = { name: '', url: '', jail: '', schedule: '6h', enabled: true };

function valuesOf(s: Source): SourceValues {
  return { name: s.name, url: s.url, jail: s.jail, schedule: s.schedule, enabled: s.enabled };
}

/**
 * Follows imports that were just asked for: each is read every second while it runs, and no more once it ended
 * ({@code onSettled} then runs, to reload the page's lists).
 */
function useFollowImports(onSettled: () => void) {
  const [live, setLive] = useState<Record<number, ImportRun>>({});
  const timers = useRef(new Map<number, ReturnType<typeof setTimeout>>());
  const settled = useRef(onSettled);
  settled.current = onSettled;
  const alive = useRef(true);
  useEffect(() => {
    alive.current = true;
    const all = timers.current;
    return () => { alive.current = false; all.forEach(t => clearTimeout(t)); all.clear(); };
  }, []);
  const follow = useCallback((id: number) => {
    if (timers.current.has(id)) return;
    let misses = 0;
    const tick = async () => {
      let again = true;
      try {
        const run = await call(client.GET('/api/v1/blocklists/imports/{id}', { params: { path: { id: String(id) } } }));
        if (!alive.current) return;
        setLive(l => ({ ...l, [id]: run }));
        if (importDone(run.status)) {
          again = false;
          settled.current();
        }
      } catch {
        if (++misses >= 5) again = false;
      }
      if (!alive.current) return;
      if (again) timers.current.set(id, setTimeout(tick, FOLLOW_MS));
      else timers.current.delete(id);
    };
    timers.current.set(id, setTimeout(tick, 0));
  }, []);
  return { live: Object.values(live), follow };
}

/** Import now and preview, shared by the list and a source's page. */
function useSourceActions(follow: (id: number) => void, reload: () => void) {
  const [failure, setFailure] = useState<{ name: string; error: unknown } | undefined>(undefined);
  const [busy, setBusy] = useState<number | undefined>(undefined);
  const [preview, setPreview] = useState<{ source: Source; data?: Preview; error?: unknown } | undefined>(undefined);

  const importNow = async (source: Source) => {
    setFailure(undefined);
    setBusy(source.id);
    try {
      const started = await call(client.POST('/api/v1/blocklists/{id}/import', { params: { path: { id: String(source.id) } } }));
      follow(started.importId);
      reload();
    } catch (e) {
      setFailure({ name: source.name, error: e });
    } finally {
      setBusy(undefined);
    }
  };
  const runPreview = async (source: Source) => {
    setFailure(undefined);
    setPreview({ source });
    try {
      const data = await call(client.POST('/api/v1/blocklists/{id}/preview', { params: { path: { id: String(source.id) } } }));
      setPreview(p => (p?.source.id === source.id ? { source, data } : p));
    } catch (e) {
      setPreview(p => (p?.source.id === source.id ? { source, error: e } : p));
    }
  };
  return { failure, busy, preview, importNow, runPreview, closePreview: () => setPreview(undefined) };
}

/** A refused import or preview: the sentence for the codes the UI knows, else the server's detail. */
function Refusal({ error, prefix }: { error: unknown; prefix?: string }) {
  if (!error) return null;
  const text = (error instanceof ApiError && refusalText(error.code)) || describe(error);
  return (
    <div class="problem" role="alert">
      {prefix && <strong>{prefix} </strong>}{text}
      {error instanceof ApiError && error.code && <span class="code"> ({error.code})</span>}
    </div>
  );
}

function useJails(): string[] {
  // polled slowly: a list that could not be read while fail2ban was down fills in once it is back
  const jails = usePoll(jailNames, [], 30_000);
  return jails.data ?? [];
}

/** The source form (add and edit): the API's field names, errors next to the fields. */
function SourceForm({ initial, jails, submitLabel, onSubmit }: {
  initial: SourceValues; jails: string[]; submitLabel: string; onSubmit: (v: SourceValues) => Promise<unknown>;
}) {
  const [v, setV] = useState<SourceValues>(initial);
  const submit = useAction(async () => { await onSubmit(v); });
  const set = (key: keyof SourceValues) => (e: Event) => {
    const input = e.currentTarget as HTMLInputElement;
    setV(old => ({ ...old, [key]: input.type === 'checkbox' ? input.checked : input.value }));
  };
  const jailChoices = v.jail && !jails.includes(v.jail) ? [v.jail, ...jails] : jails;
  const err = submit.error;
  return (
    <form class="blocklist-form" onSubmit={e => { e.preventDefault(); submit.run(); }}>
      <ProblemBanner error={err} fields={FIELDS} />
      <div class="blocklist-fields">
        <Field label="Name" name="name" error={fieldError(err, 'name', FIELDS)} hint="Letters, digits, space . _ -">
          <input id="name" name="name" required maxLength={64} value={v.name} onInput={set('name')}
            aria-invalid={fieldError(err, 'name', FIELDS) ? 'true' : undefined} />
        </Field>
        <Field label="URL" name="url" error={fieldError(err, 'url', FIELDS)} hint="http or https; one address or network a line">
          <input id="url" name="url" type="url" required maxLength={2000} value={v.url} onInput={set('url')}
            placeholder="https://lists.example.org/drop.txt"
            aria-invalid={fieldError(err, 'url', FIELDS) ? 'true' : undefined} />
        </Field>
        <Field label="Jail" name="jail" error={fieldError(err, 'jail', FIELDS)} hint="The jail that bans the list's entries">
          <select id="jail" name="jail" required value={v.jail} onChange={set('jail')}
            aria-invalid={fieldError(err, 'jail', FIELDS) ? 'true' : undefined}>
            <option value="" disabled>Choose a jail</option>
            {jailChoices.map(j => <option value={j}>{j}</option>)}
          </select>
        </Field>
        <Field label="Schedule" name="schedule" error={fieldError(err, 'schedule', FIELDS)} hint={scheduleHint(v.schedule)}>
          <input id="schedule" name="schedule" required maxLength={100} value={v.schedule} onInput={set('schedule')}
            placeholder="6h" aria-describedby="schedule-hint"
            aria-invalid={fieldError(err, 'schedule', FIELDS) ? 'true' : undefined} />
        </Field>
      </div>
      <div class="field checkbox">
        <label for="enabled">
          <input id="enabled" name="enabled" type="checkbox" checked={v.enabled} onChange={set('enabled')} />
          {' '}Enabled (imported on its schedule)
        </label>
      </div>
      <div><Button type="submit" kind="primary" busy={submit.busy}>{submitLabel}</Button></div>
    </form>
  );
}

/** One invalid line as the import log shows it. */
function Samples({ samples, total }: { samples: Sample[]; total?: number }) {
  if (samples.length === 0) return null;
  const count = total && total > samples.length ? `${samples.length} of ${formatCount(total)}` : String(samples.length);
  return (
    <details class="samples">
      <summary>{count} invalid-line sample{samples.length === 1 ? '' : 's'}</summary>
      <ul>
        {samples.map(s => (
          <li>
            <span class="muted">{s.line ? `line ${s.line}` : 'entry'}:</span> <code>{s.text}</code> — {s.reason}
          </li>
        ))}
      </ul>
    </details>
  );
}

/** The import log's rows: status, figures, error, invalid samples. */
function ImportTable({ imports, showSource }: { imports: ImportRun[]; showSource: boolean }) {
  if (imports.length === 0) return <Empty>No imports yet.</Empty>;
  return (
    <div class="table-wrap">
      <table class="imports">
        <thead>
          <tr>
            <th scope="col">Import</th>
            {showSource && <th scope="col">Source</th>}
            <th scope="col">Started</th>
            <th scope="col">Status</th>
            <th scope="col">Entries</th>
            <th scope="col">Changes</th>
            <th scope="col">Error and invalid lines</th>
          </tr>
        </thead>
        <tbody>
          {imports.map(i => (
            <tr key={i.id} data-import={String(i.id)}>
              <td>#{i.id} <span class="muted">{i.trigger}</span></td>
              {showSource && <td><Link href={path('/blocklists', String(i.source))}>{i.sourceName}</Link></td>}
              <td><Time value={i.startedAt} />{i.finishedAt && <div class="muted small">ended <Time value={i.finishedAt} /></div>}</td>
              <td data-testid="import-status"><Badge tone={importTone(i.status)}>{i.status}</Badge></td>
              <td>
                {i.trigger === 'delete' ? <span class="muted">release of the deleted source's entries</span>
                  : i.status === 'running' && i.entries.total === 0 ? <span class="muted">—</span> : entriesSummary(i.entries)}
              </td>
              <td>{changesSummary(i)}</td>
              <td>
                {i.error && <div class="bad-text">{i.error}</div>}
                <Samples samples={i.invalidSamples} total={i.entries.invalid} />
                {!i.error && i.invalidSamples.length === 0 && <span class="muted">—</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A bounded list of addresses with the count of the rest. */
function AddressList({ title, items, total }: { title: string; items: string[]; total: number }) {
  const { shown, more } = bounded(items, total, PREVIEW_SHOWN);
  return (
    <div>
      <h3>{title} ({formatCount(total)})</h3>
      {shown.length === 0 ? <p class="muted">None.</p> : (
        <ul class="addresses mono">
          {shown.map(a => <li>{a}</li>)}
          {more && <li class="muted">{more}</li>}
        </ul>
      )}
    </div>
  );
}

/** A dry run's result, with the import one click away. */
function PreviewPanel({ source, data, error, onImport, onClose, importing }: {
  source: Source; data?: Preview; error?: unknown; onImport: () => void; onClose: () => void; importing: boolean;
}) {
  return (
    <section class="card preview" aria-labelledby="preview-title" aria-live="polite">
      <h2 id="preview-title">Preview of {source.name}</h2>
      {!data && !error && <p class="muted">Downloading and comparing the list… nothing is banned.</p>}
      <Refusal error={error} />
      {data && (
        <>
          <p data-testid="preview-summary">
            {entriesSummary(data.entries)} ({formatCount(data.bytes)} bytes). An import now would
            ban <strong>{formatCount(data.toBanCount)}</strong> and unban <strong>{formatCount(data.toUnbanCount)}</strong> in
            jail {source.jail}.
          </p>
          <div class="grid">
            <AddressList title="To ban" items={data.toBan} total={data.toBanCount} />
            <AddressList title="To unban" items={data.toUnban} total={data.toUnbanCount} />
          </div>
          <Samples samples={data.invalidSamples} total={data.entries.invalid} />
        </>
      )}
      <div class="actions-row">
        <Button kind="primary" busy={importing} onClick={onImport}>Import now</Button>
        <Button onClick={onClose}>Close preview</Button>
      </div>
    </section>
  );
}

/** The sources, their last imports, the add form, previews and the recent import log. */
export function BlocklistsPage({ query }: PageProps) {
  const list = usePoll(async () => {
    const [b, i] = await Promise.all([
      call(client.GET('/api/v1/blocklists')),
      call(client.GET('/api/v1/blocklists/imports', { params: { query: { limit: '100' } } })),
    ]);
    return { sources: b.blocklists, imports: i.imports };
  }, [], LIST_POLL_MS);
  const { live, follow } = useFollowImports(list.reload);
  const actions = useSourceActions(follow, list.reload);
  const jails = useJails();
  const [added, setAdded] = useState<{ key: number; notice?: string }>({ key: 0 });

  const followParam = query.get('follow');
  useEffect(() => {
    if (followParam && /^\d{1,18}$/.test(followParam)) follow(Number(followParam));
  }, [followParam]);

  const create = async (v: SourceValues) => {
    const created = await call(client.POST('/api/v1/blocklists', { body: v }));
    setAdded(a => ({
      key: a.key + 1,
      notice: `Added ${created.name}.${created.enabled ? ' Its first import starts now.' : ''}`,
    }));
    list.reload();
  };

  const imports = list.data ? mergeImports(list.data.imports, live, true) : [];
  const last = lastImportBySource(imports);
  return (
    <div>
      <PageHeader title="Blocklists" />
      <ProblemBanner error={list.error} />
      <Refusal error={actions.failure?.error} prefix={actions.failure ? `${actions.failure.name}:` : undefined} />
      {!list.data && list.loading && <Loading />}
      {list.data && (list.data.sources.length === 0 ? <Empty>No blocklists yet. Add one below.</Empty> : (
        <div class="table-wrap">
          <table class="blocklists">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">URL</th>
                <th scope="col">Jail</th>
                <th scope="col">Schedule</th>
                <th scope="col">Enabled</th>
                <th scope="col">Next import</th>
                <th scope="col">Last import</th>
                <th scope="col" class="actions-col"><span class="sr-only">Actions</span></th>
              </tr>
            </thead>
            <tbody>
              {list.data.sources.map(s => {
                const run = last.get(s.id);
                return (
                  <tr key={s.id} data-blocklist={s.name}>
                    <td><Link href={path('/blocklists', String(s.id))}>{s.name}</Link></td>
                    <td class="url mono" title={s.url}>{s.url}</td>
                    <td><Link href={path('/jails', s.jail)}>{s.jail}</Link></td>
                    <td class="mono">{s.schedule}</td>
                    <td><Badge tone={s.enabled ? 'ok' : 'neutral'}>{s.enabled ? 'enabled' : 'disabled'}</Badge></td>
                    <td><Time value={s.nextImportAt} /></td>
                    <td data-testid="last-import">
                      {run ? <><Badge tone={importTone(run.status)}>{run.status}</Badge> <Time value={run.startedAt} /></>
                        : <span class="muted">never</span>}
                    </td>
                    <td class="row-actions">
                      <Button busy={actions.busy === s.id} onClick={() => actions.importNow(s)}>Import now</Button>
                      <Button onClick={() => actions.runPreview(s)}>Preview</Button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ))}

      {actions.preview && (
        <PreviewPanel source={actions.preview.source} data={actions.preview.data} error={actions.preview.error}
          importing={actions.busy === actions.preview.source.id}
          onImport={() => actions.preview && actions.importNow(actions.preview.source)} onClose={actions.closePreview} />
      )}

      <section class="card">
        <h2>Add a blocklist</h2>
        {added.notice && <p class="notice" role="status">{added.notice}</p>}
        <SourceForm key={added.key} initial={EMPTY_SOURCE} jails={jails} submitLabel="Add blocklist" onSubmit={create} />
      </section>

      <h2>Recent imports</h2>
      {list.data && <ImportTable imports={imports.slice(0, 20)} showSource />}
      {list.data && <p class="muted small">A source's full import log is on its page.</p>}
    </div>
  );
}

/** One source: edit, enable or disable, delete, import, preview, and its import log. */
export function BlocklistDetailPage({ params, query }: PageProps) {
  const id = params.id ?? '';
  const cursor = query.get('cursor') ?? undefined;
  const source = usePoll(() => call(client.GET('/api/v1/blocklists/{id}', { params: { path: { id } } })), [id], LIST_POLL_MS);
  const log = usePoll(() => call(client.GET('/api/v1/blocklists/imports', {
    params: { query: { source: id, limit: String(LOG_PAGE), cursor } },
  })), [id, cursor], LIST_POLL_MS);
  const reload = () => { source.reload(); log.reload(); };
  const { live, follow } = useFollowImports(reload);
  const actions = useSourceActions(follow, reload);
  const jails = useJails();
  const [saved, setSaved] = useState<string | undefined>(undefined);

  const save = async (v: SourceValues) => {
    setSaved(undefined);
    await call(client.PUT('/api/v1/blocklists/{id}', { params: { path: { id } }, body: v }));
    setSaved('Saved.');
    source.reload();
  };
  const toggle = useAction(async (s: Source) => {
    setSaved(undefined);
    await call(client.PUT('/api/v1/blocklists/{id}', { params: { path: { id } }, body: { ...valuesOf(s), enabled: !s.enabled } }));
    setSaved(s.enabled ? 'Disabled: no more scheduled imports; its bans stay.' : 'Enabled: it is imported on its schedule.');
    source.reload();
  });
  const remove = useAction(async () => {
    const started = await call(client.DELETE('/api/v1/blocklists/{id}', { params: { path: { id } } }));
    navigate(withQuery('/blocklists', { follow: started.importId }));
  });

  const s = source.data;
  const notFound = source.error instanceof ApiError && (source.error.status === 404 || source.error.status === 400);
  const rows = log.data ? mergeImports(log.data.imports, live, !cursor, Number(id)) : [];
  return (
    <div>
      <PageHeader title="Blocklists">
        <Link href="/blocklists">All blocklists</Link>
      </PageHeader>
      {notFound ? <p>No blocklist has this id. <Link href="/blocklists">Back to the blocklists</Link>.</p>
        : <ProblemBanner error={source.error} />}
      {!s && source.loading && <Loading />}
      {s && (
        <>
          <h2 class="source-title break">
            {s.name} <Badge tone={s.enabled ? 'ok' : 'neutral'}>{s.enabled ? 'enabled' : 'disabled'}</Badge>
          </h2>
          <p class="muted">
            Into jail <Link href={path('/jails', s.jail)}>{s.jail}</Link>, schedule <code>{s.schedule}</code>;
            next import: <Time value={s.nextImportAt} />. Created <Time value={s.createdAt} />, changed <Time value={s.updatedAt} />.
          </p>
          <div class="actions-row">
            <Button kind="primary" busy={actions.busy === s.id} onClick={() => actions.importNow(s)}>Import now</Button>
            <Button onClick={() => actions.runPreview(s)}>Preview</Button>
            <Button busy={toggle.busy} onClick={() => toggle.run(s)}>{s.enabled ? 'Disable' : 'Enable'}</Button>
            <ConfirmButton label="Delete" busy={remove.busy} onConfirm={() => remove.run()}
              title="Deletes the source and unbans what it alone banned" />
          </div>
          {saved && <p class="notice" role="status">{saved}</p>}
          <ProblemBanner error={toggle.error} />
          <Refusal error={remove.error} />
          <Refusal error={actions.failure?.error} />
          {actions.preview && (
            <PreviewPanel source={actions.preview.source} data={actions.preview.data} error={actions.preview.error}
              importing={actions.busy === actions.preview.source.id}
              onImport={() => actions.preview && actions.importNow(actions.preview.source)} onClose={actions.closePreview} />
          )}
          <section class="card">
            <h2>Settings</h2>
            <SourceForm key={`${s.id}-${s.updatedAt}`} initial={valuesOf(s)} jails={jails} submitLabel="Save" onSubmit={save} />
          </section>
        </>
      )}

      {!notFound && <h2>Import log</h2>}
      {!notFound && <ProblemBanner error={log.error} />}
      {!notFound && !log.data && log.loading && <Loading />}
      {!notFound && log.data && <ImportTable imports={rows} showSource={false} />}
      {!notFound && log.data && (
        <Pager cursor={log.data.nextCursor} atFirst={!cursor}
          onNext={c => navigate(withQuery(path('/blocklists', id), { cursor: c }))}
          onFirst={() => navigate(path('/blocklists', id))} />
      )}
    </div>
  );
}
