import 'server-only';

import { AUDIT_ACTIONS } from '@/lib/audit/event-names';
import { appendAuditEvent } from '@/lib/audit/append';
import { can } from '@/lib/auth/permissions';
import { getPrisma } from '@/lib/db/client';
import { calendarDateOf } from '@/lib/format/date-time';
import type { DbClient } from '@/lib/db/types';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { scoreItems } from '@/lib/instruments';
import { formatIntakeIssues, parseIntake, type AnyIntake, type CalendarDate } from '@/lib/intake';
import { recommendPlacement } from '@/lib/placement';

import { deny } from './audit-denial';
import { sectionOfPath } from '@/lib/intake/form/sections';
import { formValuesToIntake, type FormIssue, type InstrumentItems } from '@/lib/intake/form/to-intake';
import { ITEMIZED_INSTRUMENTS, type ItemizedInstrumentKey } from '@/lib/intake/form/values';
import { isUuid, type CaseActor } from './actor';
import { fail, type Outcome } from '@/lib/outcome';
import { INTAKE_FORM_MESSAGES, assessmentColumns, caseOnlyColumns, readIntakeFormValues } from './assessment-columns';

export interface CreateCaseInput {
  /** Checked here with the intake schema: never trusted because a caller says it is valid. */
  readonly intake: unknown;
  /** Item answers the intake's instrument totals were summed from; each must add up to its total. */
  readonly instrumentItems?: InstrumentItems;
  /** The actor's draft this intake came from: deleted in the same transaction. */
  readonly draftId?: string | null;
}

export interface CaseServiceOptions {
  readonly db?: PrismaClient;
  /** YYYY-MM-DD; tests fix it. Leave out for the server's date. */
  readonly today?: CalendarDate;
}

const INSTRUMENT_SECTION: Readonly<Record<ItemizedInstrumentKey, 'withdrawal' | 'mentalHealth'>> = {
  ciwaAr: 'withdrawal',
  cows: 'withdrawal',
  phq9: 'mentalHealth',
  gad7: 'mentalHealth',
};

/** Item answers must be complete, valid and add up to the total stored in the intake. */
export function checkInstrumentItems(intake: AnyIntake, items: InstrumentItems): string[] {
  const problems: string[] = [];
  for (const key of Object.keys(items) as ItemizedInstrumentKey[]) {
    const answers = items[key];
    if (!answers || !(key in ITEMIZED_INSTRUMENTS)) continue;
    const result = scoreItems(ITEMIZED_INSTRUMENTS[key], answers);
    const section = intake[INSTRUMENT_SECTION[key]] as Record<string, unknown>;
    if (!result.ok) problems.push(...result.problems.map((problem) => problem.message));
    else if (section[key] !== result.score.total) {
      problems.push(
        `${ITEMIZED_INSTRUMENTS[key].name}: the items add up to ${result.score.total}, not the total given`,
      );
    }
  }
  return problems;
}

/**
 * Stores a case: the validated intake, the recommendation computed here (rules version and time
 * with it), the patient fields copied out for the list, and a case.create audit event — all in
 * one transaction, so a case never exists without its trace.
 */
export async function createCase(
  actor: CaseActor,
  input: CreateCaseInput,
  options: CaseServiceOptions = {},
): Promise<Outcome<{ caseId: string }, string, FormIssue>> {
  const db = options.db ?? getPrisma();
  if (!can(actor.role, 'case:create')) return deny(db, actor, AUDIT_ACTIONS.CASE_CREATE);

  // Either version, each with its own schema (no intakeVersion → v1, intakeVersion 2 → v2); the
  // recommendation below is scored by that version's rules.
  const parsed = parseIntake(input.intake, options.today === undefined ? {} : { today: options.today });
  if (!parsed.success) {
    const issues = formatIntakeIssues(parsed.error).map((issue) => ({ ...issue, section: sectionOfPath(issue.path) }));
    return fail('invalid', INTAKE_FORM_MESSAGES.invalidIntake, {
      issues,
    });
  }
  const intake = parsed.data;
  const instrumentItems = input.instrumentItems ?? {};
  const itemProblems = checkInstrumentItems(intake, instrumentItems);
  if (itemProblems.length > 0) {
    return fail('invalid', INTAKE_FORM_MESSAGES.itemsMismatch, {
      issues: itemProblems.map((message) => ({ path: '', message, section: 'review' as const })),
    });
  }
  const draftId = input.draftId ?? null;
  if (draftId !== null && !isUuid(draftId)) return fail('not_found', 'That draft does not exist. Nothing was saved.');

  // Computed here, from the validated intake only: nothing a browser sends about it is read.
  const recommendation = recommendPlacement(intake);
  const { patient } = intake;
  const assessment = assessmentColumns(intake, instrumentItems, recommendation);

  const caseId = await db.$transaction(async (tx) => {
    const created = await tx.case.create({
      data: { createdById: actor.id, ...caseOnlyColumns(patient, recommendation), ...assessment },
      select: { id: true, createdAt: true },
    });
    // The case's first assessment (issue 9: re-assessments append 2, 3, …).
    await tx.caseAssessment.create({
      data: {
        caseId: created.id,
        sequence: 1,
        at: created.createdAt,
        byId: actor.id,
        ...assessment,
      },
    });
    await appendAuditEvent(
      {
        actorId: actor.id,
        action: AUDIT_ACTIONS.CASE_CREATE,
        entityType: 'Case',
        entityId: created.id,
        outcome: 'SUCCESS',
        detail: { rulesVersion: recommendation.rulesVersion, fromDraft: draftId !== null },
      },
      { db: tx },
    );
    if (draftId !== null) await deleteSubmittedDraft(tx, actor, draftId, created.id);
    return created.id;
  });
  return { ok: true, caseId };
}

/** The draft became a case: remove it (only if it is the actor's) and say why in the audit log. */
async function deleteSubmittedDraft(tx: DbClient, actor: CaseActor, draftId: string, caseId: string): Promise<void> {
  const { count } = await tx.intakeDraft.deleteMany({ where: { id: draftId, authorId: actor.id } });
  if (count === 0) return;
  await appendAuditEvent(
    {
      actorId: actor.id,
      action: AUDIT_ACTIONS.DRAFT_DELETE,
      entityType: 'IntakeDraft',
      entityId: draftId,
      outcome: 'SUCCESS',
      detail: { submittedAs: caseId },
    },
    { db: tx },
  );
}

/**
 * Submits the intake form: shape-checks what the browser sent, sums the instruments, validates
 * the intake and stores the case. Anything else in the request (a "recommendation", say) is
 * never read.
 */
export async function submitIntakeForm(
  actor: CaseActor,
  input: { readonly values: unknown; readonly draftId?: unknown },
  options: CaseServiceOptions = {},
): Promise<Outcome<{ caseId: string }, string, FormIssue>> {
  const db = options.db ?? getPrisma();
  if (!can(actor.role, 'case:create')) return deny(db, actor, AUDIT_ACTIONS.CASE_CREATE);
  // A v1 draft's values are upgraded; the case is always v2 (readIntakeFormValues says how).
  const values = readIntakeFormValues(input.values);
  if (values === null) return fail('invalid', INTAKE_FORM_MESSAGES.malformed);
  // The assessment day is today in the program's time zone (lib/format/date-time), for the form's
  // check and for createCase's own parse alike, so a server clock in another zone never disagrees.
  const today = options.today ?? calendarDateOf(new Date());
  const checked = formValuesToIntake(values, { today });
  if (!checked.ok) return fail('invalid', INTAKE_FORM_MESSAGES.incomplete, { issues: checked.issues });
  const draftId = typeof input.draftId === 'string' && input.draftId !== '' ? input.draftId : null;
  return createCase(
    actor,
    { intake: checked.intake, instrumentItems: checked.instrumentItems, draftId },
    { ...options, db, today },
  );
}
