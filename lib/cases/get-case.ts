import 'server-only';

import { AUDIT_ACTIONS } from '@/lib/audit/event-names';
import { appendAuditEvent } from '@/lib/audit/append';
import { can } from '@/lib/auth/permissions';
import { getPrisma } from '@/lib/db/client';
import { Prisma, type PrismaClient } from '@/lib/generated/prisma/client';
import { z } from 'zod';

import { localCalendarDate, makeAnyIntakeSchema, parseIntake, type AnyIntake } from '@/lib/intake';
import {
  DIMENSIONS,
  DISPOSITIONS,
  FLAG_CODES,
  FLAG_CODES_V2,
  INCOMPLETE_ITEMS,
  RATINGS,
  RULES_VERSION,
  RULES_VERSION_V2,
  SERVICE_CODES,
  SERVICE_CODES_V2,
  TREATMENT_LEVELS,
  WITHDRAWAL_MANAGEMENT_LEVELS,
  type AnyPlacementRecommendation,
} from '@/lib/placement';

import { caseAccessSql, type AccessActor } from './access';
import { deny } from './audit-denial';
import type { InstrumentItems } from '@/lib/intake/form/to-intake';
import { isUuid } from './actor';
import { fail, type Outcome } from '@/lib/outcome';
import type { CaseStatusValue } from './status';

/** What an override row shows (the case page and the level-of-care history alike). */
export const OVERRIDE_ROW_SELECT = {
  id: true,
  at: true,
  previousLevel: true,
  previousWm: true,
  level: true,
  wm: true,
  reason: true,
  by: { select: { displayName: true } },
} as const;

export interface CaseOverrideEntry {
  readonly id: string;
  readonly at: Date;
  readonly byName: string;
  readonly previousLevel: string;
  readonly previousWm: string;
  readonly level: string;
  readonly wm: string;
  readonly reason: string;
}

export interface CaseNoteEntry {
  readonly id: string;
  readonly createdAt: Date;
  readonly authorName: string;
  readonly body: string;
}

export interface CaseDetail {
  readonly id: string;
  readonly createdAt: Date;
  readonly createdByName: string;
  readonly assignedToName: string | null;
  readonly status: CaseStatusValue;
  /** Send it back with an update: a change based on an older read is refused. */
  readonly version: number;
  /** As validated when the case was created, with the schema of its own version. */
  readonly intake: AnyIntake;
  readonly instrumentItems: InstrumentItems | null;
  /** As computed on the server when the case was created, by the rules of its `rulesVersion` (never re-scored). */
  readonly recommendation: AnyPlacementRecommendation;
  readonly rulesVersion: string;
  readonly computedLevel: string;
  readonly computedWm: string;
  readonly finalLevel: string;
  readonly finalWm: string;
  /** Newest first. */
  readonly overrides: readonly CaseOverrideEntry[];
  /** Oldest first. */
  readonly notes: readonly CaseNoteEntry[];
}

const NOT_FOUND = 'There is no case with that id.';

const rating = z
  .number()
  .int()
  .min(RATINGS[0])
  .max(RATINGS[RATINGS.length - 1] ?? 4);

const dimensions = z.object({ d1: rating, d2: rating, d3: rating, d4: rating, d5: rating, d6: rating });
const rationale = z.array(
  z.object({ dimension: z.string(), rule: z.string(), because: z.string(), code: z.string().optional() }),
);

/**
 * The shape of a stored lib/placement recommendation, checked before it is shown, with the codes
 * of the rules version that made it: a v1 recommendation with v1's codes, a v2 one with v2's.
 */
const StoredRecommendationSchema = z.discriminatedUnion('rulesVersion', [
  z.object({
    rulesVersion: z.literal(RULES_VERSION),
    treatmentLevel: z.enum(TREATMENT_LEVELS),
    withdrawalManagement: z.enum(WITHDRAWAL_MANAGEMENT_LEVELS),
    dimensions,
    services: z.array(z.enum(SERVICE_CODES)),
    flags: z.array(z.enum(FLAG_CODES)),
    rationale,
  }),
  z.object({
    rulesVersion: z.literal(RULES_VERSION_V2),
    disposition: z.enum(DISPOSITIONS),
    treatmentLevel: z.enum(TREATMENT_LEVELS),
    withdrawalManagement: z.enum(WITHDRAWAL_MANAGEMENT_LEVELS),
    dimensions,
    services: z.array(z.enum(SERVICE_CODES_V2)),
    flags: z.array(z.enum(FLAG_CODES_V2)),
    incomplete: z.array(z.enum(INCOMPLETE_ITEMS)),
    levelChanges: z.array(
      z.object({ dimension: z.enum(DIMENSIONS), rating, treatmentLevel: z.enum(TREATMENT_LEVELS) }),
    ),
    rationale,
  }),
]);

/** A row of caseDetailSql: the JSON aggregates carry their instants as epoch milliseconds. */
interface CaseRow {
  id: string;
  createdAt: Date;
  status: CaseStatusValue;
  version: number;
  intake: unknown;
  instrumentItems: unknown;
  recommendation: unknown;
  rulesVersion: string;
  computedLevel: string;
  computedWm: string;
  finalLevel: string;
  finalWm: string;
  createdByName: string;
  assignedToName: string | null;
  overrides: Array<Omit<CaseOverrideEntry, 'at'> & { at: number }>;
  notes: Array<Omit<CaseNoteEntry, 'createdAt'> & { createdAt: number }>;
}

/** Epoch milliseconds of a timestamp(3), exact, as a JSON number (no date string to parse back). */
const epochMs = (column: string) => Prisma.raw(`(extract(epoch FROM ${column}) * 1000)::int8`);

/**
 * getCase's one read, as `actor` may see it: exported so the bench sends the very same statement
 * through `pg` for its ratio. Overrides newest first and notes oldest first, each with its id as
 * the tie-break (two rows of the same millisecond keep one order).
 */
export function caseDetailSql(actor: AccessActor, caseId: string): Prisma.Sql {
  return Prisma.sql`SELECT c.id, c."createdAt", c.status, c.version, c.intake, c."instrumentItems", c.recommendation,
      c."rulesVersion", c."computedLevel", c."computedWm", c."finalLevel", c."finalWm",
      cb."displayName" AS "createdByName", a."displayName" AS "assignedToName",
      (SELECT coalesce(json_agg(json_build_object('id', o.id, 'at', ${epochMs('o.at')}, 'byName', ob."displayName",
          'previousLevel', o."previousLevel", 'previousWm', o."previousWm", 'level', o.level, 'wm', o.wm,
          'reason', o.reason) ORDER BY o.at DESC, o.id DESC), '[]')
        FROM "CaseOverride" o JOIN "StaffUser" ob ON ob.id = o."byId" WHERE o."caseId" = c.id) AS overrides,
      (SELECT coalesce(json_agg(json_build_object('id', n.id, 'createdAt', ${epochMs('n."createdAt"')},
          'authorName', nb."displayName", 'body', n.body) ORDER BY n."createdAt" ASC, n.id ASC), '[]')
        FROM "CaseNote" n JOIN "StaffUser" nb ON nb.id = n."authorId" WHERE n."caseId" = c.id) AS notes
    FROM "Case" c JOIN "StaffUser" cb ON cb.id = c."createdById" LEFT JOIN "StaffUser" a ON a.id = c."assignedToId"
    WHERE c.id = ${caseId}::uuid AND ${caseAccessSql(actor, 'c')}`;
}

/** One case with its history. Every successful read is recorded as case.view. */
export async function getCase(
  actor: AccessActor,
  caseId: unknown,
  options: { readonly db?: PrismaClient } = {},
): Promise<Outcome<{ case: CaseDetail }>> {
  const db = options.db ?? getPrisma();
  if (!can(actor.role, 'case:read'))
    return deny(
      db,
      actor,
      AUDIT_ACTIONS.CASE_VIEW,
      isUuid(caseId) ? { entityType: 'Case', entityId: caseId } : undefined,
    );
  if (!isUuid(caseId)) return fail('not_found', NOT_FOUND);

  // One statement: the case, its creator's and assignee's names, and its overrides and notes with
  // their authors as JSON aggregates, under the need-to-know condition (caseAccessSql, the same
  // rule as caseAccessWhere). A case outside the actor's access reads exactly like a missing one.
  const row = (await db.$queryRaw<CaseRow[]>(caseDetailSql(actor, caseId)))[0] ?? null;
  if (row === null) {
    // Only the audit log (supervisors) tells a refusal from a missing case.
    const exists = (await db.case.findUnique({ where: { id: caseId }, select: { id: true } })) !== null;
    await appendAuditEvent(
      {
        actorId: actor.id,
        action: AUDIT_ACTIONS.CASE_VIEW,
        entityType: 'Case',
        entityId: caseId,
        outcome: exists ? 'DENIED' : 'FAILURE',
        detail: exists ? { reason: 'need_to_know', role: actor.role } : { reason: 'not_found' },
      },
      { db: db },
    );
    return fail('not_found', NOT_FOUND);
  }
  // Written only by createCase after validation; checked again as it is read back, so a damaged
  // row is reported, never shown half-broken.
  const intake = parseStoredIntake(row.intake, row.createdAt);
  const recommendation = StoredRecommendationSchema.safeParse(row.recommendation);
  if (
    !intake.success ||
    !recommendation.success ||
    !versionsAgree(intake.data, recommendation.data.rulesVersion, row.rulesVersion)
  ) {
    await appendAuditEvent(
      {
        actorId: actor.id,
        action: AUDIT_ACTIONS.CASE_VIEW,
        entityType: 'Case',
        entityId: row.id,
        outcome: 'FAILURE',
        detail: { reason: 'stored_data_unreadable' },
      },
      { db: db },
    );
    return fail(
      'invalid',
      'This case’s stored answers cannot be read. Nothing is shown rather than something wrong; ask an administrator to check the database.',
    );
  }
  await appendAuditEvent(
    { actorId: actor.id, action: AUDIT_ACTIONS.CASE_VIEW, entityType: 'Case', entityId: row.id, outcome: 'SUCCESS' },
    { db: db },
  );

  return {
    ok: true,
    case: {
      id: row.id,
      createdAt: row.createdAt,
      createdByName: row.createdByName,
      assignedToName: row.assignedToName,
      status: row.status,
      version: row.version,
      intake: intake.data,
      instrumentItems: (row.instrumentItems ?? null) as InstrumentItems | null,
      recommendation: recommendation.data as AnyPlacementRecommendation,
      rulesVersion: row.rulesVersion,
      computedLevel: row.computedLevel,
      computedWm: row.computedWm,
      finalLevel: row.finalLevel,
      finalWm: row.finalWm,
      overrides: row.overrides.map((entry) => ({
        id: entry.id,
        at: new Date(entry.at),
        byName: entry.byName,
        previousLevel: entry.previousLevel,
        previousWm: entry.previousWm,
        level: entry.level,
        wm: entry.wm,
        reason: entry.reason,
      })),
      notes: row.notes.map((note) => ({
        id: note.id,
        createdAt: new Date(note.createdAt),
        authorName: note.authorName,
        body: note.body,
      })),
    },
  };
}

/**
 * Each stored intake is read with the schema of its own version (`intakeVersion: 2` → v2, none →
 * v1). Today's schemas (built once a day) accept nearly every stored intake; only one that has
 * since crossed a date limit (an age over 120) needs the schemas of the day it was stored.
 */
function parseStoredIntake(value: unknown, storedAt: Date) {
  const today = parseIntake(value, { today: localCalendarDate(new Date()) });
  return today.success ? today : makeAnyIntakeSchema({ today: localCalendarDate(storedAt) }).safeParse(value);
}

/** A v1 intake is scored by v1 rules and a v2 intake by v2; the row's column says the same. */
function versionsAgree(intake: AnyIntake, recommendationVersion: string, columnVersion: string): boolean {
  const expected = 'intakeVersion' in intake && intake.intakeVersion === 2 ? RULES_VERSION_V2 : RULES_VERSION;
  return recommendationVersion === expected && columnVersion === expected;
}
