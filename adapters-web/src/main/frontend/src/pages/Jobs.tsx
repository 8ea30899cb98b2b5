import { useEffect, useRef, useState } from 'preact/hooks';
import type { PageProps } from '../app/App';
import { call, client } from '../api/client';
import { ApiError, describe } from '../api/problem';
import type { components } from '../api/schema';
import { usePoll } from '../app/hooks';
import { navigate, withQuery } from '../app/router';
import { outcomeBadge, roleTone, runRefusal, schedulerSentence } from '../lib/jobs';
import { Badge, Button, Empty, Field, Loading, PageHeader, Pager, ProblemBanner, Time, fieldError } from '../ui/components';

type Run = components['schemas']['JobController.RunView'];

const POLL_MS = 10_000;
const RUNS_PAGE = 25;
const FILTER_FIELDS = ['job'] as const;

function Outcome({ run }: { run: Run }) {
  const b = outcomeBadge(run.outcome);
  return <Badge tone={b.tone}>{b.label}</Badge>;
}

/** The scheduler's role and lock holder, every job with "Run now", and the run history (filter by job, paged). */
export function JobsPage({ query }: PageProps) {
  const job = query.get('job') ?? '';
  const cursor = query.get('cursor') ?? undefined;
  const jobs = usePoll(() => call(client.GET('/api/v1/jobs')), [], POLL_MS);
  const runs = usePoll(() => call(client.GET('/api/v1/jobs/runs', {
    params: { query: { job: job || undefined, limit: String(RUNS_PAGE), cursor } },
  })), [job, cursor], POLL_MS);

  const [busy, setBusy] = useState<string | undefined>(undefined);
  const [result, setResult] = useState<{ job: string; text?: string; error?: unknown } | undefined>(undefined);
  const [filter, setFilter] = useState(job);
  useEffect(() => setFilter(job), [job]);
  const later = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(later.current), []);

  const runNow = async (name: string) => {
    setBusy(name);
    setResult(undefined);
    try {
      const started = await call(client.POST('/api/v1/jobs/{name}/run', { params: { path: { name } } }));
      setResult({ job: name, text: `Started ${name} (run ${started.runId}).` });
      jobs.reload();
      runs.reload();
      // most jobs end within a moment: show their outcome without waiting for the next poll
      clearTimeout(later.current);
      later.current = setTimeout(() => { jobs.reload(); runs.reload(); }, 1500);
    } catch (e) {
      setResult({ job: name, error: e });
    } finally {
      setBusy(undefined);
    }
  };

  const s = jobs.data?.scheduler;
  const refusal = result?.error instanceof ApiError ? runRefusal(result.error.code, result.job) : undefined;
  return (
    <div>
      <PageHeader title="Jobs" />
      <ProblemBanner error={jobs.error} />
      {!jobs.data && jobs.loading && <Loading />}
      {s && (
        <section class="card scheduler" data-testid="scheduler">
          <h2>Scheduler <Badge tone={roleTone(s.role)}>{s.role}</Badge></h2>
          <p>{schedulerSentence(s)}</p>
          <dl class="facts">
            <dt>Lock holder</dt><dd class="mono" data-testid="lock-holder">{s.holder ?? <span class="muted">nobody</span>}</dd>
            <dt>This instance</dt><dd class="mono">{s.instance}</dd>
            <dt>Lock backend</dt><dd>{s.backend}</dd>
          </dl>
        </section>
      )}

      {result?.text && <p class="notice" role="status">{result.text}</p>}
      {result?.error !== undefined && (
        <div class="problem" role="alert">
          <strong>Run now {result.job}: </strong>{refusal ?? describe(result.error)}
          {result.error instanceof ApiError && <span class="code"> ({result.error.code})</span>}
        </div>
      )}

      {jobs.data && (jobs.data.jobs.length === 0 ? <Empty>No jobs.</Empty> : (
        <div class="table-wrap">
          <table class="jobs">
            <thead>
              <tr>
                <th scope="col">Job</th>
                <th scope="col">Schedule</th>
                <th scope="col">Last run</th>
                <th scope="col">Next run</th>
                <th scope="col" class="actions-col"><span class="sr-only">Actions</span></th>
              </tr>
            </thead>
            <tbody>
              {jobs.data.jobs.map(j => (
                <tr key={j.name} data-job={j.name}>
                  <td class="mono">{j.name} {j.running && <Badge tone="neutral">running</Badge>}</td>
                  <td>{j.schedule}</td>
                  <td data-testid="last-run">
                    {j.lastRun ? (
                      <>
                        <Outcome run={j.lastRun} /> <Time value={j.lastRun.startedAt} />
                        {j.lastRun.detail && <div class="muted small">{j.lastRun.detail}</div>}
                      </>
                    ) : <span class="muted">never</span>}
                  </td>
                  <td><Time value={j.nextRunAt} /></td>
                  <td class="row-actions">
                    <Button busy={busy === j.name} onClick={() => runNow(j.name)}>Run now</Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}

      <h2>Run history</h2>
      <form class="inline" onSubmit={e => { e.preventDefault(); navigate(withQuery('/jobs', { job: filter })); }}>
        <Field label="Job" name="job" error={fieldError(runs.error, 'job', FILTER_FIELDS)}>
          <select id="job" name="job" value={filter} onChange={e => setFilter(e.currentTarget.value)}>
            <option value="">All jobs</option>
            {(jobs.data?.jobs ?? []).map(j => <option value={j.name}>{j.name}</option>)}
            {job && !(jobs.data?.jobs ?? []).some(j => j.name === job) && <option value={job}>{job}</option>}
          </select>
        </Field>
        <Button type="submit">Apply</Button>
      </form>
      <ProblemBanner error={runs.error} fields={FILTER_FIELDS} />
      {!runs.data && runs.loading && <Loading />}
      {runs.data && (runs.data.runs.length === 0 ? <Empty>No runs{job ? ` of ${job}` : ''} recorded.</Empty> : (
        <div class="table-wrap">
          <table class="runs">
            <thead>
              <tr>
                <th scope="col">Job</th>
                <th scope="col">Started</th>
                <th scope="col">Finished</th>
                <th scope="col">Outcome</th>
                <th scope="col">Trigger</th>
                <th scope="col">Instance</th>
                <th scope="col">Detail</th>
              </tr>
            </thead>
            <tbody>
              {runs.data.runs.map(r => (
                <tr key={r.id ?? `${r.job}-${r.startedAt}`} data-run={r.id ?? undefined}>
                  <td class="mono">{r.job}</td>
                  <td><Time value={r.startedAt} /></td>
                  <td><Time value={r.finishedAt} /></td>
                  <td><Outcome run={r} /></td>
                  <td>{r.trigger}</td>
                  <td class="mono">{r.instance}</td>
                  <td>{r.detail || <span class="muted">—</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
      {runs.data && (
        <Pager cursor={runs.data.nextCursor} atFirst={!cursor}
          onNext={c => navigate(withQuery('/jobs', { job, cursor: c }))}
          onFirst={() => navigate(withQuery('/jobs', { job }))} />
      )}
    </div>
  );
}
