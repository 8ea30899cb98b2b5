import type { PageProps } from '../app/App';
import { PageHeader } from '../ui/components';

export function BlocklistsPage(_props: PageProps) {
  return <PageHeader title="Blocklists" />;
}

export function BlocklistDetailPage(_props: PageProps) {
  return <PageHeader title="Blocklists" />;
}

