import { useState } from 'preact/hooks';
import { call, client } from '../../api/client';
import { ApiError, describe } from '../../api/problem';
import type { components } from '../../api/schema';
import { Button, ProblemBanner } from '../../ui/components';
import { parseReloadFailure } from '../../lib/configEdit';
import { classifyDiff } from '../../lib/diff';

export type ReloadView = components['schemas']['ConfigController.ReloadView'];

/** A unified diff, each line classed add / del / hunk / meta / context. */
export function DiffView({ diff, label }: { diff: string; label?: string }) {
  return (
    <pre class="diff" aria-label={label}>
      {classifyDiff(diff).map((l, i) => <span key={i} class={l.kind}>{l.text + '\n'}</span>)}
    </pre>
  );
}

/**
 * A refused configuration write, readably: fail2ban's own message in a pre for config_invalid, the file that
 * wins for shadowed, the rest as a problem banner.
 */
export function ConfigProblem({ error, fields = [], invalidTitle = 'fail2ban refused this configuration; nothing was changed.' }:
  { error: unknown; fields?: readonly string[]; invalidTitle?: string }) {
  if (!(error instanceof ApiError)) return <ProblemBanner error={error} fields={fields} />;
  if (error.code === 'config_invalid') {
    return (
      <div class="problem" role="alert">
        <strong>{invalidTitle}</strong>
        <pre class="f2b-message">{error.problem.detail}</pre>
      </div>
    );
  }
  if (error.code === 'shadowed') {
    return (
      <div class="problem" role="alert">
        <strong>Not saved: another file wins.</strong> {describe(error)}
        <span class="code"> (shadowed)</span>
      </div>
    );
  }
  return <ProblemBanner error={error} fields={fields} />;
}

type Outcome = { ok: ReloadView } | { error: unknown };

/** What one reload did: the jails that run, or what failed and which files were put back. */
export function ReloadOutcome({ outcome }: { outcome: Outcome }) {
  if ('ok' in outcome) {
    const { jails, milliseconds } = outcome.ok;
    return (
      <div class="notice reload-ok" data-testid="reload-outcome" role="status">
        <strong>Reloaded</strong> in {milliseconds} ms.{' '}
        {jails.length === 0 ? 'No jail runs.' : <>Running: {jails.join(', ')}.</>}
      </div>
    );
  }
  const error = outcome.error;
  if (error instanceof ApiError && error.code === 'reload_failed') {
    const f = parseReloadFailure(error.problem.detail);
    return (
      <div class="problem reload-failed" data-testid="reload-outcome" role="alert">
        <strong>The reload failed; BanGUI rolled back.</strong>
        <dl class="reload-facts">
          <dt>What failed</dt><dd>{f.failure}</dd>
          {f.down.length > 0 && <><dt>Jails down</dt><dd>{f.down.join(', ')}</dd></>}
          {f.recovery && <><dt>Recovery</dt><dd>{f.recovery}</dd></>}
          <dt>Files restored</dt>
          <dd>{f.restored.length === 0 ? 'none (no file changed through BanGUI since the last good reload)'
            : <ul>{f.restored.map(p => <li key={p}><code>{p}</code></li>)}</ul>}</dd>
          {f.notRestored.length > 0 && <><dt>Could not restore</dt>
            <dd><ul>{f.notRestored.map(p => <li key={p}><code>{p}</code></li>)}</ul></dd></>}
        </dl>
        {f.fail2ban && <><div>fail2ban said:</div><pre class="f2b-message">{f.fail2ban}</pre></>}
      </div>
    );
  }
  if (error instanceof ApiError && error.code === 'config_invalid') {
    return (
      <div class="problem" data-testid="reload-outcome" role="alert">
        <strong>fail2ban's test refused the files; nothing was reloaded.</strong>
        <pre class="f2b-message">{error.problem.detail}</pre>
      </div>
    );
  }
  if (error instanceof ApiError && error.status === 503) {
    return (
      <div class="problem" data-testid="reload-outcome" role="alert">
        <strong>fail2ban did not answer.</strong> {describe(error)}
      </div>
    );
  }
  return <div data-testid="reload-outcome"><ProblemBanner error={error} /></div>;
}

/** The "Reload fail2ban" button (of one jail, or of everything) and its outcome. */
export function ReloadPanel({ jail, onDone }: { jail?: string; onDone?: () => void }) {
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | undefined>(undefined);
  const reload = async () => {
    setBusy(true);
    setOutcome(undefined);
    try {
      const ok = await call(client.POST('/api/v1/config/reload', { body: jail ? { jail } : {} }));
      setOutcome({ ok });
    } catch (error) {
      setOutcome({ error });
    } finally {
      setBusy(false);
      onDone?.();
    }
  };
  return (
    <section class="card reload-panel" aria-label="Reload">
      <div class="reload-row">
        <Button kind="primary" busy={busy} onClick={reload}>Reload fail2ban</Button>
        <span class="muted">
          {jail ? `Tests the files, reloads ${jail} and checks it runs; on failure the files changed since the last good reload are restored.`
            : 'Tests the files, reloads every jail and checks they run; on failure the files changed since the last good reload are restored.'}
        </span>
      </div>
      {busy && <p class="muted" aria-live="polite">Reloading…</p>}
      {outcome && <ReloadOutcome outcome={outcome} />}
    </section>
  );
}
