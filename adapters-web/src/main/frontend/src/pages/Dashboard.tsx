import type { PageProps } from '../app/App';
import { PageHeader } from '../ui/components';

export function DashboardPage(_props: PageProps) {
  return <PageHeader title="Dashboard" />;
}

