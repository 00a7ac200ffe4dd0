import 'server-only';

import type { Prisma } from '@/lib/generated/prisma/client';
import { fail, type Failure } from '@/lib/outcome';

/** What a refused stale write says (issue 9, item 5). */
export const STALE_CASE_MESSAGE = 'This case changed since you opened it — reload to see the change';

/**
 * Claims the case at the version the change was based on, inside the change's transaction: bumps
 * `version` only if it still equals `expectedVersion`, so of two writers based on the same read
 * exactly one wins and the other is refused with nothing written. `data` is written with it.
 * (Same semantics as lib/cases/case-version.ts `updateCaseAtVersion`; either may replace the other.)
 */
export async function claimCaseVersion(
  tx: Prisma.TransactionClient,
  caseId: string,
  expectedVersion: number,
  data: Omit<Prisma.CaseUncheckedUpdateManyInput, 'id' | 'version'> = {},
): Promise<{ ok: true; version: number } | Failure<never, never>> {
  const { count } = await tx.case.updateMany({
    where: { id: caseId, version: expectedVersion },
    data: { ...data, version: { increment: 1 } },
  });
  if (count === 0) return fail<never, never>('conflict', STALE_CASE_MESSAGE);
  return { ok: true, version: expectedVersion + 1 };
}
