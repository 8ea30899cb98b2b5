import { useEffect, useState } from 'preact/hooks';
import type { PageProps } from '../app/App';
import { call, client } from '../api/client';
import { usePoll } from '../app/hooks';
import { navigate, withQuery } from '../app/router';
import { Badge, Button, Empty, Field, Loading, PageHeader, Pager, ProblemBanner, Time, fieldError } from '../ui/components';
import { AUDIT_ACTIONS, actionLabel, auditApiQuery, auditFilterFromForm, auditFilterFromQuery, auditQuery } from '../lib/audit';
import { isoToLocalInput } from '../lib/format';
import { classifyDiff, looksLikeDiff } from '../lib/diff';
import { DiffView } from './config/shared';

const FIELDS = ['action', 'since', 'until'] as const;
const PAGE_SIZE = 50;

/** The audit trail, newest first: who did what from where, filtered by action and time, paged by cursor. */
export function AuditPage({ query }: PageProps) {
  const { cursor, ...filter } = auditFilterFromQuery(query);
  const [form, setForm] = useState({ action: filter.action, since: isoToLocalInput(filter.since), until: isoToLocalInput(filter.until) });
  const [formError, setFormError] = useState<{ field: string; message: string } | undefined>(undefined);
  // back/forward changes the URL: the form follows it
  useEffect(() => {
    setForm({ action: filter.action, since: isoToLocalInput(filter.since), until: isoToLocalInput(filter.until) });
  }, [filter.action, filter.since, filter.until]);
  const page = usePoll(() => call(client.GET('/api/v1/audit', {
    params: { query: auditApiQuery(filter, cursor, PAGE_SIZE) },
  })), [filter.action, filter.since, filter.until, cursor], 30_000);

  const apply = (e: Event) => {
    e.preventDefault();
    const r = auditFilterFromForm(form);
    if ('field' in r) { setFormError(r); return; }
    setFormError(undefined);
    navigate(withQuery('/audit', auditQuery(r.filter)));
  };
  const err = (name: string) => (formError?.field === name ? formError.message : fieldError(page.error, name, FIELDS));
  const entries = page.data?.entries ?? [];

  return (
    <>
      <PageHeader title="Audit" />
      <form class="inline card" onSubmit={apply} aria-label="Filter the audit trail">
        <Field label="Action" name="action" error={err('action')}>
          <select id="action" name="action" value={form.action} onChange={e => { const v = e.currentTarget.value; setForm(f => ({ ...f, action: v })); }}>
            <option value="">All actions</option>
            {AUDIT_ACTIONS.map(a => <option value={a}>{actionLabel(a)}</option>)}
          </select>
        </Field>
        <Field label="Since" name="since" error={err('since')}>
          <input id="since" name="since" type="datetime-local" value={form.since}
            onInput={e => { const v = e.currentTarget.value; setForm(f => ({ ...f, since: v })); }} />
        </Field>
        <Field label="Until" name="until" error={err('until')}>
          <input id="until" name="until" type="datetime-local" value={form.until}
            onInput={e => { const v = e.currentTarget.value; setForm(f => ({ ...f, until: v })); }} />
        </Field>
        <Button type="submit" kind="primary">Apply</Button>
        {(filter.action || filter.since || filter.until) && (
          <Button onClick={() => { setForm({ action: '', since: '', until: '' }); setFormError(undefined); navigate('/audit'); }}>
            Clear filters
          </Button>
        )}
      </form>
      <ProblemBanner error={page.error} fields={FIELDS} />
      {page.data === undefined && page.loading ? <Loading /> : (
        <>
          {entries.length === 0 ? <Empty>No audit entries{cursor ? ' on this page' : ' match'}.</Empty> : (
            <div class="table-wrap">
              <table class="audit">
                <caption class="sr-only">Audit trail, newest first</caption>
                <thead>
                  <tr><th scope="col">Time</th><th scope="col">Actor</th><th scope="col">Client IP</th>
                    <th scope="col">Action</th><th scope="col">Target</th><th scope="col">Detail</th></tr>
                </thead>
                <tbody>
                  {entries.map(e => (
                    <tr key={e.id} data-audit={e.id} data-action={e.action} data-outcome={e.outcome}>
                      <td class="nowrap"><Time value={e.at} /></td>
                      <td>{e.principal || <span class="muted">—</span>}</td>
                      <td class="mono">{e.clientIp}</td>
                      <td class="nowrap">
                        {actionLabel(e.action)}{' '}
                        {e.outcome === 'success' ? null : <Badge tone="bad">{e.outcome}</Badge>}
                      </td>
                      <td class="audit-target">{e.target || <span class="muted">—</span>}</td>
                      <td class="audit-detail"><Detail text={e.detail} /></td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <Pager cursor={page.data?.nextCursor} atFirst={!cursor}
            onFirst={() => navigate(withQuery('/audit', auditQuery(filter)))}
            onNext={next => navigate(withQuery('/audit', auditQuery(filter, next)))} />
        </>
      )}
    </>
  );
}

/** A detail as text, or a unified diff collapsed behind its size. */
function Detail({ text }: { text: string }) {
  if (!text) return <span class="muted">—</span>;
  if (!looksLikeDiff(text)) return <span>{text}</span>;
  const lines = classifyDiff(text);
  const added = lines.filter(l => l.kind === 'add').length;
  const removed = lines.filter(l => l.kind === 'del').length;
  return (
    <details>
      <summary>Diff: +{added} −{removed}</summary>
      <DiffView diff={text} />
    </details>
  );
}
