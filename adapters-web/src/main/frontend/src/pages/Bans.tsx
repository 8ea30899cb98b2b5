import type { PageProps } from '../app/App';
import { PageHeader } from '../ui/components';

export function BansPage(_props: PageProps) {
  return <PageHeader title="Bans" />;
}

