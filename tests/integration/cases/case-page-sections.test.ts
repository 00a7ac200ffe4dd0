// The case page's one read of its sections (lib/cases/case-page-sections.ts): the same rows as
// each section's own list function, and nothing at all for a case outside need-to-know.
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';

vi.mock('server-only', () => ({}));
process.env.DATABASE_URL = inject('databaseUrl');

import { addCareTeamMember } from '@/lib/cases/care-team';
import { loadCasePageSections } from '@/lib/cases/case-page-sections';
import { createCase } from '@/lib/cases/create-case';
import { getAssessmentHistory } from '@/lib/cases/reassess-history';
import { changeCaseStatus } from '@/lib/cases/workflow/change-status';
import { getStatusHistory } from '@/lib/cases/workflow/status-history';
import { PURPOSES } from '@/lib/consent/part2-wording';
import { listCaseConsents, recordConsent } from '@/lib/consent/service';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { listEmergencyDisclosures, recordEmergencyDisclosure } from '@/lib/referrals/emergency';
import { createReferral, listCaseReferrals } from '@/lib/referrals/service';

import { TEST_TODAY, klonopinDailyIntake } from './case-fixtures';
import { prismaFor } from '../support/prisma';
import { createTestStaff } from '../support/staff';

let db: PrismaClient;
type Actor = { id: string; role: string; displayName: string };
let clinician: Actor;
let outsider: Actor;
let teammate: Actor;
let supervisor: Actor;
let caseId: string;
const now = new Date('2026-04-02T15:00:00Z');

beforeAll(async () => {
  db = prismaFor(inject('databaseUrl'));
  const staff = async (role: 'CLINICIAN' | 'INTAKE' | 'SUPERVISOR', displayName: string) => ({
    id: (await createTestStaff(db, { role, displayName })).id,
    role,
    displayName,
  });
  clinician = await staff('CLINICIAN', 'Cleo Sections');
  outsider = await staff('CLINICIAN', 'Otto Outsider');
  teammate = await staff('INTAKE', 'Tess Teammate');
  supervisor = await staff('SUPERVISOR', 'Sue Pervisor');
  const created = await createCase(
    clinician,
    { intake: klonopinDailyIntake({ firstName: 'Ana', lastName: 'Núñez' }) },
    { db, today: TEST_TODAY },
  );
  if (!created.ok) throw new Error('not created');
  caseId = created.caseId;
  const steps = [
    await changeCaseStatus(clinician, { caseId, expectedVersion: 0, toStatus: 'IN_REVIEW' }, { db }),
    await addCareTeamMember(supervisor, { caseId, staffId: teammate.id, expectedVersion: 1 }, { db }),
  ];
  for (const step of steps) if (!step.ok) throw new Error(`set-up step refused: ${step.message}`);
  const consent = await recordConsent(
    clinician,
    {
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
    },
    { db, now: new Date('2026-04-01T15:00:00Z') },
  );
  if (!consent.ok) throw new Error(`consent not recorded: ${consent.message}`);
  const referral = await createReferral(
    clinician,
    {
      caseId,
      recipientName: 'Harbor House',
      recipientAddress: '12 Dock St, Portland ME',
      recipientContact: '',
      reason: 'Needs residential treatment',
      requestedLevel: '3.7',
      requestedWm: '3.7-WM',
      consentId: consent.consentId,
    },
    { db, now },
  );
  if (!referral.ok) throw new Error(`referral not created: ${referral.message}`);
  const disclosure = await recordEmergencyDisclosure(
    clinician,
    {
      caseId,
      recipientName: 'County ER',
      recipientContact: '',
      reason: 'Unresponsive after suspected overdose',
      information: 'Current medications',
      disclosedAt: '2026-04-02T09:30',
    },
    { db, now, timeZone: 'UTC' },
  );
  if (!disclosure.ok) throw new Error(`disclosure not recorded: ${disclosure.message}`);
});
afterAll(async () => {
  await db.$disconnect();
});

describe('loadCasePageSections', () => {
  it('reads every section in one go, the same rows as each list function', async () => {
    const sections = await loadCasePageSections(clinician, caseId, { db });
    expect(sections).not.toBeNull();
    if (sections === null) return;
    expect(sections.statusHistory).toEqual(await getStatusHistory(caseId, { db }));
    expect(sections.assessmentHistory).toEqual(await getAssessmentHistory(caseId, { db }));
    expect(sections.consents).toEqual(await listCaseConsents(clinician, caseId, { db }));
    expect(sections.referrals).toEqual(await listCaseReferrals(clinician, caseId, { db }));
    expect(sections.emergencyDisclosures).toEqual(await listEmergencyDisclosures(clinician, caseId, { db }));
    expect(sections.statusHistory).toMatchObject([{ from: 'NEW', to: 'IN_REVIEW', byName: 'Cleo Sections' }]);
    expect(sections.assessmentHistory.assessments).toHaveLength(1);
    expect(sections.consents).toMatchObject([{ recipientName: 'Harbor House', recordedByName: 'Cleo Sections' }]);
    expect(sections.referrals).toMatchObject([{ recipientName: 'Harbor House', history: [{ status: 'created' }] }]);
    expect(sections.emergencyDisclosures).toMatchObject([{ recipientName: 'County ER' }]);
    expect(sections.careTeam).toMatchObject({
      members: [{ staffId: teammate.id, name: 'Tess Teammate', role: 'INTAKE', addedByName: 'Sue Pervisor' }],
      // Only a supervisor (case:reassign) is offered the staff to choose from.
      staff: [],
    });
  });

  it('gives a supervisor the active clinical staff to assign or add', async () => {
    const sections = await loadCasePageSections(supervisor, caseId, { db });
    const ids = sections?.careTeam.staff.map((option) => option.id) ?? [];
    expect(ids).toEqual(expect.arrayContaining([clinician.id, outsider.id, teammate.id, supervisor.id]));
  });

  it('lets the care team in: need-to-know as getCase applies it', async () => {
    expect(await loadCasePageSections(teammate, caseId, { db })).not.toBeNull();
  });

  it('reads nothing for a case outside need-to-know, a role without case:read, or a bad id', async () => {
    expect(await loadCasePageSections(outsider, caseId, { db })).toBeNull();
    expect(await loadCasePageSections({ ...supervisor, role: 'ADMIN' }, caseId, { db })).toBeNull();
    expect(await loadCasePageSections(supervisor, 'not-a-uuid', { db })).toBeNull();
    expect(await loadCasePageSections(supervisor, '00000000-0000-4000-8000-000000000000', { db })).toBeNull();
  });
});
