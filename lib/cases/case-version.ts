import 'server-only';

import type { Prisma } from '@/lib/generated/prisma/client';
import type { DbClient } from '@/lib/db/types';
import { fail, OUTCOME_MESSAGES, type Failure } from '@/lib/outcome';

// No lost updates (issue 9 item 5): every write to a Case row names the version it was based on
// (the form carries it as a hidden field) and goes through here. The row is changed only if it
// still has that version — one conditional UPDATE, so two writers based on the same version can
// never both win, whatever the isolation level — and the version is bumped with the change.

/** The one refusal for a case write based on an older version: nothing was written. */
export function staleCaseFailure(): Failure<never, never> {
  return fail<never, never>('conflict', OUTCOME_MESSAGES.caseChanged);
}

/**
 * Writes `data` to the case only if its version is still `expectedVersion`, and bumps the version.
 * Call it FIRST in the transaction: on a refusal nothing else has been written, so the caller
 * returns the failure and the transaction commits nothing.
 */
export async function updateCaseAtVersion(
  tx: DbClient,
  caseId: string,
  expectedVersion: number,
  data: Omit<Prisma.CaseUncheckedUpdateManyInput, 'id' | 'version'> = {},
): Promise<{ readonly ok: true; readonly version: number } | Failure<never, never>> {
  const { count } = await tx.case.updateMany({
    where: { id: caseId, version: expectedVersion },
    data: { ...data, version: { increment: 1 } },
  });
  return count === 0 ? staleCaseFailure() : { ok: true, version: expectedVersion + 1 };
}
