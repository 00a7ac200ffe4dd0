// Consents: recorded by CLINICIAN and up with every §2.31 element and a consent.record audit
// event; immutable in the database; revoked once (who, when, how), after which permits() refuses.
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';

vi.mock('server-only', () => ({}));
process.env.DATABASE_URL = inject('databaseUrl');

import { createCase } from '@/lib/cases/create-case';
import { PURPOSES } from '@/lib/consent/part2-wording';
import { permits } from '@/lib/consent/permits';
import { findConsent, listCaseConsents, recordConsent, revokeConsent } from '@/lib/consent/service';
import type { PrismaClient } from '@/lib/generated/prisma/client';

import { TEST_TODAY, klonopinDailyIntake } from '../cases/case-fixtures';
import { prismaFor } from '../support/prisma';
import { createTestStaff } from '../support/staff';

let db: PrismaClient;
let clinician: { id: string; role: 'CLINICIAN' };
let intakeStaff: { id: string; role: 'INTAKE' };
let caseId: string;
const now = new Date('2026-04-01T15:00:00Z');
const form = (overrides: Record<string, string> = {}) => ({
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

beforeAll(async () => {
  db = prismaFor(inject('databaseUrl'));
  clinician = {
    id: (await createTestStaff(db, { role: 'CLINICIAN', displayName: 'Cleo Clinician' })).id,
    role: 'CLINICIAN',
  };
  intakeStaff = { id: (await createTestStaff(db, { role: 'INTAKE' })).id, role: 'INTAKE' };
  // The clinician's own case (need-to-know: consent is recorded only on cases one may open).
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

describe('need-to-know', () => {
  it('refuses a clinician with no part in the case as if the case did not exist, for recording, revoking and listing', async () => {
    const outsider = { id: (await createTestStaff(db, { role: 'CLINICIAN' })).id, role: 'CLINICIAN' as const };
    const own = await createCase(clinician, { intake: klonopinDailyIntake() }, { db, today: TEST_TODAY });
    if (!own.ok) throw new Error('not created');
    const theirs = { ...form(), caseId: own.caseId };
    expect(await recordConsent(outsider, theirs, { db, now })).toMatchObject({ ok: false, reason: 'not_found' });
    const recorded = await recordConsent(clinician, theirs, { db, now });
    if (!recorded.ok) throw new Error(recorded.message);
    expect(await listCaseConsents(outsider, own.caseId, { db })).toEqual([]);
    expect(await listCaseConsents(clinician, own.caseId, { db })).toHaveLength(1);
    expect(
      await revokeConsent(outsider, { consentId: recorded.consentId, method: 'letter', revokedOn: '' }, { db, now }),
    ).toMatchObject({ ok: false, reason: 'not_found' });
    expect((await findConsent(db, recorded.consentId))?.revocation).toBeNull();
  });
});

describe('recordConsent', () => {
  it('stores every element, with the patient name from the case, and audits it', async () => {
    const result = await recordConsent(clinician, form(), { db, now });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [view] = await listCaseConsents(clinician, caseId, { db });
    expect(view).toMatchObject({
      id: result.consentId,
      patientName: 'Ana Núñez',
      recipientName: 'Harbor House',
      purpose: 'referral for treatment',
      expiresOn: '2026-07-01',
      signatureName: 'Ana Núñez',
      signedAt: now,
      recordedByName: 'Cleo Clinician',
      revocation: null,
    });
    expect(view?.revocationText).toContain('revoke this consent in writing');
    const event = await db.auditEvent.findFirstOrThrow({ where: { entityId: caseId, action: 'consent.record' } });
    expect(event).toMatchObject({ outcome: 'SUCCESS', actorId: clinician.id, detail: { consentId: result.consentId } });
  });

  it('refuses INTAKE (no case:consent) and records the refusal', async () => {
    expect(await recordConsent(intakeStaff, form(), { db, now })).toMatchObject({ ok: false, reason: 'forbidden' });
    expect(
      await db.auditEvent.count({ where: { entityId: caseId, action: 'consent.record', outcome: 'DENIED' } }),
    ).toBe(1);
  });

  it('refuses an incomplete consent with field messages', async () => {
    expect(await recordConsent(clinician, form({ recipientName: '' }), { db, now })).toMatchObject({
      reason: 'invalid',
      fieldErrors: { recipientName: ['Name the program or provider that receives it'] },
    });
  });

  it('cannot be changed or deleted once signed (database trigger)', async () => {
    const result = await recordConsent(clinician, form(), { db, now });
    if (!result.ok) throw new Error('not saved');
    await expect(
      db.consent.update({ where: { id: result.consentId }, data: { recipientName: 'Someone else' } }),
    ).rejects.toThrow(/append-only/);
    await expect(db.consent.delete({ where: { id: result.consentId } })).rejects.toThrow(/append-only/);
  });
});

describe('revokeConsent', () => {
  it('records who, when and how; the consent then no longer permits; a second revocation is refused', async () => {
    const recorded = await recordConsent(clinician, form(), { db, now });
    if (!recorded.ok) throw new Error('not saved');
    const later = new Date('2026-04-02T15:00:00Z');
    const before = await findConsent(db, recorded.consentId);
    expect(permits(before, { recipientName: 'Harbor House', purpose: PURPOSES.referral }, later).ok).toBe(true);

    const revoked = await revokeConsent(
      clinician,
      { consentId: recorded.consentId, method: 'signed revocation letter', revokedOn: '' },
      { db, now: later },
    );
    expect(revoked).toEqual({ ok: true, caseId });
    const after = await findConsent(db, recorded.consentId);
    expect(after?.revocation).toMatchObject({
      revokedAt: later,
      recordedByName: 'Cleo Clinician',
      method: 'signed revocation letter',
    });
    expect(permits(after, { recipientName: 'Harbor House', purpose: PURPOSES.referral }, later)).toMatchObject({
      reason: 'revoked',
    });
    expect(
      await revokeConsent(
        clinician,
        { consentId: recorded.consentId, method: 'again', revokedOn: '' },
        { db, now: later },
      ),
    ).toMatchObject({ reason: 'conflict' });
    expect(
      await db.auditEvent.count({ where: { entityId: caseId, action: 'consent.revoke', outcome: 'SUCCESS' } }),
    ).toBe(1);
  });

  it('requires how the patient revoked', async () => {
    const recorded = await recordConsent(clinician, form(), { db, now });
    if (!recorded.ok) throw new Error('not saved');
    expect(
      await revokeConsent(clinician, { consentId: recorded.consentId, method: ' ', revokedOn: '' }, { db, now }),
    ).toMatchObject({ reason: 'invalid', fieldErrors: { method: [expect.any(String)] } });
  });
});
