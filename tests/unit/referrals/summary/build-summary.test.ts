import { describe, expect, it, vi } from 'vitest';

// Times in these expectations are in UTC: fix the program's zone before lib/format loads.
vi.hoisted(() => {
  process.env.PROGRAM_TIME_ZONE = 'UTC';
});

import {
  PART2_CONFIDENTIAL_BANNER,
  PART2_NOTICE_FULL,
  PART2_NOTICE_SHORT,
  REVOCATION_TEXT,
  TPO_RECIPIENT_CLASS,
  TPO_REDISCLOSURE_TEXT,
  PURPOSES,
} from '@/lib/consent/part2-wording';
import {
  NONE_RECORDED,
  SUMMARY_SECTION_IDS,
  buildReferralSummary,
  type ReferralSummary,
  type SummaryBlock,
  type SummarySectionId,
} from '@/lib/referrals/summary/build-summary';
import type { ReferralExportSource } from '@/lib/referrals/export-source';
import { TREATMENT_LEVEL_NAMES } from '@/lib/placement';
import { consentFor, fixtureIntake, referralWith, sourceOf } from '@/tests/unit/fhir/fixtures';

function blocksOf(summary: ReferralSummary, id: SummarySectionId): readonly SummaryBlock[] {
  const section = summary.sections.find((candidate) => candidate.id === id);
  if (!section) throw new Error(`no section ${id}`);
  return section.blocks;
}

/** Label → value of every fields block of a section. */
function fieldsOf(summary: ReferralSummary, id: SummarySectionId): Record<string, string> {
  const out: Record<string, string> = {};
  for (const block of blocksOf(summary, id)) {
    if (block.kind === 'fields') for (const field of block.fields) out[field.label] = field.value;
  }
  return out;
}

function tableOf(summary: ReferralSummary, id: SummarySectionId) {
  const table = blocksOf(summary, id).find((block) => block.kind === 'table');
  if (!table || table.kind !== 'table') throw new Error(`no table in ${id}`);
  return table;
}

function textOf(summary: ReferralSummary, id: SummarySectionId): string {
  return JSON.stringify(blocksOf(summary, id));
}

const pregnant = () => sourceOf(fixtureIntake('v2-pregnant-heroin-fentanyl-xanax'), referralWith('sent'));

describe('buildReferralSummary', () => {
  it('has every section of issue 11 item 4, with a heading, in order, the consent and the full notice last', () => {
    const summary = buildReferralSummary(pregnant());
    expect(summary.sections.map((section) => section.id)).toEqual([...SUMMARY_SECTION_IDS]);
    for (const section of summary.sections) {
      expect(section.heading.length).toBeGreaterThan(0);
      expect(section.blocks.length).toBeGreaterThan(0);
    }
    expect(summary.sections.slice(-2).map((section) => section.id)).toEqual(['consent', 'notice']);
  });

  it('carries the banner and the 2024 notices verbatim, and a title without patient data', () => {
    const source = pregnant();
    const summary = buildReferralSummary(source);
    expect(summary.banner).toBe(PART2_CONFIDENTIAL_BANNER);
    expect(summary.shortNotice).toBe(PART2_NOTICE_SHORT);
    expect(blocksOf(summary, 'notice')).toEqual([
      { kind: 'paragraphs', paragraphs: [PART2_NOTICE_FULL, PART2_NOTICE_SHORT] },
    ]);
    expect(summary.title).toBe('Referral summary');
    expect(summary.title).not.toContain(source.case.intake.patient.lastName);
  });

  it('shows the patient identifiers and contact', () => {
    const patient = fieldsOf(buildReferralSummary(pregnant()), 'patient');
    expect(patient).toMatchObject({
      Name: 'Dana Okafor',
      'Date of birth': 'Sep 14, 1996',
      Sex: 'Female',
      'Medical record number': NONE_RECORDED,
      'Preferred language': 'English',
      'Emergency contact': 'Grace Okafor (Mother), 555-0142',
      Case: '11111111-1111-4111-8111-111111111111',
    });
  });

  it('shows the reason for referral, the recipient and the requested level and WM', () => {
    const reason = fieldsOf(buildReferralSummary(pregnant()), 'reason');
    expect(reason).toMatchObject({
      Recipient: 'Riverside Recovery Center',
      'Recipient address and contact': '12 River Road, Springfield; intake@riverside.example',
      'Reason for referral': 'Needs residential treatment with withdrawal management',
      'Requested level of care': `Level 3.7 ${TREATMENT_LEVEL_NAMES['3.7']}`,
      'Referral status': 'sent',
    });
    expect(reason['Requested withdrawal management']).toMatch(/3\.7/);
  });

  it('states "None recorded" for the referral fields of an export without a referral', () => {
    const summary = buildReferralSummary(sourceOf(fixtureIntake('v2-benign-baseline'), null));
    expect(fieldsOf(summary, 'reason')).toMatchObject({
      Recipient: 'Riverside Recovery Center',
      'Reason for referral': NONE_RECORDED,
      'Requested level of care': NONE_RECORDED,
    });
    expect(fieldsOf(summary, 'referrer')['Referring staff member']).toBe(NONE_RECORDED);
  });

  it('lists each substance with its route, frequency and duration', () => {
    const table = tableOf(buildReferralSummary(pregnant()), 'substances');
    expect(table.columns).toEqual(['Substance', 'Category', 'Route', 'Frequency', 'Duration', 'Last use']);
    expect(table.rows).toEqual([
      ['Heroin (primary)', 'Opioid', 'Injected', '30 of the last 30 days', '36 months', 'May 31, 2025'],
      ['Fentanyl', 'Opioid', 'Smoked', '22 of the last 30 days', '14 months', 'May 31, 2025'],
      ['Alprazolam (Xanax), street', 'Benzodiazepine', 'Oral', '15 of the last 30 days', '8 months', 'May 30, 2025'],
    ]);
  });

  it('gives every instrument a row with its score and band, and "Not done" for one not done', () => {
    const table = tableOf(buildReferralSummary(pregnant()), 'withdrawal');
    expect(table.columns).toEqual(['Instrument', 'Score', 'Band']);
    expect(table.rows).toEqual([
      ['CIWA-Ar', 'Not done', '—'],
      ['COWS', '14 of 48', 'Moderate withdrawal'],
      ['CIWA-B', '18 of 80', 'Mild withdrawal'],
      ['PHQ-9', '14 of 27', 'Moderate depression'],
      ['PHQ-9 item 9 (thoughts of self-harm)', '0 of 3', '—'],
      ['GAD-7', '12 of 21', 'Moderate anxiety'],
    ]);
    expect(fieldsOf(buildReferralSummary(pregnant()), 'withdrawal')['History of withdrawal seizures']).toBe('No');
  });

  it('rates all six dimensions with the rationale of each', () => {
    const source = pregnant();
    const table = tableOf(buildReferralSummary(source), 'dimensions');
    expect(table.rows).toHaveLength(6);
    const d1 = table.rows[0]!;
    expect(d1[0]).toBe('D1 Acute intoxication and/or withdrawal potential');
    expect(d1[1]).toBe(`${source.case.recommendation.dimensions.d1} of 4`);
    const d1Because = source.case.recommendation.rationale.filter((entry) => entry.dimension === 'd1');
    expect(d1Because.length).toBeGreaterThan(0);
    for (const entry of d1Because) expect(d1[2]).toContain(entry.because);
  });

  it('shows computed and final level as the same, with no override, when nobody overrode', () => {
    const level = fieldsOf(buildReferralSummary(pregnant()), 'level');
    expect(level['Computed level of care']).toBe(level['Final level of care']);
    expect(level.Override).toMatch(/^None/);
    expect(level['Override reason']).toBe(NONE_RECORDED);
  });

  it('shows both levels and the reason of a case with an override', () => {
    const source = pregnant();
    const overridden: ReferralExportSource = {
      ...source,
      case: {
        ...source.case,
        finalLevel: '3.5',
        finalWm: '3.2-WM',
        overrides: [
          {
            id: 'o1',
            at: new Date('2025-06-03T08:00:00Z'),
            byName: 'Dr Strauß',
            previousLevel: source.case.computedLevel,
            previousWm: source.case.computedWm,
            level: '3.5',
            wm: '3.2-WM',
            reason: 'Bed at 3.7 unavailable; daily medical visits arranged',
          },
        ],
      },
    };
    const level = fieldsOf(buildReferralSummary(overridden), 'level');
    expect(source.case.computedLevel).toBe('3.7');
    expect(level['Computed level of care']).toBe(`Level 3.7 ${TREATMENT_LEVEL_NAMES['3.7']}`);
    expect(level['Final level of care']).toMatch(/^Level 3\.5 /);
    expect(level['Final withdrawal management']).toMatch(/3\.2/);
    expect(level.Override).toContain('Dr Strauß');
    expect(level['Override reason']).toBe('Bed at 3.7 unavailable; daily medical visits arranged');
  });

  it('lists each flag with its title and urgency, and the services', () => {
    const source = pregnant();
    expect(source.case.recommendation.flags.length).toBeGreaterThan(0);
    const flags = tableOf(buildReferralSummary(source), 'flags');
    expect(flags.columns).toEqual(['Flag', 'Urgency', 'Guidance']);
    expect(flags.rows).toHaveLength(source.case.recommendation.flags.length);
    for (const row of flags.rows) expect(['emergency', 'urgent', 'routine']).toContain(row[1]);
    const services = blocksOf(buildReferralSummary(source), 'services')[0]!;
    expect(services.kind).toBe('paragraphs');
    if (services.kind === 'paragraphs') {
      expect(services.paragraphs).toHaveLength(source.case.recommendation.services.length);
      expect(services.paragraphs).not.toContain(NONE_RECORDED);
    }
  });

  it('says "None recorded" for flags, services and notes when there are none', () => {
    const source = sourceOf(fixtureIntake('v2-benign-baseline'), null);
    const empty = {
      ...source,
      case: { ...source.case, recommendation: { ...source.case.recommendation, flags: [], services: [] } },
    } as ReferralExportSource;
    const summary = buildReferralSummary(empty);
    for (const id of ['flags', 'services', 'notes'] as const) {
      expect(blocksOf(summary, id)).toEqual([{ kind: 'paragraphs', paragraphs: [NONE_RECORDED] }]);
    }
  });

  it('shows the social needs', () => {
    expect(fieldsOf(buildReferralSummary(pregnant()), 'socialNeeds')).toMatchObject({
      Housing: expect.any(String),
      Employment: 'Unemployed',
      'Financial strain': 'Yes',
      'Transportation barrier': 'Yes',
      'Food insecurity': 'Yes',
    });
  });

  it('shows the intake notes and the case notes with author and time', () => {
    const source = sourceOf(
      fixtureIntake('v2-pregnant-heroin-fentanyl-xanax', (raw) => {
        raw.notes = { general: 'Prefers morning appointments.' };
      }),
      referralWith('sent'),
    );
    const withNotes: ReferralExportSource = {
      ...source,
      case: {
        ...source.case,
        notes: [
          {
            id: 'n1',
            createdAt: new Date('2025-06-02T10:00:00Z'),
            authorName: 'Nguyễn Thị Mai',
            body: 'Called the patient.',
          },
        ],
      },
    };
    const table = tableOf(buildReferralSummary(withNotes), 'notes');
    expect(table.rows).toEqual([
      ['Intake: General notes', 'Prefers morning appointments.'],
      ['Nguyễn Thị Mai, Jun 2, 2025, 10:00 UTC', 'Called the patient.'],
    ]);
  });

  it('names the referring staff member, the program and the date generated', () => {
    const summary = buildReferralSummary(pregnant());
    expect(fieldsOf(summary, 'referrer')).toEqual({
      'Referring staff member': 'Núñez Strauß',
      'Disclosing program': 'Harbor Lane Program',
      'Generated by': 'Nguyễn Văn An',
      'Generated on': 'Jun 4, 2025, 12:00 UTC',
    });
    expect(summary.generatedAt).toBe('Jun 4, 2025, 12:00 UTC');
  });

  it('copies every §2.31 element of a named consent as signed', () => {
    const consent = fieldsOf(buildReferralSummary(pregnant()), 'consent');
    expect(consent).toMatchObject({
      Patient: 'Dana Okafor',
      'Who may disclose': 'Harbor Lane Program',
      'Information to be disclosed':
        'the intake assessment, level-of-care recommendation and referral summary of 2 June 2025',
      Recipient: 'Riverside Recovery Center (555-0100)',
      Purpose: PURPOSES.referral,
      'Right to revoke': REVOCATION_TEXT,
      Expiry: 'On Jun 2, 2026',
      Signature: 'Typed name "Dana Okafor" as electronic signature, Jun 2, 2025, 09:05 UTC',
      'Date signed': 'Jun 2, 2025, 09:05 UTC',
      Revocation: 'Not revoked',
    });
    expect(consent).not.toHaveProperty('Redisclosure');
  });

  it('copies a TPO consent signed on paper: class recipient, no expiry, witness and the redisclosure statement', () => {
    const source = sourceOf(
      fixtureIntake('v2-pregnant-heroin-fentanyl-xanax'),
      referralWith('sent'),
      consentFor('Dana Okafor', {
        kind: 'tpo',
        recipientName: TPO_RECIPIENT_CLASS,
        recipientContact: null,
        purpose: PURPOSES.tpo,
        expiryKind: 'none',
        expiresOn: null,
        signatureMethod: 'paper',
        witnessedByName: 'Sam Clinician',
        redisclosureText: TPO_REDISCLOSURE_TEXT,
      }),
    );
    const consent = fieldsOf(buildReferralSummary(source), 'consent');
    expect(consent.Recipient).toBe(TPO_RECIPIENT_CLASS);
    expect(consent.Purpose).toBe(PURPOSES.tpo);
    expect(consent.Expiry).toBe('None (until revoked in writing)');
    expect(consent.Signature).toBe('Signed on paper by Dana Okafor, witnessed by Sam Clinician');
    expect(consent.Redisclosure).toBe(TPO_REDISCLOSURE_TEXT);
  });

  it('states an event expiry', () => {
    const source = sourceOf(
      fixtureIntake('v2-benign-baseline'),
      null,
      consentFor('X Y', { expiryKind: 'event', expiresOn: null, expiryEvent: 'end of treatment' }),
    );
    expect(fieldsOf(buildReferralSummary(source), 'consent').Expiry).toBe('At end of treatment');
  });

  it('reads a v1 intake too (no v2-only fields: the emergency contact is "None recorded")', () => {
    const summary = buildReferralSummary(sourceOf(fixtureIntake('alcohol-severe-withdrawal-seizure-history'), null));
    expect(fieldsOf(summary, 'patient')['Emergency contact']).toBe(NONE_RECORDED);
    expect(textOf(summary, 'withdrawal')).toContain('CIWA-Ar');
  });
});
