import 'server-only';

import { z } from 'zod';

import { AUDIT_ACTIONS, type AuditAction } from '@/lib/audit/event-names';
import { appendAuditEvent } from '@/lib/audit/append';
import { can } from '@/lib/auth/permissions';
import { getPrisma } from '@/lib/db/client';
import type { DbClient } from '@/lib/db/types';
import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client';

import { deny } from './audit-denial';
import { INTAKE_SECTIONS, isIntakeSectionId, type IntakeSectionId } from '@/lib/intake/form/sections';
import { AnyFormValuesSchema } from '@/lib/intake/form/any-values';
import { fitFormValuesToLimits, type TooLongAnswer } from '@/lib/intake/form/text-limits';
import type { IntakeFormValues } from '@/lib/intake/form/values';
import { isUuid, type CaseActor } from './actor';
import { fail, type Outcome } from '@/lib/outcome';

/**
 * Intake drafts: what staff typed, saved as they go. A draft belongs to its author alone — every
 * query names the author, and someone else's draft reads as "not found" (and leaves a DENIED
 * trace). Saves name the version they started from, so a stale tab is told "not saved" instead
 * of silently overwriting newer answers.
 */

/**
 * What the data column holds. `formVersion` 2 holds v2 form values (intake v2); a draft saved by
 * the v1 form (`formVersion` 1) is read with the v1 shape and upgraded, so it opens in the v2 form,
 * and its next save is stored as `formVersion` 2.
 */
const StoredDraftSchema = z.object({
  formVersion: z.union([z.literal(1), z.literal(2)]),
  section: z.string(),
  values: AnyFormValuesSchema,
});

export interface DraftSnapshot {
  readonly id: string;
  readonly version: number;
  readonly updatedAt: Date;
  readonly section: IntakeSectionId;
  readonly values: IntakeFormValues;
}

export interface DraftSummary {
  readonly id: string;
  readonly updatedAt: Date;
  /** "Lee, Jordan" or "Unnamed patient": only the author ever sees their drafts. */
  readonly patientLabel: string;
  /** As typed in the draft (it may be incomplete); null when not answered yet. */
  readonly dateOfBirth: string | null;
  readonly mrn: string | null;
  /** The title of the section the author was on when it was last saved. */
  readonly sectionTitle: string;
}

export interface DraftServiceOptions {
  readonly db?: PrismaClient;
}

const NOT_FOUND = 'That draft does not exist, or it is not yours. Drafts belong to the person who started them.';
const MANY_NOT_FOUND =
  'One of the chosen drafts no longer exists or is not yours (reload the list). Nothing was discarded.';

/** The DENIED trace left for a draft id that is not the actor's draft (or no draft at all). */
async function auditNotOwnDraft(db: DbClient, actor: CaseActor, action: AuditAction, draftId: string): Promise<void> {
  await appendAuditEvent(
    {
      actorId: actor.id,
      action,
      entityType: 'IntakeDraft',
      entityId: draftId,
      outcome: 'DENIED',
      detail: { reason: 'not_found_or_not_author' },
    },
    { db },
  );
}

export interface SaveDraftInput {
  /** null: a new draft. */
  readonly draftId: string | null;
  /** The version this save started from; ignored for a new draft. */
  readonly expectedVersion: number | null;
  readonly values: unknown;
  readonly section: unknown;
}

export async function saveDraft(
  actor: CaseActor,
  input: SaveDraftInput,
  options: DraftServiceOptions = {},
): Promise<Outcome<{ draftId: string; version: number; savedAt: Date; tooLong: TooLongAnswer[] }>> {
  const db = options.db ?? getPrisma();
  if (!can(actor.role, 'case:create')) return deny(db, actor, AUDIT_ACTIONS.DRAFT_SAVE);
  // A text answer over its limit is kept cut to the limit and reported (the form marks the field),
  // so one long name never stops the rest of the draft from being saved.
  // v1 values (a draft from before intake v2) are upgraded; v2 values over a limit are cut.
  const anyVersion = AnyFormValuesSchema.safeParse(input.values);
  const values = anyVersion.success
    ? { ok: true as const, values: anyVersion.data, tooLong: [] as TooLongAnswer[] }
    : fitFormValuesToLimits(input.values);
  if (!values.ok)
    return fail(
      'invalid',
      `The draft holds answers the form does not know (${values.paths.slice(0, 5).join(', ')}). Reload the page. Not saved.`,
    );
  const { tooLong } = values;
  // How many answers were cut (a count, never the answers), only when some were.
  const cutDetail: Record<string, number> = tooLong.length > 0 ? { cutToLimit: tooLong.length } : {};
  const section = isIntakeSectionId(input.section) ? input.section : INTAKE_SECTIONS[0].id;
  const data = { formVersion: 2, section, values: values.values } satisfies z.input<typeof StoredDraftSchema>;
  const json = data as unknown as Prisma.InputJsonValue;

  if (input.draftId === null) {
    return db.$transaction(async (tx) => {
      const created = await tx.intakeDraft.create({
        data: { authorId: actor.id, data: json },
        select: { id: true, version: true, updatedAt: true },
      });
      await appendAuditEvent(
        {
          actorId: actor.id,
          action: AUDIT_ACTIONS.DRAFT_SAVE,
          entityType: 'IntakeDraft',
          entityId: created.id,
          outcome: 'SUCCESS',
          detail: { version: created.version, created: true, ...cutDetail },
        },
        { db: tx },
      );
      return {
        ok: true as const,
        draftId: created.id,
        version: created.version,
        savedAt: created.updatedAt,
        tooLong,
      };
    });
  }

  const { draftId, expectedVersion } = input;
  if (!isUuid(draftId)) return fail('not_found', NOT_FOUND);
  if (expectedVersion === null || !Number.isInteger(expectedVersion))
    return fail('invalid', 'The save did not say which version it started from. Reload the page. Not saved.');

  return db.$transaction(async (tx) => {
    const { count } = await tx.intakeDraft.updateMany({
      where: { id: draftId, authorId: actor.id, version: expectedVersion },
      data: { data: json, version: { increment: 1 } },
    });
    if (count === 0) {
      const current = await tx.intakeDraft.findFirst({
        where: { id: draftId, authorId: actor.id },
        select: { version: true },
      });
      if (current === null) {
        await auditNotOwnDraft(tx, actor, AUDIT_ACTIONS.DRAFT_SAVE, draftId);
        return fail('not_found', NOT_FOUND);
      }
      return fail(
        'conflict',
        'Not saved: this draft was changed in another tab or window since this page loaded. Reload to continue from the newest answers.',
      );
    }
    const saved = await tx.intakeDraft.findUniqueOrThrow({
      where: { id: draftId },
      select: { version: true, updatedAt: true },
    });
    await appendAuditEvent(
      {
        actorId: actor.id,
        action: AUDIT_ACTIONS.DRAFT_SAVE,
        entityType: 'IntakeDraft',
        entityId: draftId,
        outcome: 'SUCCESS',
        detail: { version: saved.version, ...cutDetail },
      },
      { db: tx },
    );
    return { ok: true as const, draftId, version: saved.version, savedAt: saved.updatedAt, tooLong };
  });
}

/** Opens one of the actor's drafts (audited: a draft holds patient data). */
export async function loadDraft(
  actor: CaseActor,
  draftId: unknown,
  options: DraftServiceOptions = {},
): Promise<Outcome<{ draft: DraftSnapshot }>> {
  const db = options.db ?? getPrisma();
  if (!can(actor.role, 'case:create')) return deny(db, actor, AUDIT_ACTIONS.DRAFT_VIEW);
  if (!isUuid(draftId)) return fail('not_found', NOT_FOUND);
  const row = await db.intakeDraft.findFirst({
    where: { id: draftId, authorId: actor.id },
    select: { id: true, version: true, updatedAt: true, data: true },
  });
  if (row === null) {
    await auditNotOwnDraft(db, actor, AUDIT_ACTIONS.DRAFT_VIEW, draftId);
    return fail('not_found', NOT_FOUND);
  }
  const stored = StoredDraftSchema.safeParse(row.data);
  if (!stored.success)
    return fail('invalid', 'This draft was saved by an older version of the form and cannot be opened.');
  await appendAuditEvent(
    {
      actorId: actor.id,
      action: AUDIT_ACTIONS.DRAFT_VIEW,
      entityType: 'IntakeDraft',
      entityId: row.id,
      outcome: 'SUCCESS',
    },
    { db: db },
  );
  return {
    ok: true,
    draft: {
      id: row.id,
      version: row.version,
      updatedAt: row.updatedAt,
      section: isIntakeSectionId(stored.data.section) ? stored.data.section : INTAKE_SECTIONS[0].id,
      values: stored.data.values,
    },
  };
}

/** The actor's drafts, newest first (for "continue where you left off", told apart at a glance). */
export async function listDrafts(
  actor: CaseActor,
  options: DraftServiceOptions & { readonly limit?: number } = {},
): Promise<DraftSummary[]> {
  const db = options.db ?? getPrisma();
  if (!can(actor.role, 'case:create')) return [];
  // Only what tells drafts apart is read out of the JSON, in the database.
  const rows = await db.$queryRaw<
    {
      id: string;
      updatedAt: Date;
      firstName: string | null;
      lastName: string | null;
      dateOfBirth: string | null;
      mrn: string | null;
      section: string | null;
    }[]
  >`
    SELECT id, "updatedAt",
      data #>> '{values,patient,firstName}' AS "firstName", data #>> '{values,patient,lastName}' AS "lastName",
      data #>> '{values,patient,dateOfBirth}' AS "dateOfBirth", data #>> '{values,patient,mrn}' AS "mrn",
      data ->> 'section' AS "section"
    FROM "IntakeDraft" WHERE "authorId" = ${actor.id}::uuid ORDER BY "updatedAt" DESC LIMIT ${options.limit ?? 20}`;
  return rows.map((row) => ({
    id: row.id,
    updatedAt: row.updatedAt,
    patientLabel: draftLabel(row.firstName, row.lastName),
    dateOfBirth: answered(row.dateOfBirth),
    mrn: answered(row.mrn),
    sectionTitle: sectionTitleOf(row.section),
  }));
}

function answered(value: string | null): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

function sectionTitleOf(section: string | null): string {
  const id = section !== null && isIntakeSectionId(section) ? section : INTAKE_SECTIONS[0].id;
  return INTAKE_SECTIONS.find((candidate) => candidate.id === id)?.title ?? INTAKE_SECTIONS[0].title;
}

function draftLabel(firstName: string | null, lastName: string | null): string {
  const first = firstName?.trim() ?? '';
  const last = lastName?.trim() ?? '';
  if (first === '' && last === '') return 'Unnamed patient';
  return [last, first].filter((part) => part !== '').join(', ');
}

/** Discards one of the actor's drafts. */
export async function deleteDraft(
  actor: CaseActor,
  draftId: unknown,
  options: DraftServiceOptions = {},
): Promise<Outcome<object>> {
  const result = await deleteDrafts(actor, [draftId], options);
  return result.ok ? { ok: true } : result;
}

/** At most this many drafts are discarded in one go (the list shows 20). */
export const MAX_DRAFTS_PER_DISCARD = 50;

/**
 * Discards several of the actor's drafts at once, all or nothing: if any named draft is not the
 * actor's (or no longer exists), none is deleted and the answer says so, so a stale list never
 * leaves the author unsure which drafts are gone. Each deletion is audited.
 */
export async function deleteDrafts(
  actor: CaseActor,
  draftIds: readonly unknown[],
  options: DraftServiceOptions = {},
): Promise<Outcome<{ deleted: number }>> {
  const db = options.db ?? getPrisma();
  if (!can(actor.role, 'case:create')) return deny(db, actor, AUDIT_ACTIONS.DRAFT_DELETE);
  const ids = [...new Set(draftIds)];
  if (ids.length === 0) return fail('invalid', 'No draft was chosen. Nothing was discarded.');
  if (ids.length > MAX_DRAFTS_PER_DISCARD)
    return fail('invalid', `At most ${MAX_DRAFTS_PER_DISCARD} drafts can be discarded at once. Nothing was discarded.`);
  if (!ids.every(isUuid)) return fail('not_found', NOT_FOUND);
  try {
    const deleted = await db.$transaction(async (tx) => {
      const { count } = await tx.intakeDraft.deleteMany({ where: { id: { in: ids }, authorId: actor.id } });
      // Short: some draft is not the actor's or is gone. Throwing rolls the deletions back.
      if (count !== ids.length) throw new DraftDiscardRefused();
      for (const id of ids) {
        await appendAuditEvent(
          {
            actorId: actor.id,
            action: AUDIT_ACTIONS.DRAFT_DELETE,
            entityType: 'IntakeDraft',
            entityId: id,
            outcome: 'SUCCESS',
          },
          { db: tx },
        );
      }
      return count;
    });
    return { ok: true, deleted };
  } catch (error) {
    if (!(error instanceof DraftDiscardRefused)) throw error;
  }
  // Nothing was deleted. Leave a DENIED trace for each id that is not the actor's draft.
  const own = await db.intakeDraft.findMany({ where: { id: { in: ids }, authorId: actor.id }, select: { id: true } });
  const ownIds = new Set(own.map((row) => row.id));
  for (const id of ids.filter((candidate) => !ownIds.has(candidate)))
    await auditNotOwnDraft(db, actor, AUDIT_ACTIONS.DRAFT_DELETE, id);
  return fail('not_found', ids.length === 1 ? NOT_FOUND : MANY_NOT_FOUND);
}

class DraftDiscardRefused extends Error {}
