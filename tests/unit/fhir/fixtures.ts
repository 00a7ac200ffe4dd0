// Export sources for the FHIR Bundle tests: real fixture intakes, parsed and scored as a stored case is.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import type { CaseDetail } from '@/lib/cases/get-case';
import type { ConsentView } from '@/lib/consent/service';
import { PURPOSES, REVOCATION_TEXT } from '@/lib/consent/part2-wording';
import { parseIntake, type AnyIntake } from '@/lib/intake';
import { recommendPlacement } from '@/lib/placement';
import type { ReferralExportSource, ReferralStatus, ReferralView } from '@/lib/referrals/export-source';

const TODAY = '2025-06-15';

/** A fixture intake as JSON, open for a test to change before parsing. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- raw JSON patched by the tests
type RawIntake = Record<string, any>;

export function fixtureIntake(name: string, patch: (raw: RawIntake) => void = () => {}): AnyIntake {
  const path = fileURLToPath(new URL(`../../fixtures/intakes/${name}.json`, import.meta.url));
  const raw = JSON.parse(readFileSync(path, 'utf8')) as RawIntake;
  patch(raw);
  const parsed = parseIntake(raw, { today: TODAY });
  if (!parsed.success) throw new Error(`fixture ${name} is invalid: ${parsed.error.message}`);
  return parsed.data;
}

export function caseOf(intake: AnyIntake): CaseDetail {
  const recommendation = recommendPlacement(intake);
  return {
    id: '11111111-1111-4111-8111-111111111111',
    createdAt: new Date('2025-06-01T14:30:00Z'),
    createdByName: 'Sam Clinician',
    assignedToName: null,
    status: 'NEW',
    version: 1,
    intake,
    instrumentItems: null,
    recommendation,
    rulesVersion: recommendation.rulesVersion,
    computedLevel: recommendation.treatmentLevel,
    computedWm: recommendation.withdrawalManagement,
    finalLevel: recommendation.treatmentLevel,
    finalWm: recommendation.withdrawalManagement,
    overrides: [],
    notes: [],
  };
}

export const RECIPIENT = 'Riverside Recovery Center';

export function consentFor(patientName: string, patch: Partial<ConsentView> = {}): ConsentView {
  return {
    id: '22222222-2222-4222-8222-222222222222',
    caseId: '11111111-1111-4111-8111-111111111111',
    createdAt: new Date('2025-06-02T09:00:00Z'),
    recordedByName: 'Sam Clinician',
    patientName,
    discloser: 'Harbor Lane Program',
    information: 'the intake assessment, level-of-care recommendation and referral summary of 2 June 2025',
    kind: 'named',
    recipientName: RECIPIENT,
    recipientContact: '555-0100',
    purpose: PURPOSES.referral,
    revocationText: REVOCATION_TEXT,
    expiryKind: 'date',
    expiresOn: '2026-06-02',
    expiryEvent: null,
    signatureMethod: 'typed',
    signatureName: patientName,
    signedAt: new Date('2025-06-02T09:05:00Z'),
    witnessedByName: null,
    redisclosureText: null,
    revokedAt: null,
    revocation: null,
    ...patch,
  };
}

export function referralWith(status: ReferralStatus): ReferralView {
  const at = (minute: number) => new Date(Date.UTC(2025, 5, 3, 10, minute));
  return {
    id: '33333333-3333-4333-8333-333333333333',
    caseId: '11111111-1111-4111-8111-111111111111',
    createdAt: at(0),
    referringStaffId: '44444444-4444-4444-8444-444444444444',
    referringStaffName: 'Núñez Strauß',
    recipientName: RECIPIENT,
    recipientAddress: '12 River Road, Springfield',
    recipientContact: 'intake@riverside.example',
    reason: 'Needs residential treatment with withdrawal management',
    requestedLevel: '3.7',
    requestedWm: '3.7-WM',
    consentId: '22222222-2222-4222-8222-222222222222',
    status,
    history: [
      { status: 'created', at: at(0), byName: 'Núñez Strauß', reason: null },
      ...(status === 'created'
        ? []
        : [
            {
              status,
              at: at(5),
              byName: 'Núñez Strauß',
              reason: status === 'declined' || status === 'cancelled' ? 'No bed available' : null,
            },
          ]),
    ],
  };
}

export function sourceOf(
  intake: AnyIntake,
  referral: ReferralView | null,
  consent: ConsentView = consentFor(`${intake.patient.firstName} ${intake.patient.lastName}`),
): ReferralExportSource {
  return {
    case: caseOf(intake),
    referral,
    consent,
    recipientName: RECIPIENT,
    programName: 'Harbor Lane Program',
    generatedAt: new Date('2025-06-04T12:00:00Z'),
    generatedByName: 'Nguyễn Văn An',
  };
}

/** Ids that are predictable in tests: 00000000-0000-4000-8000-000000000001, …02, … */
export function sequentialIds(): () => string {
  let next = 0;
  return () => `00000000-0000-4000-8000-${String(++next).padStart(12, '0')}`;
}
