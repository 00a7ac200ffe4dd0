import 'server-only';

import { getPrisma } from '@/lib/db/client';
import type { PrismaClient } from '@/lib/generated/prisma/client';

export interface AssigneeOption {
  readonly id: string;
  readonly displayName: string;
}

/** Active clinical staff a case can be assigned to: the "Assigned to" filter's choices (names only). */
export async function listAssigneeOptions(options: { readonly db?: PrismaClient } = {}): Promise<AssigneeOption[]> {
  const db = options.db ?? getPrisma();
  return db.staffUser.findMany({
    where: { active: true, role: { in: ['INTAKE', 'CLINICIAN', 'SUPERVISOR'] } },
    select: { id: true, displayName: true },
    orderBy: [{ displayName: 'asc' }, { id: 'asc' }],
    take: 500,
  });
}
