import type { Role } from '@civicpulse/contracts';
import type { MessageKey } from '../i18n/zh-CN';

/** An entry of the main navigation; `role` hides it from users below that role. */
export interface NavItem {
  path: string;
  label: MessageKey;
  role?: Role;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { path: '/overview', label: 'nav.overview' },
  { path: '/projects', label: 'nav.projects' },
  { path: '/indicators', label: 'nav.indicators' },
  { path: '/alerts', label: 'nav.alerts' },
  { path: '/sources', label: 'nav.sources', role: 'operator' },
  { path: '/admin/users', label: 'nav.users', role: 'admin' },
];
