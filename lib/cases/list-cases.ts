// SUPERSEDED by lib/cases/list (keyset pages, sorts, filters, forgiving search): no page uses this
// any more. Kept so branches that still edit it merge cleanly; remove it (and
// tests/integration/cases/list.test.ts) after the merge.
import 'server-only';

import { AUDIT_ACTIONS } from '@/lib/audit/event-names';
import { appendAuditEvent } from '@/lib/audit/append';
import { can } from '@/lib/auth/permissions';
import { getPrisma } from '@/lib/db/client';
import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client';

import { caseAccessWhere, type AccessActor } from './access';
import { deny } from './audit-denial';
import { type Outcome } from '@/lib/outcome';
import { isUrgentFlag } from './recommendation-view';
import { parseCaseSearch, prefixUpperBound } from './search-key';
import type { CaseStatusValue } from './status';

const CASE_PAGE_SIZE = 25;
/** Deep OFFSET pages get slower; past this, narrow the list with the status filter or a search. */
const MAX_CASE_PAGE = 400;

/** Exactly the cells the list shows, and nothing else (no intake, no recommendation). */
export interface CaseListRow {
  readonly id: string;
  readonly createdAt: Date;
  readonly status: CaseStatusValue;
  readonly patientName: string;
  /** YYYY-MM-DD */
  readonly dateOfBirth: string;
  readonly mrn: string | null;
  readonly finalLevel: string;
  readonly finalWm: string;
  readonly overridden: boolean;
  /** EMERGENCY_MEDICAL, EMERGENCY_PSYCHIATRIC, SAFETY_ASSESSMENT, in rule order. */
  readonly urgentFlags: readonly string[];
}

export interface CaseListQuery {
  readonly status?: CaseStatusValue | null;
  /** Name or MRN, as typed: each word must start a first name, last name or MRN. */
  readonly search?: string | null;
  /** From 1. */
  readonly page?: number;
  readonly pageSize?: number;
}

export interface CaseListPage {
  readonly rows: readonly CaseListRow[];
  /** Counted up to the last reachable page and one more: see `totalIsAtLeast`. */
  readonly total: number;
  /** True when there are more than `total` - 1 cases (counting on would only cost time). */
  readonly totalIsAtLeast: boolean;
  readonly page: number;
  readonly pageCount: number;
  readonly pageSize: number;
  /** True when the search had words to look for (a search of only punctuation lists everything). */
  readonly searched: boolean;
}

function searchCondition(terms: readonly string[]): Prisma.CaseWhereInput[] {
  return terms.map((term) => {
    const upper = prefixUpperBound(term);
    // The range is what the B-tree indexes serve; startsWith re-checks it under any collation.
    const prefix = { gte: term, ...(upper === null ? {} : { lt: upper }), startsWith: term };
    return { OR: [{ patientLastNameKey: prefix }, { patientFirstNameKey: prefix }, { patientMrnKey: prefix }] };
  });
}

/** The case list, newest first. Recorded as case.list (filters and counts only — never the search words). */
export async function listCases(
  actor: AccessActor,
  query: CaseListQuery = {},
  options: { readonly db?: PrismaClient } = {},
): Promise<Outcome<{ list: CaseListPage }>> {
  const db = options.db ?? getPrisma();
  if (!can(actor.role, 'case:read')) return deny(db, actor, AUDIT_ACTIONS.CASE_LIST);

  const pageSize = Math.min(Math.max(Math.trunc(query.pageSize ?? CASE_PAGE_SIZE), 1), 100);
  const requestedPage = Math.min(Math.max(Math.trunc(query.page ?? 1) || 1, 1), MAX_CASE_PAGE);
  const terms = parseCaseSearch(query.search ?? '');
  const where: Prisma.CaseWhereInput = {
    ...(query.status ? { status: query.status } : {}),
    // Need-to-know first: the count, the rows and the search see only cases the actor may open.
    AND: [caseAccessWhere(actor), ...searchCondition(terms)],
  };

  // Counting stops one past the last page the list can show: a full count of 100k rows costs
  // more than the page itself, and nobody pages to case 10,001 (they filter or search).
  const countCap = MAX_CASE_PAGE * pageSize + 1;
  // Ordered like the list: Prisma orders a capped count by id otherwise, and a status filter then
  // walks the whole primary key instead of the (status, createdAt) index (300 ms vs 14 ms p95).
  const total = await db.case.count({ where, take: countCap, orderBy: { createdAt: 'desc' } });
  const totalIsAtLeast = total >= countCap;
  const pageCount = Math.min(MAX_CASE_PAGE, Math.max(1, Math.ceil(total / pageSize)));
  const page = Math.min(requestedPage, pageCount);
  const rows = await db.case.findMany({
    where,
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    skip: (page - 1) * pageSize,
    take: pageSize,
    select: {
      id: true,
      createdAt: true,
      status: true,
      patientFirstName: true,
      patientLastName: true,
      patientDateOfBirth: true,
      patientMrn: true,
      computedLevel: true,
      computedWm: true,
      finalLevel: true,
      finalWm: true,
      flags: true,
    },
  });

  await appendAuditEvent(
    {
      actorId: actor.id,
      action: AUDIT_ACTIONS.CASE_LIST,
      entityType: 'Case',
      outcome: 'SUCCESS',
      detail: {
        status: query.status ?? null,
        page,
        searched: terms.length > 0,
        resultCount: rows.length,
        total,
        totalIsAtLeast,
      },
    },
    { db: db },
  );

  return {
    ok: true,
    list: {
      rows: rows.map((row) => ({
        id: row.id,
        createdAt: row.createdAt,
        status: row.status,
        patientName: `${row.patientLastName}, ${row.patientFirstName}`,
        dateOfBirth: row.patientDateOfBirth.toISOString().slice(0, 10),
        mrn: row.patientMrn,
        finalLevel: row.finalLevel,
        finalWm: row.finalWm,
        overridden: row.finalLevel !== row.computedLevel || row.finalWm !== row.computedWm,
        urgentFlags: row.flags.filter(isUrgentFlag),
      })),
      total,
      totalIsAtLeast,
      page,
      pageCount,
      pageSize,
      searched: terms.length > 0,
    },
  };
}
