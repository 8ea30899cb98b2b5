import type { PageProps } from '../app/App';
import { PageHeader } from '../ui/components';

export function JailsPage(_props: PageProps) {
  return <PageHeader title="Jails" />;
}

export function JailDetailPage(_props: PageProps) {
  return <PageHeader title="Jails" />;
}

