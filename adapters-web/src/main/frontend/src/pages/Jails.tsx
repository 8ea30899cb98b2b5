import { useCallback, useEffect, useState } from 'preact/hooks';
import type { PageProps } from '../app/App';
import { call, client } from '../api/client';
import { ApiError } from '../api/problem';
import { useAction, usePoll } from '../app/hooks';
import { path, withQuery } from '../app/router';
import { formatCount, formatDuration } from '../lib/format';
import { jailRows, settingsBody, settingsForm, type ConfiguredJail, type SettingsForm } from '../lib/jails';
import { Badge, Button, ConfirmButton, Empty, Field, fieldError, Link, Loading, PageHeader, ProblemBanner } from '../ui/components';

const REFRESH_MS = 10_000;

/** The jails the files name (read once per visit: it changes only by an edit, which the configuration pages make). */
function useConfiguredJails(): { jails: (ConfiguredJail & { filter?: string | null })[] | undefined } {
  const [jails, setJails] = useState<(ConfiguredJail & { filter?: string | null })[] | undefined>(undefined);
  useEffect(() => {
    let live = true;
    call(client.GET('/api/v1/config/jails')).then(r => live && setJails(r.jails), () => { /* the list still shows the running jails */ });
    return () => { live = false; };
  }, []);
  return { jails };
}

const STATUS_TONE = { running: 'ok', stopped: 'warn', disabled: 'neutral' } as const;

/** Every jail with its counters, refreshed every 10 s; jails the files name that do not run are listed as stopped. */
export function JailsPage(_props: PageProps) {
  const load = useCallback(() => call(client.GET('/api/v1/jails')), []);
  const { data, error } = usePoll(load, [], REFRESH_MS);
  const { jails: configured } = useConfiguredJails();
  const rows = data ? jailRows(data.jails, configured) : [];
  return (
    <div>
      <PageHeader title="Jails">
        <Link class="btn plain" href="/config">Configuration</Link>
      </PageHeader>
      <ProblemBanner error={error} />
      {!data ? (!error && <Loading />) : rows.length === 0 ? <Empty>fail2ban runs no jails.</Empty> : (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Jail</th><th scope="col">Status</th>
                <th scope="col" class="num">Banned now</th><th scope="col" class="num">Banned total</th>
                <th scope="col" class="num">Failures now</th><th scope="col" class="num">Failures total</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(r => (
                <tr key={r.name} data-jail={r.name} data-status={r.status}>
                  <td><Link href={path('/jails', r.name)}>{r.name}</Link></td>
                  <td><Badge tone={STATUS_TONE[r.status]}>{r.status}</Badge></td>
                  <td class="num">{r.counters ? <Link href={withQuery('/bans', { jail: r.name })}>{formatCount(r.counters.currentlyBanned)}</Link> : '—'}</td>
                  <td class="num">{formatCount(r.counters?.totalBanned)}</td>
                  <td class="num">{formatCount(r.counters?.currentlyFailed)}</td>
                  <td class="num">{formatCount(r.counters?.totalFailed)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

const SETTINGS_FIELDS = ['bantime', 'findtime', 'maxretry', 'persist'] as const;
const IGNORE_FIELDS = ['entry', 'ip'] as const;

/** One jail: counters, effective settings, control (start, stop, idle), runtime settings and its ignore list. */
export function JailDetailPage({ params }: PageProps) {
  const name = params.name;
  const load = useCallback(() => call(client.GET('/api/v1/jails/{name}', { params: { path: { name } } })), [name]);
  const { data, error, reload } = usePoll(load, [name], REFRESH_MS);
  const { jails: configured } = useConfiguredJails();
  const config = configured?.find(j => j.name === name);
  const [message, setMessage] = useState<string | undefined>(undefined);
  useEffect(() => setMessage(undefined), [name]);

  const control = useAction(async (what: 'start' | 'stop' | 'idle-on' | 'idle-off') => {
    setMessage(undefined);
    const p = { params: { path: { name } } };
    if (what === 'start') { await call(client.POST('/api/v1/jails/{name}/start', p)); setMessage(`Jail ${name} started.`); }
    else if (what === 'stop') { await call(client.POST('/api/v1/jails/{name}/stop', p)); setMessage(`Jail ${name} stopped; fail2ban lifted its bans.`); }
    else {
      const r = await call(client.PUT('/api/v1/jails/{name}/idle', { ...p, body: { idle: what === 'idle-on' } }));
      setMessage(r.idle ? `Jail ${name} is idle: it no longer bans until idle is switched off.` : `Jail ${name} is no longer idle.`);
    }
    reload();
  });

  const notFound = error instanceof ApiError && error.status === 404;
  const stopped = notFound && config?.enabled === true;
  return (
    <div>
      <PageHeader title="Jails">
        <Link class="btn plain" href="/jails">All jails</Link>
        <Link class="btn plain" href={path('/config/jails', name)}>Edit configuration</Link>
        <Link class="btn plain" href={withQuery('/bans', { jail: name })}>Bans of this jail</Link>
      </PageHeader>
      <h2 class="jail-name">{name}{' '}
        {data && !error && <Badge tone="ok">running</Badge>}
        {notFound && <Badge tone={stopped ? 'warn' : 'neutral'}>{stopped ? 'stopped' : 'not running'}</Badge>}
      </h2>
      {stopped
        ? <p class="notice">fail2ban does not run this jail now (it was stopped, or did not start). Start brings it back from the files.</p>
        : <ProblemBanner error={error} />}

      <div class="actions-row" role="group" aria-label="Jail control">
        <Button kind={notFound ? 'primary' : 'plain'} busy={control.busy} onClick={() => control.run('start')}>Start</Button>
        <ConfirmButton label="Stop" busy={control.busy} onConfirm={() => control.run('stop')}
          title="Stops the jail: fail2ban lifts its bans and forgets it until it is started or fail2ban reloads" />
        <Button busy={control.busy} disabled={!data || !!error} onClick={() => control.run('idle-on')}
          title="The jail keeps running but bans nobody">Idle on</Button>
        <Button busy={control.busy} disabled={!data || !!error} onClick={() => control.run('idle-off')}>Idle off</Button>
      </div>
      <ProblemBanner error={control.error} />
      {message && <p class="notice" role="status">{message}</p>}

      {/* a jail that is gone has no counters or settings: the last ones seen would mislead */}
      {!data || notFound ? (!error && <Loading />) : (
        <>
          <div class="stats">
            <div class="stat" data-testid="stat-banned"><div class="value">{formatCount(data.counters.currentlyBanned)}</div><div class="label">Banned now</div></div>
            <div class="stat"><div class="value">{formatCount(data.counters.totalBanned)}</div><div class="label">Banned total</div></div>
            <div class="stat" data-testid="stat-failed"><div class="value">{formatCount(data.counters.currentlyFailed)}</div><div class="label">Failures now</div></div>
            <div class="stat"><div class="value">{formatCount(data.counters.totalFailed)}</div><div class="label">Failures total</div></div>
          </div>
          <div class="grid">
            <section class="card" aria-labelledby="settings-title">
              <h2 id="settings-title">Settings</h2>
              <dl class="facts">
                <dt>Ban time</dt><dd>{data.permanentBans ? 'permanent' : formatDuration(data.banTimeSeconds)} <span class="muted">({data.banTimeSeconds} s)</span></dd>
                <dt>Find time</dt><dd>{formatDuration(data.findTimeSeconds)} <span class="muted">({data.findTimeSeconds} s)</span></dd>
                <dt>Max retries</dt><dd>{data.maxRetry}</dd>
                <dt>Filter</dt><dd>{config?.filter
                  ? <Link href={path('/config/filters', config.filter.split(/[\s[]/)[0])}>{config.filter}</Link>
                  : <span class="muted">—</span>}</dd>
                <dt>Actions</dt><dd>{data.actions.length === 0 ? <span class="muted">none</span>
                  : <ul class="plain-list">{data.actions.map(a => <li key={a}><code>{a}</code></li>)}</ul>}</dd>
                <dt>Log files</dt><dd>{data.logPaths.length === 0 ? <span class="muted">none (journal or none)</span>
                  : <ul class="plain-list">{data.logPaths.map(l => <li key={l}><code>{l}</code></li>)}</ul>}</dd>
              </dl>
              {data.failRegex.length > 0 && (
                <details>
                  <summary>Failure patterns ({data.failRegex.length})</summary>
                  <ul class="plain-list regex">{data.failRegex.map((r, i) => <li key={i}><code>{r}</code></li>)}</ul>
                </details>
              )}
            </section>
            <RuntimeSettings name={name} current={{ bantime: data.banTimeSeconds, findtime: data.findTimeSeconds, maxretry: data.maxRetry }}
              onSaved={reload} />
          </div>
          <IgnoreList name={name} entries={data.ignoreIp} onChanged={reload} />
        </>
      )}
    </div>
  );
}

function RuntimeSettings({ name, current, onSaved }:
  { name: string; current: { bantime: number; findtime: number; maxretry: number }; onSaved: () => void }) {
  const [form, setForm] = useState<SettingsForm>(() => settingsForm(current));
  const [dirty, setDirty] = useState(false);
  const [local, setLocal] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState<string | undefined>(undefined);
  // the values on the server move on (an edit elsewhere): follow them until the person starts typing
  useEffect(() => { if (!dirty) setForm(f => ({ ...settingsForm(current, f.persist) })); },
    [current.bantime, current.findtime, current.maxretry, dirty]);

  const save = useAction(async (e: Event) => {
    e.preventDefault();
    setSaved(undefined);
    const r = settingsBody(form, current);
    if ('errors' in r) { setLocal(r.errors); return; }
    setLocal({});
    if (!r.changed) { setSaved('Nothing to change.'); return; }
    const out = await call(client.PUT('/api/v1/jails/{name}/settings', { params: { path: { name } }, body: r.body }));
    setDirty(false);
    setSaved(`Saved: ban time ${formatDuration(out.bantime)}, find time ${formatDuration(out.findtime)}, max retries ${out.maxretry}`
      + (out.persisted ? ', also in the files.' : ', until fail2ban reloads (not in the files).'));
    onSaved();
  });
  const set = (key: keyof SettingsForm) => (e: Event) => {
    const t = e.currentTarget as HTMLInputElement;
    setDirty(true);
    setForm(f => ({ ...f, [key]: key === 'persist' ? t.checked : t.value }));
  };
  const err = (field: string) => local[field] ?? fieldError(save.error, field, SETTINGS_FIELDS);
  return (
    <section class="card" aria-labelledby="runtime-title">
      <h2 id="runtime-title">Change settings</h2>
      <form onSubmit={e => save.run(e)} noValidate>
        <ProblemBanner error={save.error} fields={SETTINGS_FIELDS} />
        <Field label="Ban time" name="bantime" error={err('bantime')} hint="Seconds, or 10m, 1h, 2d; -1 bans for ever.">
          <input id="bantime" name="bantime" value={form.bantime} onInput={set('bantime')} inputMode="text"
            aria-invalid={err('bantime') ? 'true' : undefined} aria-describedby={err('bantime') ? 'bantime-error' : 'bantime-hint'} />
        </Field>
        <Field label="Find time" name="findtime" error={err('findtime')} hint="The window in which failures count.">
          <input id="findtime" name="findtime" value={form.findtime} onInput={set('findtime')}
            aria-invalid={err('findtime') ? 'true' : undefined} aria-describedby={err('findtime') ? 'findtime-error' : 'findtime-hint'} />
        </Field>
        <Field label="Max retries" name="maxretry" error={err('maxretry')} hint="Failures within the find time that lead to a ban.">
          <input id="maxretry" name="maxretry" value={form.maxretry} onInput={set('maxretry')} inputMode="numeric"
            aria-invalid={err('maxretry') ? 'true' : undefined} aria-describedby={err('maxretry') ? 'maxretry-error' : 'maxretry-hint'} />
        </Field>
        <div class="field checkbox">
          <label><input type="checkbox" id="persist" name="persist" checked={form.persist} onChange={set('persist')} />
            {' '}Keep in the files (otherwise the change lasts until fail2ban reloads)</label>
          {err('persist') && <div class="field-error" role="alert">{err('persist')}</div>}
        </div>
        <div>
          <Button type="submit" kind="primary" busy={save.busy}>Apply</Button>
          {dirty && <Button onClick={() => { setDirty(false); setLocal({}); save.clearError(); }}>Reset</Button>}
        </div>
        {saved && <p class="notice" role="status">{saved}</p>}
      </form>
    </section>
  );
}

function IgnoreList({ name, entries, onChanged }: { name: string; entries: string[]; onChanged: () => void }) {
  const [entry, setEntry] = useState('');
  const [filesList, setFilesList] = useState<string[] | undefined>(undefined);
  const loadFiles = useCallback(() => {
    call(client.GET('/api/v1/config/ignoreip')).then(r => setFilesList(r.jails[name] ?? r.global), () => setFilesList(undefined));
  }, [name]);
  useEffect(loadFiles, [loadFiles]);

  // the API's entry is free-form (an address or a network); the generated type is looser than that
  const body = (value: string) => ({ entry: value as unknown as Record<string, never> });
  const add = useAction(async (e: Event) => {
    e.preventDefault();
    await call(client.POST('/api/v1/jails/{name}/ignoreip', { params: { path: { name } }, body: body(entry.trim()) }));
    setEntry('');
    onChanged();
    loadFiles();
  });
  const remove = useAction(async (value: string) => {
    await call(client.DELETE('/api/v1/jails/{name}/ignoreip', { params: { path: { name } }, body: body(value) }));
    onChanged();
    loadFiles();
  });
  const addError = fieldError(add.error, 'entry', IGNORE_FIELDS) ?? fieldError(add.error, 'ip', IGNORE_FIELDS);
  return (
    <section class="card" aria-labelledby="ignore-title">
      <h2 id="ignore-title">Never banned (ignore list)</h2>
      <p class="muted">Addresses and networks this jail never bans. Changes apply at once and are written to the files.</p>
      <ProblemBanner error={remove.error} />
      {entries.length === 0 ? <Empty>The ignore list is empty.</Empty> : (
        <div class="table-wrap">
          <table>
            <thead><tr><th scope="col">Entry</th><th scope="col"><span class="sr-only">Actions</span></th></tr></thead>
            <tbody>
              {entries.map(e => (
                <tr key={e} data-entry={e}>
                  <td class="mono">{e}</td>
                  <td class="num"><ConfirmButton label="Remove" ariaLabel={`Remove ${e} from the ignore list`} busy={remove.busy} onConfirm={() => remove.run(e)} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {filesList && (
        <p class="muted small">As the files give it (with <code>[DEFAULT]</code>'s):{' '}
          {filesList.length === 0 ? 'empty' : filesList.map((f, i) => <>{i > 0 && ', '}<code key={f}>{f}</code></>)}</p>
      )}
      <ProblemBanner error={add.error} fields={IGNORE_FIELDS} />
      <form class="inline" onSubmit={e => add.run(e)} noValidate>
        <Field label="Address or network" name="entry" error={addError}>
          <input id="entry" name="entry" value={entry} placeholder="192.0.2.0/24" required
            onInput={e => setEntry((e.currentTarget as HTMLInputElement).value)}
            aria-invalid={addError ? 'true' : undefined} aria-describedby={addError ? 'entry-error' : undefined} />
        </Field>
        <Button type="submit" kind="primary" busy={add.busy} disabled={entry.trim() === ''}>Add</Button>
      </form>
    </section>
  );
}
