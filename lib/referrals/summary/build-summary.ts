// The referral summary of issue 11 item 4 as a render-neutral model: sections with headings, each a
// list of blocks (label/value fields, tables, paragraphs). Pure and framework-free: the PDF
// (lib/referrals/pdf/render-pdf.ts) and any other renderer only lay it out. docs/referral-summary.md.
import { PART2_CONFIDENTIAL_BANNER, PART2_NOTICE_FULL, PART2_NOTICE_SHORT } from '@/lib/consent/part2-wording';
import { formatCalendarDate, formatDateTime } from '@/lib/format/date-time';
import { INSTRUMENTS, severityBandFor, type InstrumentId } from '@/lib/instruments';
import {
  EMPLOYMENT_STATUS_LABELS,
  HOUSING_STATUS_LABELS,
  LEGAL_STATUS_LABELS,
  ROUTE_LABELS,
  SEX_LABELS,
  SUBSTANCE_CATEGORY_LABELS,
  SUPPORT_SYSTEM_LABELS,
  isIntakeV2,
  type AnyIntake,
} from '@/lib/intake';
import {
  DIMENSIONS,
  DIMENSION_NAMES,
  TREATMENT_LEVEL_NAMES,
  WITHDRAWAL_MANAGEMENT_LEVEL_NAMES,
  flagWordsFor,
  isTreatmentLevel,
  isWithdrawalManagementLevel,
  serviceLabelFor,
  type AnyRulesVersion,
} from '@/lib/placement';
import type { ReferralExportSource } from '@/lib/referrals/export-source';

/** What a section says when the case holds nothing for it: stated, never dropped. */
export const NONE_RECORDED = 'None recorded';

export interface SummaryField {
  readonly label: string;
  readonly value: string;
}

export type SummaryBlock =
  | { readonly kind: 'fields'; readonly fields: readonly SummaryField[] }
  | { readonly kind: 'table'; readonly columns: readonly string[]; readonly rows: readonly (readonly string[])[] }
  | { readonly kind: 'paragraphs'; readonly paragraphs: readonly string[] };

export const SUMMARY_SECTION_IDS = [
  'patient',
  'reason',
  'substances',
  'withdrawal',
  'dimensions',
  'level',
  'flags',
  'services',
  'socialNeeds',
  'notes',
  'referrer',
  'consent',
  'notice',
] as const;
export type SummarySectionId = (typeof SUMMARY_SECTION_IDS)[number];

export interface SummarySection {
  readonly id: SummarySectionId;
  readonly heading: string;
  readonly blocks: readonly SummaryBlock[];
}

export interface ReferralSummary {
  /** The document title; holds no patient data (viewers show it in their title bar). */
  readonly title: string;
  /** The running header of every page. */
  readonly banner: string;
  /** §2.32(a)(2), on every page. */
  readonly shortNotice: string;
  /** "Dec 3, 2026, 09:10 CST", in the program's zone. */
  readonly generatedAt: string;
  /** In SUMMARY_SECTION_IDS order; the consent and the full notice come last. */
  readonly sections: readonly SummarySection[];
}

const fields = (...entries: ReadonlyArray<readonly [string, string]>): SummaryBlock => ({
  kind: 'fields',
  fields: entries.map(([label, value]) => ({ label, value })),
});
const paragraphs = (...texts: readonly string[]): SummaryBlock => ({ kind: 'paragraphs', paragraphs: texts });
const yesNo = (value: boolean): string => (value ? 'Yes' : 'No');
const orNone = (value: string | null | undefined): string =>
  value === null || value === undefined || value.trim() === '' ? NONE_RECORDED : value;

export function levelLabel(level: string): string {
  return isTreatmentLevel(level) ? `Level ${level} ${TREATMENT_LEVEL_NAMES[level]}` : `Level ${level}`;
}

export function wmLabel(wm: string): string {
  if (!isWithdrawalManagementLevel(wm)) return wm;
  return wm === 'none' ? WITHDRAWAL_MANAGEMENT_LEVEL_NAMES[wm] : `${wm} ${WITHDRAWAL_MANAGEMENT_LEVEL_NAMES[wm]}`;
}

/** The referral summary of one export source. */
export function buildReferralSummary(source: ReferralExportSource): ReferralSummary {
  const sections: SummarySection[] = [
    { id: 'patient', heading: 'Patient', blocks: [patientBlock(source.case.intake, source.case.id)] },
    { id: 'reason', heading: 'Reason for referral', blocks: [reasonBlock(source)] },
    { id: 'substances', heading: 'Substances', blocks: [substancesBlock(source.case.intake)] },
    { id: 'withdrawal', heading: 'Withdrawal risk and scores', blocks: withdrawalBlocks(source.case.intake) },
    { id: 'dimensions', heading: 'Dimension ratings', blocks: [dimensionsBlock(source)] },
    { id: 'level', heading: 'Level of care', blocks: levelBlocks(source) },
    { id: 'flags', heading: 'Flags', blocks: [flagsBlock(source)] },
    { id: 'services', heading: 'Services', blocks: [servicesBlock(source)] },
    { id: 'socialNeeds', heading: 'Social needs', blocks: [socialNeedsBlock(source.case.intake)] },
    { id: 'notes', heading: 'Relevant notes', blocks: [notesBlock(source)] },
    { id: 'referrer', heading: 'Referring staff member and program', blocks: [referrerBlock(source)] },
    { id: 'consent', heading: 'Consent to disclose (42 CFR 2.31)', blocks: consentBlocks(source) },
    {
      id: 'notice',
      heading: 'Notice to the recipient (42 CFR 2.32)',
      blocks: [paragraphs(PART2_NOTICE_FULL, PART2_NOTICE_SHORT)],
    },
  ];
  return {
    title: 'Referral summary',
    banner: PART2_CONFIDENTIAL_BANNER,
    shortNotice: PART2_NOTICE_SHORT,
    generatedAt: formatDateTime(source.generatedAt, { withZone: true }),
    sections,
  };
}

function patientBlock(intake: AnyIntake, caseId: string): SummaryBlock {
  const { patient } = intake;
  const rows: Array<readonly [string, string]> = [
    ['Name', `${patient.firstName} ${patient.lastName}`],
    ['Date of birth', formatCalendarDate(patient.dateOfBirth)],
    ['Sex', SEX_LABELS[patient.sex]],
    ['Medical record number', orNone(patient.mrn)],
    ['Phone', orNone(patient.phone)],
  ];
  if (isIntakeV2(intake)) {
    const { preferredLanguage, interpreterNeeded, emergencyContact } = intake.patient;
    rows.push(['Preferred language', orNone(preferredLanguage)], ['Interpreter needed', yesNo(interpreterNeeded)]);
    rows.push([
      'Emergency contact',
      emergencyContact
        ? `${emergencyContact.name} (${emergencyContact.relationship}), ${emergencyContact.phone}`
        : NONE_RECORDED,
    ]);
  } else {
    rows.push(['Emergency contact', NONE_RECORDED]);
  }
  rows.push(['Case', caseId]);
  return fields(...rows);
}

function reasonBlock(source: ReferralExportSource): SummaryBlock {
  const { referral } = source;
  if (!referral) {
    return fields(
      ['Recipient', source.recipientName],
      ['Reason for referral', NONE_RECORDED],
      ['Requested level of care', NONE_RECORDED],
      ['Requested withdrawal management', NONE_RECORDED],
    );
  }
  const address = [referral.recipientAddress, referral.recipientContact].filter((part): part is string => !!part);
  return fields(
    ['Recipient', referral.recipientName],
    ['Recipient address and contact', address.length > 0 ? address.join('; ') : NONE_RECORDED],
    ['Reason for referral', referral.reason],
    ['Requested level of care', levelLabel(referral.requestedLevel)],
    ['Requested withdrawal management', wmLabel(referral.requestedWm)],
    ['Referral status', referral.status],
    ['Referral created', formatDateTime(referral.createdAt, { withZone: true })],
  );
}

function substancesBlock(intake: AnyIntake): SummaryBlock {
  return {
    kind: 'table',
    columns: ['Substance', 'Category', 'Route', 'Frequency', 'Duration', 'Last use'],
    rows: intake.substances.map((substance) => [
      `${substance.name}${substance.primary ? ' (primary)' : ''}`,
      SUBSTANCE_CATEGORY_LABELS[substance.category],
      ROUTE_LABELS[substance.route],
      `${substance.daysUsedLast30} of the last 30 days`,
      `${substance.durationMonths} ${substance.durationMonths === 1 ? 'month' : 'months'}`,
      substance.lastUse ? formatCalendarDate(substance.lastUse) : NONE_RECORDED,
    ]),
  };
}

/** One row per instrument: its total and published band, or "Not done". */
function scoreRow(id: InstrumentId, total: number | null): string[] {
  const instrument = INSTRUMENTS[id];
  if (total === null) return [instrument.name, 'Not done', '—'];
  return [instrument.name, `${total} of ${instrument.maxTotal}`, severityBandFor(instrument, total).label];
}

function withdrawalBlocks(intake: AnyIntake): SummaryBlock[] {
  const { withdrawal, mentalHealth } = intake;
  const scores: SummaryBlock = {
    kind: 'table',
    columns: ['Instrument', 'Score', 'Band'],
    rows: [
      scoreRow('ciwaAr', withdrawal.ciwaAr),
      scoreRow('cows', withdrawal.cows),
      scoreRow('ciwaB', withdrawal.ciwaB),
      scoreRow('phq9', mentalHealth.phq9),
      [
        'PHQ-9 item 9 (thoughts of self-harm)',
        mentalHealth.phq9Item9 === null ? 'Not done' : `${mentalHealth.phq9Item9} of 3`,
        '—',
      ],
      scoreRow('gad7', mentalHealth.gad7),
    ],
  };
  const history = fields(
    ['History of withdrawal seizures', yesNo(withdrawal.historySeizures)],
    ['History of delirium tremens', yesNo(withdrawal.historyDeliriumTremens)],
    ['History of withdrawal hallucinations', yesNo(withdrawal.historyHallucinations)],
    ['Current seizure or delirium', yesNo(withdrawal.currentSeizureOrDelirium)],
  );
  return [scores, history];
}

function dimensionsBlock(source: ReferralExportSource): SummaryBlock {
  const { recommendation } = source.case;
  return {
    kind: 'table',
    columns: ['Dimension', 'Rating', 'Rationale'],
    rows: DIMENSIONS.map((dimension) => {
      const because = recommendation.rationale
        .filter((entry) => entry.dimension === dimension)
        .map((entry) => entry.because);
      return [
        `${dimension.toUpperCase()} ${DIMENSION_NAMES[dimension]}`,
        `${recommendation.dimensions[dimension]} of 4`,
        because.length > 0 ? because.join('; ') : NONE_RECORDED,
      ];
    }),
  };
}

function levelBlocks(source: ReferralExportSource): SummaryBlock[] {
  const detail = source.case;
  const override = detail.overrides[0];
  const levelWhy = detail.recommendation.rationale
    .filter((entry) => entry.dimension === 'level' || entry.dimension === 'wm')
    .map((entry) => entry.because);
  const blocks: SummaryBlock[] = [
    fields(
      ['Computed level of care', levelLabel(detail.computedLevel)],
      ['Computed withdrawal management', wmLabel(detail.computedWm)],
      ['Final level of care', levelLabel(detail.finalLevel)],
      ['Final withdrawal management', wmLabel(detail.finalWm)],
      [
        'Override',
        override
          ? `From ${levelLabel(override.previousLevel)} / ${wmLabel(override.previousWm)} to ${levelLabel(override.level)} / ${wmLabel(override.wm)} by ${override.byName} on ${formatDateTime(override.at, { withZone: true })}`
          : 'None: the final level is the computed level',
      ],
      ['Override reason', override ? override.reason : NONE_RECORDED],
      ['Rules version', detail.rulesVersion],
    ),
  ];
  if (levelWhy.length > 0) blocks.push(paragraphs(...levelWhy));
  return blocks;
}

function flagsBlock(source: ReferralExportSource): SummaryBlock {
  const detail = source.case;
  const rulesVersion = detail.rulesVersion as AnyRulesVersion;
  const level = isTreatmentLevel(detail.finalLevel) ? detail.finalLevel : '1';
  const rows = detail.recommendation.flags.map((code) => {
    const words = flagWordsFor(rulesVersion, code, level);
    return [words?.title ?? code, words?.urgency ?? 'unknown', words?.guidance ?? ''];
  });
  return rows.length > 0
    ? { kind: 'table', columns: ['Flag', 'Urgency', 'Guidance'], rows }
    : paragraphs(NONE_RECORDED);
}

function servicesBlock(source: ReferralExportSource): SummaryBlock {
  const rulesVersion = source.case.rulesVersion as AnyRulesVersion;
  const services = source.case.recommendation.services.map((code) => serviceLabelFor(rulesVersion, code) ?? code);
  return services.length > 0 ? paragraphs(...services) : paragraphs(NONE_RECORDED);
}

function socialNeedsBlock(intake: AnyIntake): SummaryBlock {
  const { socialNeeds, environment } = intake;
  return fields(
    ['Housing', HOUSING_STATUS_LABELS[environment.housing]],
    ['Support system', SUPPORT_SYSTEM_LABELS[environment.supportSystem]],
    ['Lives with someone who actively uses', yesNo(environment.livesWithActiveUser)],
    ['Employment', EMPLOYMENT_STATUS_LABELS[socialNeeds.employment]],
    ['Financial strain', yesNo(socialNeeds.financialStrain)],
    ['Legal situation', LEGAL_STATUS_LABELS[socialNeeds.legal]],
    ['Transportation barrier', yesNo(socialNeeds.transportationBarrier)],
    ['Food insecurity', yesNo(socialNeeds.foodInsecurity)],
  );
}

const INTAKE_NOTE_LABELS = {
  substances: 'Substance use notes',
  withdrawal: 'Withdrawal notes',
  medical: 'Medical notes',
  mentalHealth: 'Mental health notes',
  social: 'Social and environment notes',
  general: 'General notes',
} as const;

function notesBlock(source: ReferralExportSource): SummaryBlock {
  const intakeNotes = (source.case.intake as { notes?: Partial<Record<keyof typeof INTAKE_NOTE_LABELS, string>> })
    .notes;
  const rows: string[][] = [];
  for (const [key, label] of Object.entries(INTAKE_NOTE_LABELS)) {
    const body = intakeNotes?.[key as keyof typeof INTAKE_NOTE_LABELS];
    if (body && body.trim() !== '') rows.push([`Intake: ${label}`, body]);
  }
  for (const note of source.case.notes) {
    rows.push([`${note.authorName}, ${formatDateTime(note.createdAt, { withZone: true })}`, note.body]);
  }
  return rows.length > 0 ? { kind: 'table', columns: ['Note', 'Text'], rows } : paragraphs(NONE_RECORDED);
}

function referrerBlock(source: ReferralExportSource): SummaryBlock {
  return fields(
    ['Referring staff member', source.referral?.referringStaffName ?? NONE_RECORDED],
    ['Disclosing program', source.programName],
    ['Generated by', source.generatedByName],
    ['Generated on', formatDateTime(source.generatedAt, { withZone: true })],
  );
}

function consentBlocks(source: ReferralExportSource): SummaryBlock[] {
  const c = source.consent;
  const expiry =
    c.expiryKind === 'date'
      ? `On ${c.expiresOn ? formatCalendarDate(c.expiresOn) : NONE_RECORDED}`
      : c.expiryKind === 'event'
        ? `At ${orNone(c.expiryEvent)}`
        : 'None (until revoked in writing)';
  const signature =
    c.signatureMethod === 'typed'
      ? `Typed name "${c.signatureName}" as electronic signature, ${formatDateTime(c.signedAt, { withZone: true })}`
      : `Signed on paper by ${c.signatureName}${c.witnessedByName ? `, witnessed by ${c.witnessedByName}` : ''}`;
  const rows: Array<readonly [string, string]> = [
    ['Patient', c.patientName],
    ['Who may disclose', c.discloser],
    ['Information to be disclosed', c.information],
    ['Recipient', `${c.recipientName}${c.recipientContact ? ` (${c.recipientContact})` : ''}`],
    ['Purpose', c.purpose],
    ['Right to revoke', c.revocationText],
    ['Expiry', expiry],
    ['Signature', signature],
    ['Date signed', formatDateTime(c.signedAt, { withZone: true })],
  ];
  if (c.redisclosureText) rows.push(['Redisclosure', c.redisclosureText]);
  rows.push([
    'Revocation',
    c.revocation
      ? `Revoked ${formatDateTime(c.revocation.revokedAt, { withZone: true })} (${c.revocation.method}), recorded by ${c.revocation.recordedByName}`
      : 'Not revoked',
  ]);
  rows.push(['Consent recorded by', c.recordedByName]);
  return [fields(...rows)];
}
