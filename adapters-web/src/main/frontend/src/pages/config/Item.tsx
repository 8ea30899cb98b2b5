import { useCallback, useEffect, useState } from 'preact/hooks';
import { call, client } from '../../api/client';
import type { components } from '../../api/schema';
import { useAction, usePoll } from '../../app/hooks';
import { navigate, path, withQuery } from '../../app/router';
import { Badge, Button, ConfirmButton, Link, Loading, ProblemBanner } from '../../ui/components';
import type { Changes, Values } from '../../lib/configEdit';
import { EditForm, KeyTable, RegexTester, show, type Kind } from './Editor';
import { ConfigProblem, ReloadPanel } from './shared';

type JailView = components['schemas']['ConfigViews.JailView'];
type DefinitionView = components['schemas']['ConfigViews.DefinitionView'];
type Body = Record<string, Record<string, never>>;

const KIND_LABEL: Record<Kind, string> = { jails: 'Jail', filters: 'Filter', actions: 'Action' };

/** The values the typed client takes: the generated type says "object" for BanGUI's free-form values. */
function valuesBody(changes: Changes): { values: Body } {
  return { values: changes as unknown as Body };
}

function Breadcrumb({ kind, name }: { kind: Kind; name: string }) {
  return (
    <p class="breadcrumb">
      <Link href="/config">Configuration</Link> › <Link href={withQuery('/config', { tab: kind === 'jails' ? undefined : kind })}>
        {kind[0].toUpperCase() + kind.slice(1)}</Link> › <span aria-current="page">{name}</span>
    </p>
  );
}

/** /config/jails/:name: keys, what fail2ban runs, edit with preview, enable/disable, reload. */
export function JailConfig({ name, created }: { name: string; created?: boolean }) {
  const load = useCallback(() => call(client.GET('/api/v1/config/jails/{name}', { params: { path: { name } } })), [name]);
  const { data, error, loading, reload } = usePoll<JailView>(load, [name]);
  // the answer of a save shows at once; the next load (after a reload) replaces it
  const [state, setState] = useState<JailView | undefined>(undefined);
  useEffect(() => setState(undefined), [data]);
  const jail = state && state.name === name ? state : data;

  const save = useCallback(async (changes: Changes) => {
    const next = await call(client.PUT('/api/v1/config/jails/{name}', { params: { path: { name } }, body: valuesBody(changes) }));
    setState(next);
    return next;
  }, [name]);
  const toggle = useAction(useCallback(async (enable: boolean) => {
    const opts = { params: { path: { name } } };
    const next = await call(enable ? client.POST('/api/v1/config/jails/{name}/enable', opts)
      : client.POST('/api/v1/config/jails/{name}/disable', opts));
    setState(next);
    return next;
  }, [name]));
  const remove = useAction(useCallback(async () => {
    await call(client.DELETE('/api/v1/config/jails/{name}', { params: { path: { name } } }));
    navigate(withQuery('/config', { deleted: name }));
    return true;
  }, [name]));

  if (!jail) return <>{loading ? <Loading /> : <ProblemBanner error={error} />}</>;
  const e = jail.effective;
  const effective = (key: string): unknown => {
    if (!e) return undefined;
    if (key === 'action') return e.actions;
    return key in e ? (e as unknown as Record<string, unknown>)[key] : undefined;
  };
  const createdByBangui = jail.file === `jail.d/${jail.name}.local`;
  return (
    <>
      <Breadcrumb kind="jails" name={name} />
      <div class="config-title">
        <h2>Jail <code>{jail.name}</code></h2>
        <Badge tone={jail.enabled ? 'ok' : 'neutral'}>{jail.enabled ? 'enabled' : 'disabled'}</Badge>
        <span class="muted">defined in <code>{jail.file}</code></span>
      </div>
      <p class="config-links">
        <Link href={path('/jails', jail.name)}>Runtime status of {jail.name}</Link>
        {e?.filter && <> · <Link href={path('/config/filters', e.filter)}>Filter {e.filter}</Link></>}
        {e?.actions.map(a => <span key={a}> · <Link href={path('/config/actions', a.replace(/\[.*$/, ''))}>Action {a.replace(/\[.*$/, '')}</Link></span>)}
      </p>
      <div class="config-buttons">
        {jail.enabled
          ? <ConfirmButton label="Disable" busy={toggle.busy} onConfirm={() => void toggle.run(false)} />
          : <Button kind="primary" busy={toggle.busy} onClick={() => void toggle.run(true)}>Enable</Button>}
        {createdByBangui && <ConfirmButton label="Delete" busy={remove.busy} onConfirm={() => void remove.run()}
          title="Deletes the jail's file (BanGUI created it)" />}
      </div>
      {created && <p class="notice" role="status" data-testid="created-notice">Created; reload fail2ban to start it.</p>}
      <ConfigProblem error={toggle.error} />
      <ProblemBanner error={remove.error} />
      {jail.problem && <div class="problem" role="alert"><strong>fail2ban could not run this jail:</strong>
        <pre class="f2b-message">{jail.problem}</pre></div>}
      <ReloadPanel jail={jail.name} onDone={reload} />
      {e && (
        <section class="card">
          <h3>What fail2ban runs</h3>
          <dl class="effective">
            <dt>backend</dt><dd>{e.backend}</dd>
            <dt>filter</dt><dd>{e.filter || '—'}</dd>
            <dt>maxretry</dt><dd>{e.maxretry}</dd>
            <dt>findtime</dt><dd>{e.findtime}</dd>
            <dt>bantime</dt><dd>{e.bantime}</dd>
            <dt>logpath</dt><dd><pre class="value">{show(e.logpath) || '—'}</pre></dd>
            <dt>actions</dt><dd><pre class="value">{show(e.actions) || '—'}</pre></dd>
            <dt>ignoreip</dt><dd>{e.ignoreip.join(' ') || '—'}</dd>
            <dt>failregex</dt><dd><details><summary>{e.failregex.length} regex{e.failregex.length === 1 ? '' : 'es'}</summary>
              <pre class="value">{show(e.failregex)}</pre></details></dd>
            {e.ignoreregex.length > 0 && <><dt>ignoreregex</dt><dd><pre class="value">{show(e.ignoreregex)}</pre></dd></>}
            {e.prefregex && <><dt>prefregex</dt><dd><pre class="value">{e.prefregex}</pre></dd></>}
          </dl>
        </section>
      )}
      <section class="card">
        <h3>Keys</h3>
        <KeyTable values={jail.values as Values} effective={effective} />
      </section>
      <section class="card">
        <h3>Edit</h3>
        <EditForm kind="jails" name={jail.name} values={jail.values as Values} save={save} />
      </section>
    </>
  );
}

/** /config/filters/:name and /config/actions/:name: keys with where they win, edit with preview; filters get the regex tester. */
export function DefinitionConfig({ kind, name, created }: { kind: 'filters' | 'actions'; name: string; created?: boolean }) {
  const load = useCallback(() => call(kind === 'filters'
    ? client.GET('/api/v1/config/filters/{name}', { params: { path: { name } } })
    : client.GET('/api/v1/config/actions/{name}', { params: { path: { name } } })), [kind, name]);
  const { data, error, loading } = usePoll<DefinitionView>(load, [kind, name]);
  const [state, setState] = useState<DefinitionView | undefined>(undefined);
  useEffect(() => setState(undefined), [data]);
  const def = state && state.name === name ? state : data;

  const save = useCallback(async (changes: Changes) => {
    const opts = { params: { path: { name } }, body: valuesBody(changes) };
    const next = await call(kind === 'filters' ? client.PUT('/api/v1/config/filters/{name}', opts)
      : client.PUT('/api/v1/config/actions/{name}', opts));
    setState(next);
    return next;
  }, [kind, name]);
  const test = useCallback((input: { lines: string[] }) =>
    call(client.POST('/api/v1/config/filters/{name}/test', { params: { path: { name } }, body: { lines: input.lines } })), [name]);

  if (!def) return <>{loading ? <Loading /> : <ProblemBanner error={error} />}</>;
  const eff = def.effective as unknown as Record<string, unknown>;
  return (
    <>
      <Breadcrumb kind={kind} name={name} />
      <div class="config-title">
        <h2>{KIND_LABEL[kind]} <code>{def.name}</code></h2>
        <span class="muted">files: {def.files.map((f, i) => <span key={f}>{i > 0 && ', '}<code>{f}</code></span>)}</span>
      </div>
      {created && <p class="notice" role="status" data-testid="created-notice">Created. Jails that use
        it{kind === 'actions' ? ' (action = ' + name + '[...])' : ''} take it on when fail2ban reloads.</p>}
      {kind === 'filters' && (
        <section class="card">
          <h3>Test on sample lines</h3>
          <p class="muted">Runs the lines through this filter as saved, with fail2ban-regex.</p>
          <RegexTester test={test} />
        </section>
      )}
      <section class="card">
        <h3>Keys</h3>
        <KeyTable values={def.values as Values} effective={key => eff[key]} />
      </section>
      <section class="card">
        <h3>Edit</h3>
        <EditForm kind={kind} name={def.name} values={def.values as Values} save={save} />
      </section>
    </>
  );
}
