import 'server-only';

import { AUDIT_ACTIONS, type AuditOutcomeValue } from '@/lib/audit/event-names';
import { appendAuditEvent, type AuditDetail } from '@/lib/audit/append';
import { can } from '@/lib/auth/permissions';
import { canOpenCase, type AccessActor } from '@/lib/cases/access';
import { isUuid } from '@/lib/cases/actor';
import { getCase } from '@/lib/cases/get-case';
import { PURPOSES } from '@/lib/consent/part2-wording';
import { eventsOccurredFor, permits } from '@/lib/consent/permits';
import { PROGRAM_NAME } from '@/lib/consent/program';
import { findConsent, listCaseConsents, type ConsentView } from '@/lib/consent/service';
import { getPrisma } from '@/lib/db/client';
import type { PrismaClient } from '@/lib/generated/prisma/client';

import type { ReferralExportSource } from './export-source';
import { consentRefusalMessage, EXPORT_FORBIDDEN, EXPORT_NOT_FOUND, type ExportRefusal } from './export-refusal';
import { findReferral } from './service';
import { chooseConsent } from '@/lib/exports/bulk/plan';

// Export access (issue 11 item 7): whether this staff member may send this case to this
// recipient now, and if so everything the renderers need (ReferralExportSource). Need-to-know
// (lib/cases/access.ts) and `case:export` first, then the consent (permits()).

export type ExportAccess =
  { readonly ok: true; readonly source: ReferralExportSource } | ({ readonly ok: false } & ExportRefusal);

export interface ExportActor extends AccessActor {
  readonly displayName: string;
}

const NO_CASE = 'There is no case with that id.';
const refuse = (refusal: ExportRefusal): ExportAccess => ({ ok: false, ...refusal });

/**
 * The export source of one case to one recipient, or why not. With a referral, its consent and
 * recipient are used; without (bulk export), `consentId` or else the first consent of the case
 * that permits disclosure to `recipientName`.
 */
export async function loadExportSourceForCase(
  db: PrismaClient,
  params: {
    readonly caseId: string;
    readonly referralId: string | null;
    readonly recipientName: string;
    readonly consentId: string | null;
    readonly actor: ExportActor;
    readonly now: Date;
  },
): Promise<ExportAccess> {
  const { actor, caseId, now } = params;
  if (!can(actor.role, 'case:export')) return refuse({ kind: 'forbidden', message: EXPORT_FORBIDDEN });
  // Need-to-know: a case outside the actor's access reads exactly like a missing one (404).
  if (!isUuid(caseId)) return refuse({ kind: 'not_found', message: NO_CASE });
  if (!(await canOpenCase(actor, caseId, { db }))) {
    const exists = (await db.case.findUnique({ where: { id: caseId }, select: { id: true } })) !== null;
    return refuse({ kind: 'not_found', message: NO_CASE, needToKnow: exists });
  }
  const referral = params.referralId === null ? null : await findReferral(db, caseId, params.referralId);
  if (params.referralId !== null && referral === null) return refuse({ kind: 'not_found', message: EXPORT_NOT_FOUND });
  const recipientName = referral?.recipientName ?? params.recipientName;
  const caseRow = await db.case.findUnique({ where: { id: caseId }, select: { status: true } });
  const disclosure = {
    recipientName,
    purpose: PURPOSES.referral,
    eventsOccurred: eventsOccurredFor(caseRow?.status ?? ''),
  } as const;

  let consent: ConsentView | null = null;
  const consentId = referral?.consentId ?? params.consentId;
  if (consentId !== null) {
    const found = await findConsent(db, consentId);
    consent = found && found.caseId === caseId ? found : null;
  } else {
    // Without a referral (bulk export): the newest consent that permits it (lib/exports/bulk/plan.ts).
    const all = await listCaseConsents(actor, caseId, { db });
    const chosen = chooseConsent(caseRow?.status ?? '', all, disclosure, now);
    consent = chosen.ok ? chosen.consent : (all[0] ?? null);
  }
  const verdict = permits(consent, disclosure, now);
  if (!verdict.ok)
    return refuse({
      kind: 'consent',
      reason: verdict.reason,
      message: consentRefusalMessage(verdict.reason, consent, recipientName),
    });
  const loaded = await getCase(actor, caseId, { db });
  if (!loaded.ok) return refuse({ kind: 'not_found', message: loaded.message });
  return {
    ok: true,
    source: {
      case: loaded.case,
      referral,
      consent: consent as ConsentView,
      recipientName,
      programName: PROGRAM_NAME,
      generatedAt: now,
      generatedByName: actor.displayName,
    },
  };
}

/** One referral's export, or a typed refusal (forbidden, not_found, or the consent's reason). */
export function authorizeReferralExport(
  actor: ExportActor,
  caseId: string,
  referralId: string,
  options: { readonly db?: PrismaClient; readonly now?: Date } = {},
): Promise<ExportAccess> {
  if (!isUuid(referralId) && can(actor.role, 'case:export'))
    return Promise.resolve(refuse({ kind: 'not_found', message: EXPORT_NOT_FOUND }));
  return loadExportSourceForCase(options.db ?? getPrisma(), {
    caseId,
    referralId,
    recipientName: '',
    consentId: null,
    actor,
    now: options.now ?? new Date(),
  });
}

/** The case.export audit event of one export attempt (refusals as DENIED). No names: ids and words. */
export async function auditReferralExport(
  actor: AccessActor,
  event: {
    readonly caseId: string;
    readonly outcome: AuditOutcomeValue;
    readonly detail: AuditDetail;
  },
  options: { readonly db?: PrismaClient } = {},
): Promise<void> {
  await appendAuditEvent(
    {
      actorId: actor.id,
      action: AUDIT_ACTIONS.CASE_EXPORT,
      ...(isUuid(event.caseId) ? { entityType: 'Case' as const, entityId: event.caseId } : {}),
      outcome: event.outcome,
      detail: event.detail,
    },
    { db: options.db ?? getPrisma() },
  );
}
