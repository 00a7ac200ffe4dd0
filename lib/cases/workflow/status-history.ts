import 'server-only';

import { getPrisma } from '@/lib/db/client';
import type { DbClient } from '@/lib/db/types';
import type { Prisma } from '@/lib/generated/prisma/client';

import type { CaseStatusValue } from '../status';
import type { DeclineReasonCode } from './transitions';

export interface StatusHistoryEntry {
  readonly id: string;
  readonly at: Date;
  readonly byName: string;
  readonly from: CaseStatusValue;
  readonly to: CaseStatusValue;
  readonly reason: string | null;
  readonly reasonCode: DeclineReasonCode | null;
}

/** The status-change columns and order of the history, shared with the case page's loader (lib/cases/case-page-sections.ts). */
export const STATUS_CHANGE_QUERY = {
  orderBy: [{ at: 'desc' }, { id: 'desc' }],
  select: {
    id: true,
    at: true,
    fromStatus: true,
    toStatus: true,
    reason: true,
    reasonCode: true,
    by: { select: { displayName: true } },
  },
} as const satisfies Prisma.CaseStatusChangeFindManyArgs;

export function toStatusHistoryEntry(
  row: Prisma.CaseStatusChangeGetPayload<{ select: typeof STATUS_CHANGE_QUERY.select }>,
): StatusHistoryEntry {
  return {
    id: row.id,
    at: row.at,
    byName: row.by.displayName,
    from: row.fromStatus,
    to: row.toStatus,
    reason: row.reason,
    reasonCode: row.reasonCode,
  };
}

/**
 * A case's status changes, newest first. Read only after the case itself was opened (and its
 * view audited) by getCase, which decides who may see it.
 */
export async function getStatusHistory(
  caseId: string,
  options: { readonly db?: DbClient } = {},
): Promise<readonly StatusHistoryEntry[]> {
  const db = options.db ?? getPrisma();
  const rows = await db.caseStatusChange.findMany({ where: { caseId }, ...STATUS_CHANGE_QUERY });
  return rows.map(toStatusHistoryEntry);
}
