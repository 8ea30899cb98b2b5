import type { PageProps } from '../app/App';
import { PageHeader } from '../ui/components';

export function AuditPage(_props: PageProps) {
  return <PageHeader title="Audit" />;
}

