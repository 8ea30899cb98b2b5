import type { PageProps } from '../app/App';
import { withQuery } from '../app/router';
import { Link, PageHeader } from '../ui/components';
import { DefinitionConfig, JailConfig } from './config/Item';
import { ChangesTab, JailsTab, NamesTab } from './config/Lists';
import { ReloadPanel } from './config/shared';

const TABS = [['jails', 'Jails'], ['filters', 'Filters'], ['actions', 'Actions'], ['changes', 'Changes']] as const;
type Tab = typeof TABS[number][0];

function tabOf(query: URLSearchParams): Tab {
  const t = query.get('tab');
  return TABS.some(([id]) => id === t) ? t as Tab : 'jails';
}

/** /config: jails, filters and actions as the files define them, BanGUI's changes, and the reload. */
export function ConfigurationPage({ query }: PageProps) {
  const tab = tabOf(query);
  const deleted = query.get('deleted');
  return (
    <>
      <PageHeader title="Configuration" />
      {deleted && <p class="notice" role="status">Deleted jail <code>{deleted}</code>'s file; reload fail2ban to stop it
        if it runs.</p>}
      <ReloadPanel />
      <nav class="tabs" aria-label="Configuration sections">
        {TABS.map(([id, label]) => (
          <Link key={id} href={withQuery('/config', { tab: id === 'jails' ? undefined : id })}
            class={id === tab ? 'tab active' : 'tab'} aria-current={id === tab ? 'page' : undefined}>{label}</Link>
        ))}
      </nav>
      {tab === 'jails' && <JailsTab />}
      {(tab === 'filters' || tab === 'actions') && <NamesTab key={tab} kind={tab} q={query.get('q') ?? ''} />}
      {tab === 'changes' && <ChangesTab />}
    </>
  );
}

/** /config/:kind/:name: one jail, filter or action. */
export function ConfigItemPage({ params, query }: PageProps) {
  const { kind, name } = params;
  const created = query.get('created') === '1';
  return (
    <>
      <PageHeader title="Configuration" />
      {kind === 'jails' ? <JailConfig key={name} name={name} created={created} />
        : kind === 'filters' || kind === 'actions' ? <DefinitionConfig key={`${kind}/${name}`} kind={kind} name={name} created={created} />
          : <div class="problem" role="alert">There is no configuration of kind “{kind}”: jails, filters or actions.
            {' '}<Link href="/config">Back to the configuration</Link></div>}
    </>
  );
}
