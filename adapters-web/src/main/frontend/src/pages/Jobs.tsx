import type { PageProps } from '../app/App';
import { PageHeader } from '../ui/components';

export function JobsPage(_props: PageProps) {
  return <PageHeader title="Jobs" />;
}

