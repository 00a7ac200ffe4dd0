import { describe, expect, it } from 'vitest';

import { PERMISSIONS, STAFF_ROLES, can, type Permission, type StaffRole } from '@/lib/auth/permissions';

// The matrix from issue 3, written out longhand so a change to lib/auth/permissions.ts must be deliberate.
const EXPECTED: Record<StaffRole, Permission[]> = {
  // INTAKE may change a status only NEW → IN_REVIEW (lib/cases/workflow/transitions.ts, tested there).
  // Every role may change its own password (the only thing allowed while a reset one must be changed).
  INTAKE: ['account:password', 'account:two_factor', 'case:read', 'case:create', 'case:note', 'case:status'],
  CLINICIAN: [
    'account:password',
    'account:two_factor',
    'case:read',
    'case:create',
    'case:note',
    'case:override',
    'case:status',
    'case:consent',
    'case:export',
  ],
  SUPERVISOR: [
    'account:password',
    'account:two_factor',
    'case:read',
    'case:create',
    'case:note',
    'case:override',
    'case:status',
    'case:consent',
    'case:export',
    'case:reassign',
    'case:access_review',
    'audit:read',
    'case:export_csv',
  ],
  ADMIN: ['account:password', 'account:two_factor', 'staff:manage', 'audit:read', 'case:export_csv'],
};

describe('can', () => {
  for (const role of STAFF_ROLES) {
    for (const permission of PERMISSIONS) {
      const allowed = EXPECTED[role].includes(permission);
      it(`${allowed ? 'allows' : 'denies'} ${role} ${permission}`, () => {
        expect(can(role, permission)).toBe(allowed);
      });
    }
  }

  it('denies an unknown or missing role', () => {
    expect(can('ROOT', 'case:read')).toBe(false);
    expect(can(undefined, 'case:read')).toBe(false);
    expect(can(null, 'audit:read')).toBe(false);
  });
});
