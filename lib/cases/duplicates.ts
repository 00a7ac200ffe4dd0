import 'server-only';

import { appendAuditEvent } from '@/lib/audit/append';
import { AUDIT_ACTIONS } from '@/lib/audit/event-names';
import { can } from '@/lib/auth/permissions';
import { getPrisma } from '@/lib/db/client';
import type { DbClient } from '@/lib/db/types';
import type { Prisma } from '@/lib/generated/prisma/client';
import { type Outcome } from '@/lib/outcome';

import { caseAccessWhere, type AccessActor } from './access';
import { deny } from './audit-denial';
import { searchKey } from './search-key';
import type { CaseStatusValue } from './status';

// The duplicate check (issue 9 item 6): before an intake is submitted, the cases that already hold
// this patient — the same first and last name (as search keys: case and accents do not count) and
// date of birth, or the same MRN. A case the actor may open is shown; one outside their access is
// only counted, so its name and id never leave this file.

/** More matches than this are not shown: staff narrow it down by opening one. */
export const MAX_DUPLICATES = 5;
/** Looked at to count the matches outside the actor's access (ids never returned). */
const MAX_LOOKED_AT = 20;

export interface DuplicateQuery {
  readonly firstName: string;
  readonly lastName: string;
  /** YYYY-MM-DD, as the form holds it; anything else skips the name match. */
  readonly dateOfBirth: string;
  readonly mrn: string;
}

export interface VisibleDuplicate {
  readonly id: string;
  readonly patientName: string;
  /** YYYY-MM-DD */
  readonly dateOfBirth: string;
  readonly mrn: string | null;
  readonly status: CaseStatusValue;
  readonly intakeAt: Date;
  readonly matchedOn: 'name_and_dob' | 'mrn' | 'both';
}

export interface PossibleDuplicates {
  /** Newest first, at most MAX_DUPLICATES. */
  readonly visible: readonly VisibleDuplicate[];
  /** Matching cases the actor may not open: a count only (no name, no id). */
  readonly hidden: number;
  /** False when the answers held nothing to match on (no check was made). */
  readonly checked: boolean;
}

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The date of birth as stored (UTC midnight), or null when it is not a real calendar date. */
function dateOfBirthOf(value: string): Date | null {
  const match = CALENDAR_DATE.exec(value.trim());
  if (!match) return null;
  const at = new Date(`${match[1]}-${match[2]}-${match[3]}T00:00:00Z`);
  return Number.isFinite(at.getTime()) && at.toISOString().slice(0, 10) === value.trim() ? at : null;
}

/** The match conditions the answers allow (none when name+DOB and MRN are all incomplete). Pure. */
export function duplicateConditions(query: DuplicateQuery): Prisma.CaseWhereInput[] {
  const first = searchKey(query.firstName);
  const last = searchKey(query.lastName);
  const born = dateOfBirthOf(query.dateOfBirth);
  const mrn = searchKey(query.mrn);
  const conditions: Prisma.CaseWhereInput[] = [];
  if (first !== '' && last !== '' && born !== null)
    conditions.push({ patientFirstNameKey: first, patientLastNameKey: last, patientDateOfBirth: born });
  if (mrn !== '') conditions.push({ patientMrnKey: mrn });
  return conditions;
}

/**
 * Cases that may already hold this patient. Needs case:create (it is part of recording an intake).
 * Recorded as case.duplicate_check with counts only: never the names, DOB or MRN looked for.
 */
export async function findPossibleDuplicates(
  actor: AccessActor,
  query: DuplicateQuery,
  options: { readonly db?: DbClient } = {},
): Promise<Outcome<{ duplicates: PossibleDuplicates }>> {
  const db = options.db ?? getPrisma();
  if (!can(actor.role, 'case:create')) return deny(db, actor, AUDIT_ACTIONS.CASE_DUPLICATE_CHECK);

  const conditions = duplicateConditions(query);
  if (conditions.length === 0) return { ok: true, duplicates: { visible: [], hidden: 0, checked: false } };
  const match: Prisma.CaseWhereInput = { OR: conditions };

  // Every match (ids only, kept here), then the ones the actor may open, with what the notice shows.
  const all = await db.case.findMany({
    where: match,
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: MAX_LOOKED_AT,
    select: { id: true },
  });
  const rows =
    all.length === 0
      ? []
      : await db.case.findMany({
          where: { AND: [{ id: { in: all.map((row) => row.id) } }, caseAccessWhere(actor)] },
          orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
          select: {
            id: true,
            createdAt: true,
            status: true,
            patientFirstName: true,
            patientLastName: true,
            patientFirstNameKey: true,
            patientLastNameKey: true,
            patientDateOfBirth: true,
            patientMrn: true,
            patientMrnKey: true,
          },
        });
  const hidden = all.length - rows.length;

  const byName = conditions[0] && 'patientFirstNameKey' in conditions[0] ? conditions[0] : null;
  const mrnKey = searchKey(query.mrn);
  const visible = rows.slice(0, MAX_DUPLICATES).map((row): VisibleDuplicate => {
    const dateOfBirth = row.patientDateOfBirth.toISOString().slice(0, 10);
    const nameMatches =
      byName !== null &&
      row.patientFirstNameKey === byName.patientFirstNameKey &&
      row.patientLastNameKey === byName.patientLastNameKey &&
      dateOfBirth === dateOfBirthOf(query.dateOfBirth)?.toISOString().slice(0, 10);
    const mrnMatches = mrnKey !== '' && row.patientMrnKey === mrnKey;
    return {
      id: row.id,
      patientName: `${row.patientFirstName} ${row.patientLastName}`,
      dateOfBirth,
      mrn: row.patientMrn,
      status: row.status,
      intakeAt: row.createdAt,
      matchedOn: nameMatches && mrnMatches ? 'both' : mrnMatches ? 'mrn' : 'name_and_dob',
    };
  });

  await appendAuditEvent(
    {
      actorId: actor.id,
      action: AUDIT_ACTIONS.CASE_DUPLICATE_CHECK,
      entityType: 'Case',
      outcome: 'SUCCESS',
      detail: {
        byNameAndDob: byName !== null,
        byMrn: mrnKey !== '',
        visibleCount: rows.length,
        hiddenCount: hidden,
      },
    },
    { db },
  );

  return { ok: true, duplicates: { visible, hidden, checked: true } };
}
