import type { PageProps } from '../app/App';
import { PageHeader } from '../ui/components';

export function HistoryPage(_props: PageProps) {
  return <PageHeader title="History" />;
}

export function IpDetailPage(_props: PageProps) {
  return <PageHeader title="History" />;
}

