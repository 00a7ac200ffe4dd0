import 'server-only';

import { AUDIT_ACTIONS } from '@/lib/audit/event-names';
import { appendAuditEvent } from '@/lib/audit/append';
import { can } from '@/lib/auth/permissions';
import { caseAccessWhere, type AccessActor } from '@/lib/cases/access';
import { isUuid } from '@/lib/cases/actor';
import { deny } from '@/lib/cases/audit-denial';
import { getPrisma } from '@/lib/db/client';
import type { DbClient } from '@/lib/db/types';
import { calendarDateOf } from '@/lib/format/date-time';
import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client';
import { fail, fieldErrorsOf, type Outcome } from '@/lib/outcome';

import type { ConsentKind, ConsentTerms, ExpiryKind } from './permits';
import { PROGRAM_NAME } from './program';
import { makeConsentInputSchema, toConsentRecord, type ConsentField, type RevocationField } from './schemas';

const NO_CASE = 'There is no case with that id.';
const NO_CONSENT = 'There is no consent with that id.';

/** A consent as the case page and the exports show it. */
export interface ConsentView extends ConsentTerms {
  readonly id: string;
  readonly caseId: string;
  readonly createdAt: Date;
  readonly recordedByName: string;
  readonly patientName: string;
  readonly discloser: string;
  readonly information: string;
  readonly recipientContact: string | null;
  readonly revocationText: string;
  readonly signatureMethod: 'typed' | 'paper';
  readonly signatureName: string;
  readonly witnessedByName: string | null;
  readonly redisclosureText: string | null;
  readonly revocation: {
    readonly revokedAt: Date;
    readonly recordedAt: Date;
    readonly recordedByName: string;
    readonly method: string;
  } | null;
}

const CONSENT_SELECT = {
  id: true,
  caseId: true,
  createdAt: true,
  kind: true,
  patientName: true,
  discloser: true,
  information: true,
  recipientName: true,
  recipientContact: true,
  purpose: true,
  revocationText: true,
  expiryKind: true,
  expiresOn: true,
  expiryEvent: true,
  signatureMethod: true,
  signatureName: true,
  signedAt: true,
  redisclosureText: true,
  recordedBy: { select: { displayName: true } },
  witnessedBy: { select: { displayName: true } },
  revocation: {
    select: { revokedAt: true, recordedAt: true, method: true, recordedBy: { select: { displayName: true } } },
  },
} as const;

/** A case's consents as ConsentView reads them, newest first (also read by lib/cases/case-page-sections.ts). */
export const CONSENT_QUERY = {
  orderBy: { createdAt: 'desc' },
  select: CONSENT_SELECT,
} as const satisfies Prisma.ConsentFindManyArgs;

type ConsentRow = Awaited<ReturnType<typeof selectConsents>>[number];
function selectConsents(db: DbClient, where: Prisma.ConsentWhereInput) {
  return db.consent.findMany({ where, ...CONSENT_QUERY });
}

export function toConsentView(row: ConsentRow): ConsentView {
  return {
    id: row.id,
    caseId: row.caseId,
    createdAt: row.createdAt,
    recordedByName: row.recordedBy.displayName,
    kind: row.kind as ConsentKind,
    patientName: row.patientName,
    discloser: row.discloser,
    information: row.information,
    recipientName: row.recipientName,
    recipientContact: row.recipientContact,
    purpose: row.purpose,
    revocationText: row.revocationText,
    expiryKind: row.expiryKind as ExpiryKind,
    expiresOn: row.expiresOn ? row.expiresOn.toISOString().slice(0, 10) : null,
    expiryEvent: row.expiryEvent,
    signatureMethod: row.signatureMethod as 'typed' | 'paper',
    signatureName: row.signatureName,
    signedAt: row.signedAt,
    witnessedByName: row.witnessedBy?.displayName ?? null,
    redisclosureText: row.redisclosureText,
    revokedAt: row.revocation?.revokedAt ?? null,
    revocation: row.revocation
      ? {
          revokedAt: row.revocation.revokedAt,
          recordedAt: row.revocation.recordedAt,
          recordedByName: row.revocation.recordedBy.displayName,
          method: row.revocation.method,
        }
      : null,
  };
}

/** The consents of a case, newest first (anyone who may open the case). Not audited: the case view is. */
export async function listCaseConsents(
  actor: AccessActor,
  caseId: string,
  options: { readonly db?: DbClient } = {},
): Promise<readonly ConsentView[]> {
  if (!can(actor.role, 'case:read') || !isUuid(caseId)) return [];
  // Need-to-know as everywhere (lib/cases/access.ts): a case outside access has no consents to show.
  const rows = await selectConsents(options.db ?? getPrisma(), { caseId, case: caseAccessWhere(actor) });
  return rows.map(toConsentView);
}

/** One consent, for the export checks; null when there is none. */
export async function findConsent(db: DbClient, consentId: string): Promise<ConsentView | null> {
  if (!isUuid(consentId)) return null;
  const [row] = await selectConsents(db, { id: consentId });
  return row ? toConsentView(row) : null;
}

/** Records a signed consent (case:consent), with a consent.record audit event in the same transaction. */
export async function recordConsent(
  actor: AccessActor,
  input: Readonly<Record<ConsentField, string>>,
  options: { readonly db?: PrismaClient; readonly now?: Date } = {},
): Promise<Outcome<{ readonly consentId: string }, ConsentField>> {
  const db = options.db ?? getPrisma();
  const now = options.now ?? new Date();
  const entity = isUuid(input.caseId) ? { entityType: 'Case' as const, entityId: input.caseId } : undefined;
  if (!can(actor.role, 'case:consent')) return deny(db, actor, AUDIT_ACTIONS.CONSENT_RECORD, entity);
  if (!isUuid(input.caseId)) return fail('not_found', NO_CASE);
  const parsed = makeConsentInputSchema(calendarDateOf(now)).safeParse(input);
  if (!parsed.success)
    return fail('invalid', 'The consent was not saved. Check the fields marked below.', {
      fieldErrors: fieldErrorsOf<ConsentField>(parsed.error),
    });
  const caseId = input.caseId;

  return db.$transaction(async (tx) => {
    // A case outside the actor's access reads as missing (lib/cases/access.ts).
    const found = await tx.case.findFirst({
      where: { AND: [{ id: caseId }, caseAccessWhere(actor)] },
      select: { patientFirstName: true, patientLastName: true },
    });
    if (found === null) return fail('not_found', NO_CASE);
    const record = toConsentRecord(parsed.data, {
      patientName: `${found.patientFirstName} ${found.patientLastName}`,
      discloser: PROGRAM_NAME,
      now,
    });
    const consent = await tx.consent.create({
      data: {
        ...record,
        expiresOn: record.expiresOn ? new Date(`${record.expiresOn}T00:00:00Z`) : null,
        caseId,
        recordedById: actor.id,
        witnessedById: record.signatureMethod === 'paper' ? actor.id : null,
      },
      select: { id: true },
    });
    await appendAuditEvent(
      {
        actorId: actor.id,
        action: AUDIT_ACTIONS.CONSENT_RECORD,
        entityType: 'Case',
        entityId: caseId,
        outcome: 'SUCCESS',
        detail: { consentId: consent.id, kind: record.kind, expiryKind: record.expiryKind },
      },
      { db: tx },
    );
    return { ok: true as const, consentId: consent.id };
  });
}

/** Records that the patient revoked a consent (case:consent). A consent is revoked once. */
export async function revokeConsent(
  actor: AccessActor,
  input: Readonly<Record<RevocationField, string>>,
  options: { readonly db?: PrismaClient; readonly now?: Date } = {},
): Promise<Outcome<{ readonly caseId: string }, RevocationField>> {
  const db = options.db ?? getPrisma();
  const now = options.now ?? new Date();
  const entity = isUuid(input.consentId) ? { entityType: 'Consent' as const, entityId: input.consentId } : undefined;
  if (!can(actor.role, 'case:consent')) return deny(db, actor, AUDIT_ACTIONS.CONSENT_REVOKE, entity);
  if (!isUuid(input.consentId)) return fail('not_found', NO_CONSENT);
  const method = input.method.trim();
  const revokedOn = input.revokedOn.trim();
  const fieldErrors: Partial<Record<RevocationField, string[]>> = {};
  if (method === '') fieldErrors.method = ['Say how the patient revoked (e.g. signed revocation letter)'];
  else if (method.length > 500) fieldErrors.method = ['At most 500 characters'];
  if (revokedOn !== '' && (!/^\d{4}-\d{2}-\d{2}$/.test(revokedOn) || revokedOn > calendarDateOf(now)))
    fieldErrors.revokedOn = ['Enter a date up to today as YYYY-MM-DD, or leave it empty for now'];
  if (Object.keys(fieldErrors).length > 0) return fail('invalid', 'The revocation was not saved.', { fieldErrors });
  const consentId = input.consentId;
  // A revocation dated today takes effect now; one dated earlier (a letter received late) at that day's start.
  const revokedAt = revokedOn === '' || revokedOn === calendarDateOf(now) ? now : new Date(`${revokedOn}T00:00:00Z`);

  return db.$transaction(async (tx) => {
    const consent = await tx.consent.findFirst({
      where: { id: consentId, case: caseAccessWhere(actor) },
      select: { caseId: true, revocation: { select: { id: true } } },
    });
    if (consent === null) return fail('not_found', NO_CONSENT);
    if (consent.revocation !== null) return fail('conflict', 'This consent was already revoked.');
    await tx.consentRevocation.create({ data: { consentId, revokedAt, method, recordedById: actor.id } });
    await appendAuditEvent(
      {
        actorId: actor.id,
        action: AUDIT_ACTIONS.CONSENT_REVOKE,
        entityType: 'Case',
        entityId: consent.caseId,
        outcome: 'SUCCESS',
        detail: { consentId },
      },
      { db: tx },
    );
    return { ok: true as const, caseId: consent.caseId };
  });
}
