import { useCallback, useState } from 'preact/hooks';
import { call, client } from '../../api/client';
import type { components } from '../../api/schema';
import { useAction, usePoll } from '../../app/hooks';
import { navigate, path, withQuery } from '../../app/router';
import { Badge, ConfirmButton, Empty, Field, Link, Loading, ProblemBanner, Time } from '../../ui/components';
import { filterNames } from '../../lib/configEdit';
import { NewAction, NewFilter, NewJail } from './Create';
import { DiffView } from './shared';

type JailItem = components['schemas']['ConfigViews.JailItem'];
type ChangeView = components['schemas']['ConfigViews.ChangeView'];

/** Every jail defined in the files. */
export function JailsTab() {
  const load = useCallback(() => call(client.GET('/api/v1/config/jails')), []);
  const { data, error, loading } = usePoll(load, []);
  if (!data) return loading ? <Loading /> : <ProblemBanner error={error} />;
  const jails: JailItem[] = data.jails;
  return (
    <section aria-label="Jails">
      <details class="card config-new">
        <summary><h2>New jail</h2></summary>
        <NewJail />
      </details>
      <ProblemBanner error={error} />
      {jails.length === 0 ? <Empty>No jail is defined in the files.</Empty> : (
        <div class="table-wrap">
          <table>
            <thead><tr><th scope="col">Jail</th><th scope="col">State</th><th scope="col">Filter</th><th scope="col">Defined in</th></tr></thead>
            <tbody>
              {jails.map(j => (
                <tr key={j.name} data-jail={j.name}>
                  <td><Link href={path('/config/jails', j.name)}>{j.name}</Link></td>
                  <td><Badge tone={j.enabled ? 'ok' : 'neutral'}>{j.enabled ? 'enabled' : 'disabled'}</Badge></td>
                  <td>{j.filter ? <Link href={path('/config/filters', j.filter.replace(/\[.*$/, ''))}>{j.filter}</Link>
                    : <span class="muted">none (blocklist only)</span>}</td>
                  <td><code>{j.file}</code></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** Every filter or action by name, narrowed by the `q` of the query string. */
export function NamesTab({ kind, q }: { kind: 'filters' | 'actions'; q: string }) {
  const load = useCallback(() => call(kind === 'filters' ? client.GET('/api/v1/config/filters')
    : client.GET('/api/v1/config/actions')), [kind]);
  const { data, error, loading } = usePoll(load, [kind]);
  const names = data ? filterNames(data.names, q) : [];
  return (
    <section aria-label={kind === 'filters' ? 'Filters' : 'Actions'}>
      <details class="card config-new">
        <summary><h2>{kind === 'filters' ? 'New filter' : 'New action'}</h2></summary>
        {kind === 'filters' ? <NewFilter /> : <NewAction />}
      </details>
      <form class="inline" role="search" onSubmit={e => e.preventDefault()}>
        <Field label={`Find ${kind === 'filters' ? 'a filter' : 'an action'}`} name="q">
          <input type="search" name="q" id="q" value={q} autocomplete="off"
            onInput={e => navigate(withQuery('/config', { tab: kind, q: (e.target as HTMLInputElement).value }), true)} />
        </Field>
      </form>
      {!data ? (loading ? <Loading /> : <ProblemBanner error={error} />) : (
        names.length === 0 ? <Empty>No {kind === 'filters' ? 'filter' : 'action'} matches.</Empty> : (
          <>
            <p class="muted">{names.length} of {data.names.length}</p>
            <ul class="config-names">
              {names.map(n => <li key={n}><Link href={path(`/config/${kind}`, n)}>{n}</Link></li>)}
            </ul>
          </>
        )
      )}
    </section>
  );
}

/** The kept versions of the files BanGUI changed, each with its diff and a revert. */
export function ChangesTab() {
  const load = useCallback(() => call(client.GET('/api/v1/config/changes')), []);
  const { data, error, loading, reload } = usePoll(load, []);
  const [reverted, setReverted] = useState<{ of: number; change: ChangeView } | undefined>(undefined);
  const revert = useAction(useCallback(async (id: number) => {
    const change = await call(client.POST('/api/v1/config/changes/{id}/revert', { params: { path: { id: String(id) } } }));
    setReverted({ of: id, change });
    reload();
    return change;
  }, [reload]));
  if (!data) return loading ? <Loading /> : <ProblemBanner error={error} />;
  const changes: ChangeView[] = data.changes;
  return (
    <section aria-label="Changes">
      <ProblemBanner error={revert.error} />
      {reverted && <p class="notice" role="status">Reverted change {reverted.of}: <code>{reverted.change.file}</code> is
        back as it was before it (kept as change {reverted.change.id}). Reload fail2ban to apply it.</p>}
      {changes.length === 0 ? <Empty>BanGUI has not changed any file yet.</Empty> : (
        <div class="table-wrap">
          <table class="config-changes">
            <thead><tr><th scope="col">When</th><th scope="col">File</th><th scope="col">Who</th><th scope="col">Change</th><th scope="col"><span class="sr-only">Actions</span></th></tr></thead>
            <tbody>
              {changes.map(c => (
                <tr key={c.id} data-change={String(c.id)}>
                  <td><Time value={c.at} /></td>
                  <td><code>{c.file}</code>{c.created && <> <Badge tone="ok">created</Badge></>}{c.deleted && <> <Badge tone="warn">deleted</Badge></>}</td>
                  <td>{c.actor}</td>
                  <td class="change-diff"><div class="muted">{c.summary}</div><DiffView diff={c.diff} label={`Diff of change ${c.id}`} /></td>
                  <td><ConfirmButton label="Revert" busy={revert.busy} onConfirm={() => void revert.run(c.id)}
                    title="Writes this version's previous content back (checked by fail2ban)" /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
