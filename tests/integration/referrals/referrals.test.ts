// Referrals, §2.51 emergency disclosures and the single export: a referral is made only under a
// consent that permits it now; status changes follow the BSeR table with who/when; an emergency
// disclosure is recorded and flagged; the export route answers 403/404/409/200 and audits each.
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';

vi.mock('server-only', () => ({}));
process.env.DATABASE_URL = inject('databaseUrl');

type Resolution = {
  ok: true;
  staff: { id: string; email: string; displayName: string; role: string };
  claims: { signedInAt: number };
};
const session: { current: Resolution | { ok: false; reason: 'anonymous' } } = {
  current: { ok: false, reason: 'anonymous' },
};
vi.mock('@/lib/auth/session', () => ({ getSessionResolution: async () => session.current }));

import { GET } from '@/app/api/cases/[id]/referrals/[referralId]/export/route';
import { createCase } from '@/lib/cases/create-case';
import { PURPOSES } from '@/lib/consent/part2-wording';
import { recordConsent, revokeConsent } from '@/lib/consent/service';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { listEmergencyDisclosures, recordEmergencyDisclosure } from '@/lib/referrals/emergency';
import { authorizeReferralExport, loadExportSourceForCase } from '@/lib/referrals/export-access';
import { changeReferralStatus, createReferral, listCaseReferrals } from '@/lib/referrals/service';

import { TEST_TODAY, klonopinDailyIntake } from '../cases/case-fixtures';
import { prismaFor } from '../support/prisma';
import { createTestStaff } from '../support/staff';

let db: PrismaClient;
type Actor = { id: string; role: string; displayName: string };
let clinician: Actor;
let otherClinician: Actor;
let intakeStaff: Actor;
let caseId: string;
const signedAt = new Date('2026-04-01T15:00:00Z');
const now = new Date('2026-04-02T15:00:00Z');

const consentForm = (overrides: Record<string, string> = {}) => ({
  caseId,
  kind: 'named',
  information: 'the intake assessment, level-of-care recommendation and referral summary of 2026-04-01',
  recipientName: 'Harbor House',
  recipientContact: '12 Dock St, Portland ME',
  purpose: PURPOSES.referral,
  expiryKind: 'date',
  expiresOn: '2026-07-01',
  expiryEvent: '',
  signatureMethod: 'typed',
  signatureName: 'Ana Núñez',
  signedOn: '',
  ...overrides,
});
const referralForm = (consentId: string, overrides: Record<string, string> = {}) => ({
  caseId,
  recipientName: 'Harbor House',
  recipientAddress: '12 Dock St, Portland ME',
  recipientContact: '',
  reason: 'Needs residential treatment with withdrawal management',
  requestedLevel: '3.7',
  requestedWm: '3.7-WM',
  consentId,
  ...overrides,
});

async function newConsent(overrides: Record<string, string> = {}, at: Date = signedAt): Promise<string> {
  const result = await recordConsent(clinician, consentForm(overrides), { db, now: at });
  if (!result.ok) throw new Error(`consent not recorded: ${result.message}`);
  return result.consentId;
}

async function newReferral(consentId: string): Promise<string> {
  const result = await createReferral(clinician, referralForm(consentId), { db, now });
  if (!result.ok) throw new Error(`referral not created: ${result.message}`);
  return result.referralId;
}

function signIn(actor: Actor | null) {
  session.current = actor
    ? { ok: true, staff: { ...actor, email: `${actor.id}@example.test` }, claims: { signedInAt: Date.now() } }
    : { ok: false, reason: 'anonymous' };
}

async function exportResponse(referralId: string, format = 'fhir', forCase = caseId): Promise<Response> {
  return GET(new Request(`http://localhost/api/cases/${forCase}/referrals/${referralId}/export?format=${format}`), {
    params: Promise.resolve({ id: forCase, referralId }),
  });
}

beforeAll(async () => {
  db = prismaFor(inject('databaseUrl'));
  const staff = async (role: 'CLINICIAN' | 'INTAKE', displayName: string) => ({
    id: (await createTestStaff(db, { role, displayName })).id,
    role,
    displayName,
  });
  clinician = await staff('CLINICIAN', 'Cleo Referrer');
  otherClinician = await staff('CLINICIAN', 'Otto Outsider');
  intakeStaff = await staff('INTAKE', 'Ida Intake');
  const created = await createCase(
    clinician,
    { intake: klonopinDailyIntake({ firstName: 'Ana', lastName: 'Núñez' }) },
    { db, today: TEST_TODAY },
  );
  if (!created.ok) throw new Error('not created');
  caseId = created.caseId;
});
afterAll(async () => {
  await db.$disconnect();
});

describe('createReferral', () => {
  it('creates a referral under a consent in force, with its created entry and a referral.create event', async () => {
    const consentId = await newConsent();
    const result = await createReferral(clinician, referralForm(consentId), { db, now });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const view = (await listCaseReferrals(clinician, caseId, { db })).find((r) => r.id === result.referralId);
    expect(view).toMatchObject({
      recipientName: 'Harbor House',
      requestedLevel: '3.7',
      requestedWm: '3.7-WM',
      consentId,
      referringStaffName: 'Cleo Referrer',
      status: 'created',
      history: [{ status: 'created', at: now, byName: 'Cleo Referrer', reason: null }],
    });
    const event = await db.auditEvent.findFirstOrThrow({
      where: { action: 'referral.create', entityId: caseId, outcome: 'SUCCESS' },
      orderBy: { at: 'desc' },
    });
    expect(event.detail).toMatchObject({ referralId: result.referralId, consentId });
  });

  it('refuses without a consent of this case (no_consent), naming the consent field', async () => {
    const result = await createReferral(clinician, referralForm('00000000-0000-4000-8000-000000000000'), { db, now });
    expect(result).toMatchObject({
      ok: false,
      reason: 'conflict',
      fieldErrors: { consentId: ['There is no signed consent for this disclosure.'] },
    });
  });

  it('refuses under a revoked consent', async () => {
    const consentId = await newConsent();
    const revoked = await revokeConsent(
      clinician,
      { consentId, method: 'letter', revokedOn: '' },
      { db, now: signedAt },
    );
    expect(revoked.ok).toBe(true);
    expect(await createReferral(clinician, referralForm(consentId), { db, now })).toMatchObject({
      ok: false,
      fieldErrors: { consentId: ['The consent was revoked.'] },
    });
    expect(
      await db.auditEvent.count({
        where: {
          action: 'referral.create',
          entityId: caseId,
          outcome: 'DENIED',
          detail: { path: ['reason'], equals: 'revoked' },
        },
      }),
    ).toBe(1);
  });

  it('refuses under an expired consent and one naming another recipient', async () => {
    const expiring = await newConsent({ expiresOn: '2026-04-01' }, new Date('2026-04-01T12:00:00Z'));
    expect(await createReferral(clinician, referralForm(expiring), { db, now })).toMatchObject({
      fieldErrors: { consentId: ['The consent has expired.'] },
    });
    const consentId = await newConsent();
    expect(
      await createReferral(clinician, referralForm(consentId, { recipientName: 'Bay Clinic' }), { db, now }),
    ).toMatchObject({
      fieldErrors: { consentId: ['The consent does not name this recipient.'] },
    });
  });

  it('refuses INTAKE (no case:consent) and a clinician without access to the case', async () => {
    const consentId = await newConsent();
    expect(await createReferral(intakeStaff, referralForm(consentId), { db, now })).toMatchObject({
      reason: 'forbidden',
    });
    expect(await createReferral(otherClinician, referralForm(consentId), { db, now })).toMatchObject({
      reason: 'not_found',
    });
  });

  it('names each bad field', async () => {
    const consentId = await newConsent();
    const result = await createReferral(
      clinician,
      referralForm(consentId, { recipientName: ' ', reason: '', requestedLevel: '9', requestedWm: 'x' }),
      { db, now },
    );
    expect(result).toMatchObject({ ok: false, reason: 'invalid' });
    if (result.ok) return;
    expect(Object.keys(result.fieldErrors ?? {}).sort()).toEqual([
      'reason',
      'recipientName',
      'requestedLevel',
      'requestedWm',
    ]);
  });
});

describe('changeReferralStatus', () => {
  it('records who and when for each change, and the reason of a decline', async () => {
    const referralId = await newReferral(await newConsent());
    const t1 = new Date('2026-04-03T10:00:00Z');
    const t2 = new Date('2026-04-04T10:00:00Z');
    expect(
      await changeReferralStatus(clinician, { referralId, status: 'sent', reason: '' }, { db, now: t1 }),
    ).toMatchObject({ ok: true, status: 'sent' });
    expect(
      await changeReferralStatus(
        clinician,
        { referralId, status: 'declined', reason: 'No bed until May' },
        { db, now: t2 },
      ),
    ).toMatchObject({ ok: true });
    const view = (await listCaseReferrals(clinician, caseId, { db })).find((r) => r.id === referralId);
    expect(view?.status).toBe('declined');
    expect(view?.history).toEqual([
      { status: 'created', at: now, byName: 'Cleo Referrer', reason: null },
      { status: 'sent', at: t1, byName: 'Cleo Referrer', reason: null },
      { status: 'declined', at: t2, byName: 'Cleo Referrer', reason: 'No bed until May' },
    ]);
    expect(
      await db.auditEvent.count({
        where: { action: 'referral.status', detail: { path: ['referralId'], equals: referralId } },
      }),
    ).toBe(2);
  });

  it('refuses a move the table does not allow, and a cancel without reason', async () => {
    const referralId = await newReferral(await newConsent());
    expect(
      await changeReferralStatus(clinician, { referralId, status: 'completed', reason: '' }, { db, now }),
    ).toMatchObject({
      ok: false,
      fieldErrors: { status: ['A referral that is created cannot become completed (admitted)'] },
    });
    expect(
      await changeReferralStatus(clinician, { referralId, status: 'cancelled', reason: ' ' }, { db, now }),
    ).toMatchObject({
      ok: false,
      fieldErrors: { reason: ['Give the reason the referral was cancelled'] },
    });
    expect(await db.referralStatusChange.count({ where: { referralId } })).toBe(1);
  });
});

describe('recordEmergencyDisclosure (§2.51)', () => {
  it('records reason, recipient, time and staff, flagged in the audit log', async () => {
    const result = await recordEmergencyDisclosure(
      clinician,
      {
        caseId,
        recipientName: 'County ER',
        recipientContact: '',
        reason: 'Unresponsive after suspected overdose',
        information: 'Current medications and substances used',
        disclosedAt: '2026-04-02T09:30',
      },
      { db, now, timeZone: 'UTC' },
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [row] = (await listEmergencyDisclosures(clinician, caseId, { db })).filter(
      (d) => d.id === result.disclosureId,
    );
    expect(row).toMatchObject({
      recipientName: 'County ER',
      reason: 'Unresponsive after suspected overdose',
      disclosedAt: new Date('2026-04-02T09:30:00Z'),
      recordedByName: 'Cleo Referrer',
    });
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: 'disclosure.emergency', entityId: caseId } });
    expect(event).toMatchObject({
      outcome: 'SUCCESS',
      actorId: clinician.id,
      detail: { flagged: true, disclosureId: result.disclosureId },
    });
  });

  it('requires the reason and the recipient, and refuses INTAKE', async () => {
    const input = { caseId, recipientName: '', recipientContact: '', reason: '', information: 'x', disclosedAt: '' };
    const result = await recordEmergencyDisclosure(clinician, input, { db, now });
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: { recipientName: ['Name who received the information'], reason: ['Describe the medical emergency'] },
    });
    expect(await recordEmergencyDisclosure(intakeStaff, input, { db, now })).toMatchObject({ reason: 'forbidden' });
  });
});

describe('authorizeReferralExport and the export route', () => {
  it('gives the export source of a referral under a consent in force', async () => {
    const consentId = await newConsent();
    const referralId = await newReferral(consentId);
    const access = await authorizeReferralExport(clinician, caseId, referralId, { db, now });
    expect(access.ok).toBe(true);
    if (!access.ok) return;
    expect(access.source).toMatchObject({
      recipientName: 'Harbor House',
      consent: { id: consentId },
      referral: { id: referralId },
      generatedByName: 'Cleo Referrer',
    });
  });

  it('maps refusals: forbidden without case:export, not_found (also outside need-to-know), consent reason', async () => {
    const consentId = await newConsent();
    const referralId = await newReferral(consentId);
    expect(await authorizeReferralExport(intakeStaff, caseId, referralId, { db, now })).toMatchObject({
      ok: false,
      kind: 'forbidden',
    });
    // Need-to-know: a case outside access answers like a missing one.
    expect(await authorizeReferralExport(otherClinician, caseId, referralId, { db, now })).toMatchObject({
      ok: false,
      kind: 'not_found',
      needToKnow: true,
    });
    expect(
      await authorizeReferralExport(clinician, caseId, '00000000-0000-4000-8000-000000000000', { db, now }),
    ).toMatchObject({ ok: false, kind: 'not_found' });
    await revokeConsent(
      clinician,
      { consentId, method: 'phone call, confirmed in writing', revokedOn: '' },
      { db, now: new Date('2026-04-05T12:00:00Z') },
    );
    expect(
      await authorizeReferralExport(clinician, caseId, referralId, { db, now: new Date('2026-04-06T12:00:00Z') }),
    ).toMatchObject({
      ok: false,
      kind: 'consent',
      reason: 'revoked',
    });
  });

  it('loadExportSourceForCase without a referral finds a consent that permits the recipient', async () => {
    const consentId = await newConsent({ recipientName: 'Lakeside Recovery' });
    const access = await loadExportSourceForCase(db, {
      caseId,
      referralId: null,
      recipientName: 'lakeside recovery',
      consentId: null,
      actor: clinician,
      now,
    });
    expect(access).toMatchObject({ ok: true, source: { referral: null, consent: { id: consentId } } });
    const none = await loadExportSourceForCase(db, {
      caseId,
      referralId: null,
      recipientName: 'Nowhere Clinic',
      consentId: null,
      actor: clinician,
      now,
    });
    expect(none).toMatchObject({ ok: false, kind: 'consent' });
  });

  it('route: 401 signed out, 403 without case:export, 400 unknown format, 404, 200 FHIR download, 200 PDF download, 409 once revoked — each audited', async () => {
    // The route works at the real clock: a consent that runs well past today.
    const consentId = await newConsent({ expiresOn: '2099-12-31' });
    const referralId = await newReferral(consentId);
    signIn(null);
    expect((await exportResponse(referralId)).status).toBe(401);

    signIn(intakeStaff);
    const forbidden = await exportResponse(referralId);
    expect(forbidden.status).toBe(403);
    expect(await forbidden.json()).toEqual({ error: 'Your role may not export referral summaries.' });

    signIn(clinician);
    const badFormat = await exportResponse(referralId, 'docx');
    expect(badFormat.status).toBe(400);
    expect((await badFormat.json()).error).toContain('format');
    expect((await exportResponse('00000000-0000-4000-8000-000000000000')).status).toBe(404);
    signIn(otherClinician);
    expect((await exportResponse(referralId)).status).toBe(404);
    signIn(clinician);

    const ok = await exportResponse(referralId);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('Content-Disposition')).toBe(`attachment; filename="referral-${referralId}.fhir.json"`);
    expect(ok.headers.get('Cache-Control')).toBe('no-store');
    const bundle = (await ok.json()) as { resourceType: string; meta: { security: { code: string }[] } };
    expect(bundle.resourceType).toBe('Bundle');
    expect(bundle.meta.security.map((label) => label.code)).toContain('42CFRPart2');
    const success = await db.auditEvent.findFirstOrThrow({
      where: {
        action: 'case.export',
        entityId: caseId,
        outcome: 'SUCCESS',
        detail: { path: ['referralId'], equals: referralId },
      },
    });
    expect(success.detail).toEqual({ format: 'fhir', referralId, recipient: 'Harbor House', consentId });

    const pdf = await exportResponse(referralId, 'pdf');
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('content-disposition')).toBe(`attachment; filename="referral-${referralId}.pdf"`);
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    expect(
      await db.auditEvent.count({
        where: {
          action: 'case.export',
          outcome: 'SUCCESS',
          detail: { path: ['format'], equals: 'pdf' },
          entityId: caseId,
        },
      }),
    ).toBe(1);

    await revokeConsent(clinician, { consentId, method: 'signed revocation letter', revokedOn: '' });
    const refused = await exportResponse(referralId);
    expect(refused.status).toBe(409);
    expect((await refused.json()).error).toMatch(/^Consent was revoked on /);
    const denied = await db.auditEvent.findMany({
      where: { action: 'case.export', outcome: 'DENIED', detail: { path: ['referralId'], equals: referralId } },
      select: { detail: true },
    });
    expect(denied.map((event) => (event.detail as { reason: string }).reason).sort()).toEqual([
      'forbidden',
      'need_to_know',
      'revoked',
    ]);
  });
});
