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
    href: '/cases/mine',
    label: 'My cases',
    permission: 'case:read',
    description: 'Cases assigned to you or where you are on the care team.',
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
  {
    href: '/cases/break-glass',
    label: 'Break-the-glass log',
    permission: 'case:access_review',
    description: 'Every case opened outside a care team, by whom and why.',
  },
];

export function navFor(role: StaffRole): NavItem[] {
  return STAFF_NAV.filter((item) => !item.permission || can(role, item.permission));
}
