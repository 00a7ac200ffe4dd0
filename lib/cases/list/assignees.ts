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
  // Raw: read on every list page, and the client's query planning cost more than the query (issue 10).
  return db.$queryRaw<AssigneeOption[]>`
    SELECT id, "displayName" FROM "StaffUser"
    WHERE active AND role IN ('INTAKE', 'CLINICIAN', 'SUPERVISOR')
    ORDER BY "displayName", id
    LIMIT 500`;
}
