import 'server-only';

import { AUDIT_ACTIONS } from '@/lib/audit/event-names';
import { appendAuditEvent } from '@/lib/audit/append';
import { can } from '@/lib/auth/permissions';
import { getPrisma } from '@/lib/db/client';
import { calendarDateOf } from '@/lib/format/date-time';
import { Prisma } from '@/lib/generated/prisma/client';
import { formatIntakeIssues, isIntakeV2, parseIntake } from '@/lib/intake';
import { sectionOfPath } from '@/lib/intake/form/sections';
import { formValuesToIntake, type FormIssue } from '@/lib/intake/form/to-intake';
import { fail, type Outcome } from '@/lib/outcome';
import { recommendPlacement } from '@/lib/placement';

import { caseAccessWhere, type AccessActor } from './access';
import { isUuid } from './actor';
import { deny } from './audit-denial';
import { staleCaseFailure, updateCaseAtVersion } from './case-version';
import { checkInstrumentItems, type CaseServiceOptions } from './create-case';
import { INTAKE_FORM_MESSAGES, assessmentColumns, caseOnlyColumns, readIntakeFormValues } from './assessment-columns';

export interface ReassessCaseInput {
  readonly caseId: unknown;
  /** The case version the form was loaded with. */
  readonly expectedVersion: unknown;
  /** The v2 form's values (v1 values from an old page are upgraded). */
  readonly values: unknown;
}

export type ReassessOutcome = Outcome<{ readonly sequence: number; readonly version: number }, string, FormIssue>;

const NOT_FOUND = 'There is no case with that id.';

/**
 * Records a new assessment of an existing case (issue 9 item 4): the intake form's answers,
 * validated as intake v2 on today's date, scored by today's rules (lib/placement), appended as the
 * next CaseAssessment — earlier ones are never changed — and made the case's current intake,
 * recommendation, levels and flags, at the version the form was loaded with. The new final levels
 * are the new computed ones (an earlier override was a judgement on the earlier assessment; it
 * stays in the override history). Audited as case.reassess in the same transaction.
 */
export async function reassessCase(
  actor: AccessActor,
  input: ReassessCaseInput,
  options: CaseServiceOptions = {},
): Promise<ReassessOutcome> {
  const db = options.db ?? getPrisma();
  const entity = isUuid(input.caseId) ? { entityType: 'Case' as const, entityId: input.caseId } : undefined;
  if (!can(actor.role, 'case:create')) return deny(db, actor, AUDIT_ACTIONS.CASE_REASSESS, entity);
  if (!isUuid(input.caseId)) return fail('not_found', NOT_FOUND);
  const caseId = input.caseId;
  const expectedVersion = typeof input.expectedVersion === 'number' ? input.expectedVersion : Number.NaN;
  if (!Number.isInteger(expectedVersion) || expectedVersion < 0)
    return fail('invalid', 'The form did not say which version of the case it shows. Reload the page.');

  // As submitting a new intake does: v1 values are upgraded; an over-long v2 answer is checked as typed.
  const values = readIntakeFormValues(input.values);
  if (values === null) return fail('invalid', INTAKE_FORM_MESSAGES.malformed);
  const today = options.today ?? calendarDateOf(new Date());
  const checked = formValuesToIntake(values, { today });
  if (!checked.ok) return fail('invalid', INTAKE_FORM_MESSAGES.incomplete, { issues: checked.issues });
  // Checked again as stored intakes are: with the schema of its version, which must be v2.
  const parsed = parseIntake(checked.intake, { today });
  if (!parsed.success || !isIntakeV2(parsed.data)) {
    const issues = parsed.success
      ? []
      : formatIntakeIssues(parsed.error).map((issue) => ({ ...issue, section: sectionOfPath(issue.path) }));
    return fail('invalid', INTAKE_FORM_MESSAGES.invalidIntake, {
      issues,
    });
  }
  const intake = parsed.data;
  const instrumentItems = checked.instrumentItems;
  const itemProblems = checkInstrumentItems(intake, instrumentItems);
  if (itemProblems.length > 0)
    return fail('invalid', INTAKE_FORM_MESSAGES.itemsMismatch, {
      issues: itemProblems.map((message) => ({ path: '', message, section: 'review' as const })),
    });

  // Computed here, from the validated intake only, by today's rules.
  const recommendation = recommendPlacement(intake);
  const { patient } = intake;
  const assessment = assessmentColumns(intake, instrumentItems, recommendation);

  // Need-to-know (lib/cases/access.ts): a case outside the actor's access reads as not found.
  const exists = await db.case.findFirst({
    where: { AND: [{ id: caseId }, caseAccessWhere(actor)] },
    select: { version: true },
  });
  if (exists === null) return fail('not_found', NOT_FOUND);
  if (exists.version !== expectedVersion) return staleCaseFailure();

  return db.$transaction(async (tx): Promise<ReassessOutcome> => {
    // First: refused here, nothing has been written (and the row lock orders concurrent re-assessments).
    const written = await updateCaseAtVersion(tx, caseId, expectedVersion, {
      ...caseOnlyColumns(patient, recommendation),
      ...assessment,
      // No item answers this time: the earlier assessment's are cleared from the case, not kept.
      instrumentItems: assessment.instrumentItems ?? Prisma.DbNull,
    });
    if (!written.ok) return written;
    const last = await tx.caseAssessment.aggregate({ where: { caseId }, _max: { sequence: true } });
    const sequence = (last._max.sequence ?? 0) + 1;
    await tx.caseAssessment.create({
      data: {
        caseId,
        sequence,
        byId: actor.id,
        ...assessment,
      },
    });
    await appendAuditEvent(
      {
        actorId: actor.id,
        action: AUDIT_ACTIONS.CASE_REASSESS,
        entityType: 'Case',
        entityId: caseId,
        outcome: 'SUCCESS',
        detail: { rulesVersion: recommendation.rulesVersion, sequence, version: written.version },
      },
      { db: tx },
    );
    return { ok: true as const, sequence, version: written.version };
  });
}
