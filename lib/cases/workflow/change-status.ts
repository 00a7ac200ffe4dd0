import 'server-only';

import { z } from 'zod';

import { AUDIT_ACTIONS } from '@/lib/audit/event-names';
import { appendAuditEvent } from '@/lib/audit/append';
import { can } from '@/lib/auth/permissions';
import { getPrisma } from '@/lib/db/client';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { fail, fieldErrorsOf, OUTCOME_MESSAGES, type Outcome } from '@/lib/outcome';

import { caseAccessWhere, type AccessActor } from '../access';
import { isUuid } from '../actor';
import { deny } from '../audit-denial';
import { staleCaseFailure, updateCaseAtVersion } from '../case-version';
import { CASE_STATUSES, type CaseStatusValue } from '../status';
import { checkStatusChange, type StatusChangeField } from './transitions';

export const StatusChangeInputSchema = z.object({
  caseId: z.string(),
  expectedVersion: z.coerce
    .number({ error: 'The form did not say which version of the case it shows. Reload the page.' })
    .int()
    .min(0),
  toStatus: z.enum(CASE_STATUSES, { error: 'Choose the new status' }),
  reason: z.string().default(''),
  reasonCode: z.string().default(''),
});

export type StatusChangeOutcome = Outcome<
  { readonly version: number; readonly from: CaseStatusValue; readonly to: CaseStatusValue },
  StatusChangeField | 'expectedVersion'
>;

const NOT_FOUND = 'There is no case with that id.';

/**
 * Moves a case to another status, as lib/cases/workflow/transitions.ts allows for the actor's
 * role, with who, when and the reason kept as an append-only CaseStatusChange and audited as
 * case.status_change in the same transaction. Refused, with nothing written, when the case changed
 * since the form was loaded. A move the role may not make is refused and audited as DENIED.
 */
export async function changeCaseStatus(
  actor: AccessActor,
  input: unknown,
  options: { readonly db?: PrismaClient } = {},
): Promise<StatusChangeOutcome> {
  const db = options.db ?? getPrisma();
  const rawId = (input as { caseId?: unknown } | null)?.caseId;
  const entity = isUuid(rawId) ? { entityType: 'Case' as const, entityId: rawId } : undefined;
  if (!can(actor.role, 'case:status')) return deny(db, actor, AUDIT_ACTIONS.CASE_STATUS_CHANGE, entity);

  const parsed = StatusChangeInputSchema.safeParse(input);
  if (!parsed.success)
    return fail('invalid', 'The status was not changed. Check the fields marked below.', {
      fieldErrors: fieldErrorsOf<StatusChangeField | 'expectedVersion'>(parsed.error),
    });
  const { caseId, expectedVersion, toStatus } = parsed.data;
  if (!isUuid(caseId)) return fail('not_found', NOT_FOUND);

  // Need-to-know (lib/cases/access.ts): a case outside the actor's access reads as not found.
  const current = await db.case.findFirst({
    where: { AND: [{ id: caseId }, caseAccessWhere(actor)] },
    select: { status: true, version: true },
  });
  if (current === null) return fail('not_found', NOT_FOUND);
  // The status read here is the one the move is checked against; the update below only happens
  // if the version (and so the status) is still the one read.
  if (current.version !== expectedVersion) return staleCaseFailure();
  const check = checkStatusChange(actor.role, current.status, {
    to: toStatus,
    reason: parsed.data.reason,
    reasonCode: parsed.data.reasonCode,
  });
  if (!check.ok && check.refusal === 'role') {
    await deny(db, actor, AUDIT_ACTIONS.CASE_STATUS_CHANGE, { entityType: 'Case', entityId: caseId });
    return fail('forbidden', OUTCOME_MESSAGES.forbidden);
  }
  if (!check.ok && check.refusal === 'missing')
    return fail('invalid', check.message, { fieldErrors: check.fieldErrors });
  if (!check.ok) return fail('invalid', check.message, { fieldErrors: { toStatus: [check.message] } });

  return db.$transaction(async (tx): Promise<StatusChangeOutcome> => {
    const written = await updateCaseAtVersion(tx, caseId, expectedVersion, { status: toStatus });
    if (!written.ok) return written;
    await tx.caseStatusChange.create({
      data: {
        caseId,
        byId: actor.id,
        fromStatus: current.status,
        toStatus,
        reason: check.reason,
        reasonCode: check.reasonCode,
      },
    });
    await appendAuditEvent(
      {
        actorId: actor.id,
        action: AUDIT_ACTIONS.CASE_STATUS_CHANGE,
        entityType: 'Case',
        entityId: caseId,
        outcome: 'SUCCESS',
        // The reason text can name the patient: it stays in CaseStatusChange, never in the log.
        detail: {
          from: current.status,
          to: toStatus,
          kind: check.transition.kind,
          reasonCode: check.reasonCode,
          version: written.version,
        },
      },
      { db: tx },
    );
    return { ok: true as const, version: written.version, from: current.status, to: toStatus };
  });
}
