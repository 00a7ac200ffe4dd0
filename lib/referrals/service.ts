import 'server-only';

import { AUDIT_ACTIONS } from '@/lib/audit/event-names';
import { appendAuditEvent } from '@/lib/audit/append';
import { can } from '@/lib/auth/permissions';
import { caseAccessWhere, type AccessActor } from '@/lib/cases/access';
import { isUuid } from '@/lib/cases/actor';
import { deny } from '@/lib/cases/audit-denial';
import { PURPOSES } from '@/lib/consent/part2-wording';
import { eventsOccurredFor, permits } from '@/lib/consent/permits';
import { findConsent } from '@/lib/consent/service';
import { getPrisma } from '@/lib/db/client';
import type { DbClient } from '@/lib/db/types';
import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client';
import { fail, fieldErrorsOf, type Outcome } from '@/lib/outcome';

import type { ReferralStatus, ReferralView } from './export-source';
import { REFERRAL_FIELDS, ReferralInputSchema, type ReferralField, type ReferralStatusField } from './schemas';
import { checkTransition, isReferralStatus } from './transitions';

// Referrals of a case (issue 11 item 2). CLINICIAN and up (case:consent: the disclosure rights)
// create them and move their BSeR status; everyone who may open the case sees them. A referral
// is made under a consent that permits a "referral for treatment" disclosure to its recipient
// at the moment it is created; every change is a ReferralStatusChange row (who, when, why).

const NO_CASE = 'There is no case with that id.';
const NO_REFERRAL = 'There is no referral with that id.';

const REFERRAL_SELECT = {
  id: true,
  caseId: true,
  createdAt: true,
  referringStaffId: true,
  referringStaff: { select: { displayName: true } },
  recipientName: true,
  recipientAddress: true,
  recipientContact: true,
  reason: true,
  requestedLevel: true,
  requestedWm: true,
  consentId: true,
  status: true,
  changes: {
    orderBy: { at: 'asc' },
    select: { status: true, at: true, reason: true, by: { select: { displayName: true } } },
  },
} as const;

/** A case's referrals as ReferralView reads them, newest first (also read by lib/cases/case-page-sections.ts). */
export const REFERRAL_QUERY = {
  orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
  select: REFERRAL_SELECT,
} as const satisfies Prisma.ReferralFindManyArgs;

type ReferralRow = Awaited<ReturnType<typeof selectReferrals>>[number];
function selectReferrals(db: DbClient, where: { caseId?: string; id?: string }) {
  return db.referral.findMany({ where, ...REFERRAL_QUERY });
}

const statusOf = (value: string): ReferralStatus => (isReferralStatus(value) ? value : 'created');

export function toReferralView(row: ReferralRow): ReferralView {
  return {
    id: row.id,
    caseId: row.caseId,
    createdAt: row.createdAt,
    referringStaffId: row.referringStaffId,
    referringStaffName: row.referringStaff.displayName,
    recipientName: row.recipientName,
    recipientAddress: row.recipientAddress,
    recipientContact: row.recipientContact,
    reason: row.reason,
    requestedLevel: row.requestedLevel,
    requestedWm: row.requestedWm,
    consentId: row.consentId,
    status: statusOf(row.status),
    history: row.changes.map((change) => ({
      status: statusOf(change.status),
      at: change.at,
      byName: change.by.displayName,
      reason: change.reason,
    })),
  };
}

/** One referral of one case, or null (also for bad ids). No access check: callers make it. */
export async function findReferral(db: DbClient, caseId: string, referralId: string): Promise<ReferralView | null> {
  if (!isUuid(caseId) || !isUuid(referralId)) return null;
  const [row] = await selectReferrals(db, { id: referralId });
  return row && row.caseId === caseId ? toReferralView(row) : null;
}

/** The referrals of a case the actor may open, newest first. Not audited: the case view is. */
export async function listCaseReferrals(
  actor: AccessActor,
  caseId: string,
  options: { readonly db?: DbClient } = {},
): Promise<readonly ReferralView[]> {
  if (!can(actor.role, 'case:read') || !isUuid(caseId)) return [];
  const db = options.db ?? getPrisma();
  const open = await db.case.findFirst({
    where: { AND: [{ id: caseId }, caseAccessWhere(actor)] },
    select: { id: true },
  });
  if (open === null) return [];
  return (await selectReferrals(db, { caseId })).map(toReferralView);
}

/** Creates a referral under a consent that permits it now, with referral.create in the same transaction. */
export async function createReferral(
  actor: AccessActor,
  input: Readonly<Record<ReferralField, string>>,
  options: { readonly db?: PrismaClient; readonly now?: Date } = {},
): Promise<Outcome<{ readonly referralId: string }, ReferralField>> {
  const db = options.db ?? getPrisma();
  const now = options.now ?? new Date();
  const entity = isUuid(input.caseId) ? { entityType: 'Case' as const, entityId: input.caseId } : undefined;
  if (!can(actor.role, 'case:consent')) return deny(db, actor, AUDIT_ACTIONS.REFERRAL_CREATE, entity);
  if (!isUuid(input.caseId)) return fail('not_found', NO_CASE);
  const parsed = ReferralInputSchema.safeParse(
    Object.fromEntries(
      REFERRAL_FIELDS.filter((field) => field !== 'caseId').map((field) => [field, input[field] ?? '']),
    ),
  );
  if (!parsed.success)
    return fail('invalid', 'The referral was not saved. Check the fields marked below.', {
      fieldErrors: fieldErrorsOf<ReferralField>(parsed.error),
    });
  const caseId = input.caseId;
  const data = parsed.data;

  return db.$transaction(async (tx) => {
    const found = await tx.case.findFirst({
      where: { AND: [{ id: caseId }, caseAccessWhere(actor)] },
      select: { status: true },
    });
    if (found === null) return fail<ReferralField>('not_found', NO_CASE);
    const consent = await findConsent(tx, data.consentId);
    const verdict = permits(
      consent && consent.caseId === caseId ? consent : null,
      {
        recipientName: data.recipientName,
        purpose: PURPOSES.referral,
        eventsOccurred: eventsOccurredFor(found.status),
      },
      now,
    );
    if (!verdict.ok) {
      await appendAuditEvent(
        {
          actorId: actor.id,
          action: AUDIT_ACTIONS.REFERRAL_CREATE,
          entityType: 'Case',
          entityId: caseId,
          outcome: 'DENIED',
          detail: { reason: verdict.reason, consentId: data.consentId },
        },
        { db: tx },
      );
      return fail<ReferralField>('conflict', `The referral was not saved: ${verdict.message}`, {
        fieldErrors: { consentId: [verdict.message] },
      });
    }
    const referral = await tx.referral.create({
      data: {
        caseId,
        referringStaffId: actor.id,
        recipientName: data.recipientName,
        recipientAddress: data.recipientAddress,
        recipientContact: data.recipientContact,
        reason: data.reason,
        requestedLevel: data.requestedLevel,
        requestedWm: data.requestedWm,
        consentId: data.consentId,
        status: 'created',
        createdAt: now,
      },
      select: { id: true },
    });
    await tx.referralStatusChange.create({
      data: { referralId: referral.id, status: 'created', at: now, byId: actor.id },
    });
    await appendAuditEvent(
      {
        actorId: actor.id,
        action: AUDIT_ACTIONS.REFERRAL_CREATE,
        entityType: 'Case',
        entityId: caseId,
        outcome: 'SUCCESS',
        detail: {
          referralId: referral.id,
          consentId: data.consentId,
          level: data.requestedLevel,
          wm: data.requestedWm,
        },
      },
      { db: tx },
    );
    return { ok: true as const, referralId: referral.id };
  });
}

/** Moves a referral to an allowed next status (lib/referrals/transitions.ts), with referral.status. */
export async function changeReferralStatus(
  actor: AccessActor,
  input: Readonly<Record<ReferralStatusField, string>>,
  options: { readonly db?: PrismaClient; readonly now?: Date } = {},
): Promise<Outcome<{ readonly caseId: string; readonly status: ReferralStatus }, ReferralStatusField>> {
  const db = options.db ?? getPrisma();
  const now = options.now ?? new Date();
  const entity = isUuid(input.referralId) ? { entityType: 'Referral' as const, entityId: input.referralId } : undefined;
  if (!can(actor.role, 'case:consent')) return deny(db, actor, AUDIT_ACTIONS.REFERRAL_STATUS, entity);
  if (!isUuid(input.referralId)) return fail('not_found', NO_REFERRAL);
  const referralId = input.referralId;

  return db.$transaction(async (tx) => {
    // Lock the referral row so two changes at once cannot both start from the same status.
    await tx.$queryRaw`SELECT 1 FROM "Referral" WHERE "id" = ${referralId}::uuid FOR UPDATE`;
    const row = await tx.referral.findFirst({
      where: { id: referralId, case: caseAccessWhere(actor) },
      select: { caseId: true, status: true },
    });
    if (row === null) return fail<ReferralStatusField>('not_found', NO_REFERRAL);
    const from = statusOf(row.status);
    const check = checkTransition(from, input.status ?? '', input.reason ?? '');
    if (!check.ok)
      return fail<ReferralStatusField>('invalid', 'The status was not changed.', {
        fieldErrors: { [check.field]: [check.message] },
      });
    const to = input.status as ReferralStatus;
    await tx.referralStatusChange.create({
      data: { referralId, status: to, at: now, byId: actor.id, reason: check.reason },
    });
    await tx.referral.update({ where: { id: referralId }, data: { status: to } });
    await appendAuditEvent(
      {
        actorId: actor.id,
        action: AUDIT_ACTIONS.REFERRAL_STATUS,
        entityType: 'Case',
        entityId: row.caseId,
        outcome: 'SUCCESS',
        detail: { referralId, from, to },
      },
      { db: tx },
    );
    return { ok: true as const, caseId: row.caseId, status: to };
  });
}
