// The one permission matrix (issue 3). Pure data and functions: pages, server actions, route
// handlers and the UI all ask `can(role, permission)`; nothing else decides who may do what.

export const STAFF_ROLES = ['INTAKE', 'CLINICIAN', 'SUPERVISOR', 'ADMIN'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const PERMISSIONS = [
  'case:read', // see the case list and open a case
  'case:create', // record intakes, save drafts, submit
  'case:note', // add notes to a case
  'case:override', // override a level-of-care recommendation (with a reason)
  'case:status', // change a case's status
  'case:consent', // record consent to disclose (42 CFR Part 2)
  'case:export', // export referral summaries
  'case:export_csv', // download the case list as CSV (identified or de-identified)
  'case:reassign', // assign a case to another staff member, and manage its care team
  'case:access_review', // review break-the-glass access to cases
  'audit:read', // read the audit log
  'staff:manage', // create, deactivate, reset and change the role of staff accounts
  'account:password', // change one's own password (every role; the only thing allowed while a reset one must be changed)
  'account:two_factor', // enrol in or disable one's own two-factor sign-in (every role; the only thing allowed while enrolment is required)
] as const;
export type Permission = (typeof PERMISSIONS)[number];

// INTAKE holds 'case:status' only to start a review (NEW → IN_REVIEW): lib/cases/workflow/transitions.ts
// says which moves each role may make.
const INTAKE_PERMISSIONS: readonly Permission[] = [
  'account:password',
  'account:two_factor',
  'case:read',
  'case:create',
  'case:note',
  'case:status',
];
const CLINICIAN_PERMISSIONS: readonly Permission[] = [
  ...INTAKE_PERMISSIONS,
  'case:override',
  'case:consent',
  'case:export',
];

/** Role → what it may do. ADMIN manages accounts but has no clinical rights by default. */
const ROLE_PERMISSIONS: Readonly<Record<StaffRole, readonly Permission[]>> = {
  INTAKE: INTAKE_PERMISSIONS,
  CLINICIAN: CLINICIAN_PERMISSIONS,
  SUPERVISOR: [...CLINICIAN_PERMISSIONS, 'case:reassign', 'case:access_review', 'audit:read', 'case:export_csv'],
  // ADMIN may export, but sees no case (lib/cases/access.ts): its CSV holds the header only.
  ADMIN: ['account:password', 'account:two_factor', 'staff:manage', 'audit:read', 'case:export_csv'],
};

export const ROLE_LABELS: Readonly<Record<StaffRole, string>> = {
  INTAKE: 'Intake coordinator',
  CLINICIAN: 'Clinician',
  SUPERVISOR: 'Supervisor',
  ADMIN: 'Administrator',
};

export function isStaffRole(value: unknown): value is StaffRole {
  return typeof value === 'string' && (STAFF_ROLES as readonly string[]).includes(value);
}

/** Fails closed: an unknown role or permission is never allowed. */
export function can(role: unknown, permission: Permission): boolean {
  return isStaffRole(role) && ROLE_PERMISSIONS[role].includes(permission);
}
