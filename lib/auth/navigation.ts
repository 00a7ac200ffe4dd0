import { can, type Permission, type StaffRole } from './permissions';

export interface NavItem {
  href: string;
  label: string;
  /** Shown only to roles with this permission (the page itself checks it again). */
  permission?: Permission;
  description: string;
}

/** The signed-in area's navigation, in order. Add an entry when you add a top-level page. */
const STAFF_NAV: readonly NavItem[] = [
  { href: '/dashboard', label: 'Dashboard', description: 'Your starting point.' },
  {
    href: '/intake',
    label: 'Intake',
    permission: 'case:create',
    description: 'Start an intake, or carry on with one of your drafts.',
  },
  {
    href: '/cases',
    label: 'Cases',
    permission: 'case:read',
    description: 'Find a case by name or MRN, see its recommendation and history.',
  },
  {
    href: '/admin/staff',
    label: 'Staff accounts',
    permission: 'staff:manage',
    description: 'Create accounts, reset passwords, change roles, deactivate.',
  },
  {
    href: '/audit',
    label: 'Audit log',
    permission: 'audit:read',
    description: 'Who did what, and when: sign-ins, account changes, case access.',
  },
];

export function navFor(role: StaffRole): NavItem[] {
  return STAFF_NAV.filter((item) => !item.permission || can(role, item.permission));
}
