// Staff accounts for integration tests, written straight to the database.
import { randomBytes } from 'node:crypto';

import { hashPassword } from '@/lib/auth/password-hash';
import type { StaffRole } from '@/lib/auth/permissions';
import type { PrismaClient } from '@/lib/generated/prisma/client';

export const TEST_PASSWORD = 'correct horse battery staple';

export function uniqueEmail(label: string): string {
  return `${label}-${randomBytes(4).toString('hex')}@clinic.test`;
}

export async function createTestStaff(
  db: PrismaClient,
  options: { role?: StaffRole; active?: boolean; email?: string; password?: string; displayName?: string } = {},
) {
  return db.staffUser.create({
    data: {
      email: options.email ?? uniqueEmail((options.role ?? 'intake').toLowerCase()),
      displayName: options.displayName ?? 'Test Person',
      role: options.role ?? 'INTAKE',
      active: options.active ?? true,
      passwordHash: await hashPassword(options.password ?? TEST_PASSWORD),
    },
  });
}
