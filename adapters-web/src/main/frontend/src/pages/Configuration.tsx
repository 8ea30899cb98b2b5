import type { PageProps } from '../app/App';
import { PageHeader } from '../ui/components';

export function ConfigurationPage(_props: PageProps) {
  return <PageHeader title="Configuration" />;
}

export function ConfigItemPage(_props: PageProps) {
  return <PageHeader title="Configuration" />;
}

