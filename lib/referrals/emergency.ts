import 'server-only';

import { AUDIT_ACTIONS } from '@/lib/audit/event-names';
import { appendAuditEvent } from '@/lib/audit/append';
import { can } from '@/lib/auth/permissions';
import { caseAccessWhere, type AccessActor } from '@/lib/cases/access';
import { isUuid } from '@/lib/cases/actor';
import { deny } from '@/lib/cases/audit-denial';
import { getPrisma } from '@/lib/db/client';
import type { DbClient } from '@/lib/db/types';
import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client';
import { fail, fieldErrorsOf, type Outcome } from '@/lib/outcome';

import { wallTimeToInstant } from './wall-time';
import { EMERGENCY_FIELDS, EmergencyInputSchema, type EmergencyField } from './schemas';

// §2.51 medical emergency: a disclosure without consent, recorded with its reason, recipient and
// time and flagged in the audit log (disclosure.emergency, detail.flagged) and on the case page.
// CLINICIAN and up (case:consent).

export interface EmergencyDisclosureView {
  readonly id: string;
  readonly disclosedAt: Date;
  readonly recordedAt: Date;
  readonly recordedByName: string;
  readonly recipientName: string;
  readonly recipientContact: string | null;
  readonly reason: string;
  readonly information: string;
}

/** A case's §2.51 disclosures, newest first (also read by lib/cases/case-page-sections.ts). */
export const EMERGENCY_DISCLOSURE_QUERY = {
  orderBy: [{ disclosedAt: 'desc' }, { id: 'asc' }],
  select: {
    id: true,
    disclosedAt: true,
    recordedAt: true,
    recipientName: true,
    recipientContact: true,
    reason: true,
    information: true,
    recordedBy: { select: { displayName: true } },
  },
} as const satisfies Prisma.EmergencyDisclosureFindManyArgs;

export function toEmergencyDisclosureView({
  recordedBy,
  ...row
}: Prisma.EmergencyDisclosureGetPayload<{
  select: typeof EMERGENCY_DISCLOSURE_QUERY.select;
}>): EmergencyDisclosureView {
  return { ...row, recordedByName: recordedBy.displayName };
}

export async function listEmergencyDisclosures(
  actor: AccessActor,
  caseId: string,
  options: { readonly db?: DbClient } = {},
): Promise<readonly EmergencyDisclosureView[]> {
  if (!can(actor.role, 'case:read') || !isUuid(caseId)) return [];
  const db = options.db ?? getPrisma();
  const rows = await db.emergencyDisclosure.findMany({
    where: { caseId, case: caseAccessWhere(actor) },
    ...EMERGENCY_DISCLOSURE_QUERY,
  });
  return rows.map(toEmergencyDisclosureView);
}

/** Records a §2.51 disclosure without consent, with a flagged disclosure.emergency audit event. */
export async function recordEmergencyDisclosure(
  actor: AccessActor,
  input: Readonly<Record<EmergencyField, string>>,
  options: { readonly db?: PrismaClient; readonly now?: Date; readonly timeZone?: string } = {},
): Promise<Outcome<{ readonly disclosureId: string }, EmergencyField>> {
  const db = options.db ?? getPrisma();
  const now = options.now ?? new Date();
  const entity = isUuid(input.caseId) ? { entityType: 'Case' as const, entityId: input.caseId } : undefined;
  if (!can(actor.role, 'case:consent')) return deny(db, actor, AUDIT_ACTIONS.DISCLOSURE_EMERGENCY, entity);
  if (!isUuid(input.caseId)) return fail('not_found', 'There is no case with that id.');
  const parsed = EmergencyInputSchema.safeParse(
    Object.fromEntries(
      EMERGENCY_FIELDS.filter((field) => field !== 'caseId').map((field) => [field, input[field] ?? '']),
    ),
  );
  if (!parsed.success)
    return fail('invalid', 'The emergency disclosure was not saved. Check the fields marked below.', {
      fieldErrors: fieldErrorsOf<EmergencyField>(parsed.error),
    });
  const data = parsed.data;
  const disclosedAt = data.disclosedAt === '' ? now : wallTimeToInstant(data.disclosedAt, options.timeZone);
  if (!Number.isFinite(disclosedAt.getTime()) || disclosedAt.getTime() > now.getTime() + 60_000)
    return fail('invalid', 'The emergency disclosure was not saved. Check the fields marked below.', {
      fieldErrors: { disclosedAt: ['The time of disclosure cannot be in the future'] },
    });
  const caseId = input.caseId;

  return db.$transaction(async (tx) => {
    const found = await tx.case.findFirst({
      where: { AND: [{ id: caseId }, caseAccessWhere(actor)] },
      select: { id: true },
    });
    if (found === null) return fail<EmergencyField>('not_found', 'There is no case with that id.');
    const row = await tx.emergencyDisclosure.create({
      data: {
        caseId,
        recordedById: actor.id,
        recordedAt: now,
        disclosedAt,
        recipientName: data.recipientName,
        recipientContact: data.recipientContact,
        reason: data.reason,
        information: data.information,
      },
      select: { id: true },
    });
    await appendAuditEvent(
      {
        actorId: actor.id,
        action: AUDIT_ACTIONS.DISCLOSURE_EMERGENCY,
        entityType: 'Case',
        entityId: caseId,
        outcome: 'SUCCESS',
        detail: { flagged: true, disclosureId: row.id, withoutConsent: true, disclosedAt: disclosedAt.toISOString() },
      },
      { db: tx },
    );
    return { ok: true as const, disclosureId: row.id };
  });
}
