import 'server-only';

import { z } from 'zod';

import { AUDIT_ACTIONS } from '@/lib/audit/event-names';
import { appendAuditEvent } from '@/lib/audit/append';
import { can } from '@/lib/auth/permissions';
import { getPrisma } from '@/lib/db/client';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { fail, type Outcome } from '@/lib/outcome';

import { type AccessActor } from './access';
import { isUuid } from './actor';
import { deny } from './audit-denial';

// "Break the glass" (issue 9, item 3): anyone with case:read may open a case outside their
// need-to-know by giving a reason. The grant lasts for that case for the rest of the session it
// was given in (keyed by the session's sign-in time, see AccessActor). The reason is free text
// typed by staff and may well name the patient or clinical facts, which docs/security.md keeps
// out of AuditEvent.detail: it is stored on the grant, and the case.break_glass event names the
// grant by id.

export const BREAK_GLASS_REASON_MIN = 10;
export const BREAK_GLASS_REASON_MAX = 1000;

export const BreakGlassReasonSchema = z
  .string()
  .trim()
  .min(BREAK_GLASS_REASON_MIN, `Give a reason of at least ${BREAK_GLASS_REASON_MIN} characters`)
  .max(BREAK_GLASS_REASON_MAX, `Keep the reason under ${BREAK_GLASS_REASON_MAX} characters`);

/** Records the grant and its audit event together. */
export async function breakTheGlass(
  actor: AccessActor,
  input: { readonly caseId: unknown; readonly reason: unknown },
  options: { readonly db?: PrismaClient } = {},
): Promise<Outcome<{ readonly grantId: string }, 'reason'>> {
  const db = options.db ?? getPrisma();
  const entity = isUuid(input.caseId) ? { entityType: 'Case' as const, entityId: input.caseId } : undefined;
  if (!can(actor.role, 'case:read')) return deny(db, actor, AUDIT_ACTIONS.CASE_BREAK_GLASS, entity);
  if (!isUuid(input.caseId)) return fail('not_found', 'There is no case with that id.');
  const session = actor.sessionStartedAt;
  if (!(session instanceof Date) || !Number.isFinite(session.getTime()))
    return fail('unauthenticated', 'Sign in again to open this case.');
  const reason = BreakGlassReasonSchema.safeParse(input.reason);
  if (!reason.success)
    return fail('invalid', 'Access was not granted: a reason is required.', {
      fieldErrors: { reason: reason.error.issues.map((issue) => issue.message) },
    });
  const caseId = input.caseId;

  return db.$transaction(async (tx) => {
    const exists = await tx.case.findUnique({ where: { id: caseId }, select: { id: true } });
    if (exists === null) return fail<'reason'>('not_found', 'There is no case with that id.');
    const grant = await tx.breakGlassGrant.create({
      data: { caseId, staffId: actor.id, sessionStartedAt: session, reason: reason.data },
      select: { id: true },
    });
    await appendAuditEvent(
      {
        actorId: actor.id,
        action: AUDIT_ACTIONS.CASE_BREAK_GLASS,
        entityType: 'Case',
        entityId: caseId,
        outcome: 'SUCCESS',
        detail: { grantId: grant.id, role: actor.role, reasonLength: reason.data.length },
      },
      { db: tx },
    );
    return { ok: true as const, grantId: grant.id };
  });
}

export interface BreakGlassEntry {
  readonly id: string;
  readonly at: Date;
  readonly caseId: string;
  readonly staffName: string;
  readonly staffRole: string;
  readonly reason: string;
}

const REVIEW_LIMIT = 200;

/** The newest break-the-glass grants, for supervisors (case:access_review). Audited as audit.view. */
export async function listBreakGlassGrants(
  actor: AccessActor,
  options: { readonly db?: PrismaClient } = {},
): Promise<Outcome<{ readonly entries: readonly BreakGlassEntry[] }>> {
  const db = options.db ?? getPrisma();
  if (!can(actor.role, 'case:access_review')) return deny(db, actor, AUDIT_ACTIONS.AUDIT_VIEW);
  const rows = await db.breakGlassGrant.findMany({
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: REVIEW_LIMIT,
    select: {
      id: true,
      createdAt: true,
      caseId: true,
      reason: true,
      staff: { select: { displayName: true, role: true } },
    },
  });
  await appendAuditEvent(
    {
      actorId: actor.id,
      action: AUDIT_ACTIONS.AUDIT_VIEW,
      entityType: 'BreakGlassGrant',
      outcome: 'SUCCESS',
      detail: { view: 'break_glass', resultCount: rows.length },
    },
    { db },
  );
  return {
    ok: true,
    entries: rows.map((row) => ({
      id: row.id,
      at: row.createdAt,
      caseId: row.caseId,
      staffName: row.staff.displayName,
      staffRole: row.staff.role,
      reason: row.reason,
    })),
  };
}
