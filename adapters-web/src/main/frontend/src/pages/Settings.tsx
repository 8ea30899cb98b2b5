import type { PageProps } from '../app/App';
import { PageHeader } from '../ui/components';

export function SettingsPage(_props: PageProps) {
  return <PageHeader title="Settings" />;
}

