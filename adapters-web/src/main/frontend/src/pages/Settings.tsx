import { useEffect, useState } from 'preact/hooks';
import type { PageProps } from '../app/App';
import { call, client } from '../api/client';
import { useAction, usePoll } from '../app/hooks';
import { Badge, Button, ConfirmButton, Empty, Field, Loading, PageHeader, ProblemBanner, Time, fieldError } from '../ui/components';
import { LOG_LEVELS, SERVER_SETTINGS, SERVER_SETTING_KEYS, booleanOptions, changedSettings, settingsForm } from '../lib/settings';
import { formatDuration } from '../lib/format';
import type { components } from '../api/schema';

type ServerSettings = components['schemas']['JailTuningController.ServerSettingsView'];

/** fail2ban's server settings, the connection facts, and the admin's sessions with revoke. */
export function SettingsPage(_props: PageProps) {
  return (
    <>
      <PageHeader title="Settings" />
      <div class="grid settings-grid">
        <ServerSettingsCard />
        <Fail2banFacts />
      </div>
      <Sessions />
    </>
  );
}

function ServerSettingsCard() {
  const loaded = usePoll(() => call(client.GET('/api/v1/server/settings')), []);
  const [original, setOriginal] = useState<ServerSettings | undefined>(undefined);
  const [form, setForm] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState<{ keys: string[]; warnings: string[] } | undefined>(undefined);
  useEffect(() => {
    if (loaded.data && !original) { setOriginal(loaded.data); setForm(settingsForm(loaded.data.values)); }
  }, [loaded.data]);
  const changed = original ? changedSettings(original.values, form) : {};
  const save = useAction(async () => {
    const answer = await call(client.PUT('/api/v1/server/settings', { body: changed as never }));
    setOriginal(answer);
    setForm(settingsForm(answer.values));
    setSaved({ keys: Object.keys(changed), warnings: answer.warnings });
  });
  const err = (key: string) => fieldError(save.error, key, SERVER_SETTING_KEYS);
  const set = (key: string, value: string) => { setSaved(undefined); save.clearError(); setForm(f => ({ ...f, [key]: value })); };

  return (
    <section class="card" aria-labelledby="server-settings-h">
      <h2 id="server-settings-h">fail2ban server settings</h2>
      {!original ? (loaded.error ? <ProblemBanner error={loaded.error} /> : <Loading />) : (
        <form onSubmit={e => { e.preventDefault(); if (Object.keys(changed).length > 0) save.run(); }}>
          <p class="muted">
            Runtime log level now: <strong>{original.runtimeLogLevel}</strong>. Only changed settings are written
            (to <code>fail2ban.local</code> and <code>jail.local</code>).
          </p>
          {original.warnings.map(w => <p class="problem warn-box">{w}</p>)}
          <ProblemBanner error={save.error} fields={SERVER_SETTING_KEYS} />
          {SERVER_SETTINGS.map(def => (
            <Field label={def.label} name={def.key} error={err(def.key)} hint={<><code>{def.key}</code> · {def.hint}</>}>
              {def.kind === 'loglevel' ? (
                <select id={def.key} name={def.key} value={form[def.key]}
                  onChange={e => set(def.key, e.currentTarget.value)}>
                  {!form[def.key] && <option value="">not set</option>}
                  {!(LOG_LEVELS as readonly string[]).includes(original.values[def.key] ?? '') && original.values[def.key] &&
                    <option value={original.values[def.key]}>{original.values[def.key]}</option>}
                  {LOG_LEVELS.map(l => <option value={l}>{l}</option>)}
                </select>
              ) : def.kind === 'boolean' ? (
                <select id={def.key} name={def.key} value={form[def.key]}
                  onChange={e => set(def.key, e.currentTarget.value)}>
                  {booleanOptions(original.values[def.key] ?? '').map(o => <option value={o.value}>{o.label}</option>)}
                </select>
              ) : (
                <input id={def.key} name={def.key} value={form[def.key]} autocomplete="off" spellcheck={false}
                  placeholder={original.values[def.key] === undefined ? 'not set' : undefined}
                  onInput={e => set(def.key, e.currentTarget.value)} />
              )}
            </Field>
          ))}
          {saved && (
            <div class="notice" role="status" data-testid="settings-saved">
              Saved {saved.keys.join(', ')}.
              {saved.keys.some(k => k.startsWith('bantime.')) && ' The bantime.* defaults apply with the next reload of fail2ban.'}
              {saved.warnings.map(w => <div class="warn-text">{w}</div>)}
            </div>
          )}
          <div class="form-actions">
            <Button type="submit" kind="primary" busy={save.busy} disabled={Object.keys(changed).length === 0}>Save settings</Button>
            <Button disabled={Object.keys(changed).length === 0 || save.busy}
              onClick={() => { setForm(settingsForm(original.values)); save.clearError(); }}>Undo changes</Button>
            <span class="muted" aria-live="polite">
              {Object.keys(changed).length === 0 ? 'No changes.' : `Changed: ${Object.keys(changed).join(', ')}`}
            </span>
          </div>
        </form>
      )}
    </section>
  );
}

function Fail2banFacts() {
  const status = usePoll(() => call(client.GET('/api/v1/dashboard/status')), [], 30_000);
  const f = status.data?.fail2ban;
  return (
    <section class="card" aria-labelledby="fail2ban-h">
      <h2 id="fail2ban-h">fail2ban connection</h2>
      <ProblemBanner error={status.error} />
      {!f ? (!status.error && <Loading />) : (
        <dl class="facts">
          <dt>Status</dt><dd>{f.online ? <Badge tone="ok">online</Badge> : <Badge tone="bad">offline</Badge>}</dd>
          <dt>Version</dt><dd>{f.version ?? <span class="muted">unknown</span>}</dd>
          <dt>Database</dt><dd class="mono break">{f.databaseFile ?? <span class="muted">none</span>}</dd>
          <dt>Purge age</dt>
          <dd>{f.purgeAgeSeconds === null || f.purgeAgeSeconds === undefined ? <span class="muted">—</span> : formatDuration(f.purgeAgeSeconds)}</dd>
          <dt>Jails</dt><dd>{status.data?.jailCount}</dd>
          <dt>Observed</dt><dd><Time value={status.data?.observedAt} /></dd>
        </dl>
      )}
    </section>
  );
}

function Sessions() {
  const sessions = usePoll(() => call(client.GET('/api/v1/sessions')), [], 60_000);
  const revoke = useAction(async (id: string) => {
    await call(client.DELETE('/api/v1/sessions/{id}', { params: { path: { id } } }));
    // the own session: the next request answers 401 and the app shows the login page
    sessions.reload();
  });
  const list = sessions.data?.sessions ?? [];
  return (
    <section aria-labelledby="sessions-h">
      <h2 id="sessions-h">Your sessions</h2>
      <ProblemBanner error={revoke.error ?? sessions.error} />
      {sessions.data === undefined ? (!sessions.error && <Loading />) : list.length === 0 ? <Empty>No active sessions.</Empty> : (
        <div class="table-wrap">
          <table>
            <thead>
              <tr><th scope="col">Signed in</th><th scope="col">Last seen</th><th scope="col">Expires</th>
                <th scope="col">Client IP</th><th scope="col">Browser</th><th scope="col"><span class="sr-only">Actions</span></th></tr>
            </thead>
            <tbody>
              {list.map(s => (
                <tr key={s.id} data-session={s.id} class={s.current ? 'current' : undefined}>
                  <td class="nowrap"><Time value={s.createdAt} />{s.current && <> <Badge tone="ok">this session</Badge></>}</td>
                  <td class="nowrap"><Time value={s.lastSeenAt} /></td>
                  <td class="nowrap"><Time value={s.expiresAt} />
                    <div class="muted small">at the latest <Time value={s.absoluteExpiresAt} /></div></td>
                  <td class="mono">{s.clientIp}</td>
                  <td class="ua" title={s.userAgent}>{s.userAgent || <span class="muted">—</span>}</td>
                  <td>
                    <ConfirmButton label="Revoke" busy={revoke.busy}
                      ariaLabel={`Revoke the session from ${s.clientIp}${s.current ? ' (this one)' : ''}`}
                      title={s.current ? 'Revoking this session logs you out' : 'End this session'}
                      onConfirm={() => revoke.run(s.id)} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {list.length > 0 && <p class="muted small">Revoking the session marked “this session” logs you out here.</p>}
    </section>
  );
}
