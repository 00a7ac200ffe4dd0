// The referral export as a FHIR R4 `document` Bundle (issue 11 item 5; docs/fhir-export.md). Pure:
// everything comes from the ReferralExportSource, ids are injectable, no clock, no database.
import type {
  Bundle,
  BundleEntry,
  CodeableConcept,
  Coding,
  Composition,
  CompositionSection,
  Condition,
  Consent,
  ContactPoint,
  Observation,
  Organization,
  Patient,
  Practitioner,
  PractitionerRole,
  QuestionnaireResponse,
  QuestionnaireResponseItem,
  QuestionnaireResponseItemAnswer,
  Reference,
  Resource,
  ServiceRequest,
  Task,
} from '@medplum/fhirtypes';

import { PART2_NOTICE_FULL, PURPOSES } from '@/lib/consent/part2-wording';
import { isIntakeV2, type AnyIntake } from '@/lib/intake';
import {
  EMPLOYMENT_STATUS_LABELS,
  HOUSING_STATUS_LABELS,
  LEGAL_STATUS_LABELS,
  type EmploymentStatus,
  type HousingStatus,
  type LegalStatus,
} from '@/lib/intake/options';
import {
  TREATMENT_LEVEL_NAMES,
  WITHDRAWAL_MANAGEMENT_LEVEL_NAMES,
  flagWordsFor,
  isTreatmentLevel,
  isWithdrawalManagementLevel,
  type AnyRulesVersion,
} from '@/lib/placement';
import type { ReferralExportSource, ReferralView } from '@/lib/referrals/export-source';

import { LOCAL, LOINC, PART2_POLICY_URL, PART2_SECURITY_LABELS, SYSTEMS } from './codes';
import { REFERRAL_STATUS_FHIR } from './referral-status';

export interface BuildReferralBundleOptions {
  /** Makes the id of each resource (and of the Bundle); crypto.randomUUID by default. */
  readonly newId?: () => string;
}

type Ref<T extends Resource> = Reference<T>;

/** The referral export of one case as a FHIR R4 document Bundle, Composition first. */
export function buildReferralBundle(source: ReferralExportSource, options: BuildReferralBundleOptions = {}): Bundle {
  const newId = options.newId ?? (() => crypto.randomUUID());
  const entries: Resource[] = [];
  const add = <T extends Resource>(resource: T): Ref<T> => {
    const id = newId();
    resource.id = id;
    entries.push(resource);
    return { reference: `urn:uuid:${id}` } as Ref<T>;
  };

  const { case: detail, referral } = source;
  const intake = detail.intake;
  const assessed = assessedAt(source);

  const program = add<Organization>({ resourceType: 'Organization', active: true, name: source.programName });
  const recipient = add<Organization>(recipientOrganization(source));
  const patient = add<Patient>(patientOf(intake, detail.id));
  const subject = { ...patient, display: patientName(intake) };

  const author = add<Practitioner>({ resourceType: 'Practitioner', name: [{ text: source.generatedByName }] });

  // Instrument totals and social needs.
  const scores = instrumentObservations(intake, subject, assessed).map((resource) => add(resource));
  const socialObservations = socialNeedObservations(intake, subject, assessed).map((built) => ({
    built,
    ref: add(built.observation),
  }));
  const socialConditions = socialObservations
    .filter(({ built }) => built.condition !== null)
    .map(({ built, ref }) => add<Condition>(socialCondition(built.condition!, ref, subject, assessed)));
  const chronic = intake.biomedical.chronicConditions.map((text) =>
    add<Condition>({
      resourceType: 'Condition',
      clinicalStatus: { coding: [{ system: SYSTEMS.conditionClinical, code: 'active', display: 'Active' }] },
      category: [{ coding: [{ system: SYSTEMS.conditionCategory, code: 'problem-list-item' }] }],
      code: { text },
      subject,
      recordedDate: assessed,
    }),
  );
  const questionnaireResponse = add<QuestionnaireResponse>(intakeResponse(intake, subject, assessed));
  const consentRef = add<Consent>(consentOf(source, subject, program, recipient));

  // The referral (BSeR ReferralServiceRequest + ReferralTask shape); omitted without a referral.
  let referralRefs: Ref<Resource>[] = [];
  if (referral) {
    const referrer = add<Practitioner>({
      resourceType: 'Practitioner',
      identifier: [{ system: LOCAL.staffId, value: referral.referringStaffId }],
      name: [{ text: referral.referringStaffName }],
    });
    const requester = add<PractitionerRole>({
      resourceType: 'PractitionerRole',
      active: true,
      practitioner: { ...referrer, display: referral.referringStaffName },
      organization: { ...program, display: source.programName },
    });
    const serviceRequest = add<ServiceRequest>(
      serviceRequestOf(source, referral, {
        subject,
        requester,
        recipient,
        supportingInfo: [...scores, ...socialObservations.map(({ ref }) => ref), questionnaireResponse],
        reasonReference: [...chronic, ...socialConditions],
      }),
    );
    const task = add<Task>(taskOf(referral, { subject, requester, recipient, serviceRequest }));
    referralRefs = [serviceRequest, task];
  }

  const noticeSection: CompositionSection = {
    title: '42 CFR Part 2 notice',
    text: { status: 'generated', div: xhtml(PART2_NOTICE_FULL) },
  };
  const sections: CompositionSection[] = [
    section('Referral', referralRefs),
    section('Patient', [patient]),
    section('Assessment scores', scores),
    section(
      'Social needs',
      socialObservations.map(({ ref }) => ref),
    ),
    section('Conditions', [...chronic, ...socialConditions]),
    section('Intake assessment', [questionnaireResponse]),
    section('Consent', [consentRef]),
    section('Disclosing program and recipient', [program, recipient]),
    noticeSection,
  ].filter((candidate) => candidate.text !== undefined || (candidate.entry?.length ?? 0) > 0);

  const compositionId = newId();
  const composition: Composition = {
    resourceType: 'Composition',
    id: compositionId,
    meta: { security: securityLabels() },
    status: 'final',
    type: { coding: [{ system: SYSTEMS.loinc, ...LOINC.referralNote }], text: 'Referral summary' },
    subject,
    date: source.generatedAt.toISOString(),
    author: [
      { ...author, display: source.generatedByName },
      { ...program, display: source.programName },
    ],
    title: `Referral summary — ${source.programName} to ${source.recipientName}`,
    confidentiality: 'R',
    custodian: { ...program, display: source.programName },
    section: sections,
  };

  const entry: BundleEntry[] = [composition, ...entries].map((resource) => ({
    fullUrl: `urn:uuid:${resource.id}`,
    resource,
  }));
  return {
    resourceType: 'Bundle',
    id: newId(),
    meta: { security: securityLabels() },
    identifier: { system: SYSTEMS.uri, value: `urn:uuid:${newId()}` },
    type: 'document',
    timestamp: source.generatedAt.toISOString(),
    entry,
  };
}

function securityLabels(): Coding[] {
  return PART2_SECURITY_LABELS.map((label) => ({ ...label }));
}

function section(title: string, refs: readonly Ref<Resource>[]): CompositionSection {
  return { title, entry: refs.map((ref) => ({ reference: ref.reference })) };
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function xhtml(text: string): string {
  return `<div xmlns="http://www.w3.org/1999/xhtml"><p>${escapeXml(text)}</p></div>`;
}

/** When the intake was assessed: v2's assessment date, else the case's creation instant. */
function assessedAt(source: ReferralExportSource): string {
  const intake = source.case.intake;
  return isIntakeV2(intake) ? intake.assessedOn : source.case.createdAt.toISOString();
}

function patientName(intake: AnyIntake): string {
  return `${intake.patient.firstName} ${intake.patient.lastName}`;
}

function patientOf(intake: AnyIntake, caseId: string): Patient {
  const { patient } = intake;
  const resource: Patient = {
    resourceType: 'Patient',
    identifier: [{ system: LOCAL.caseId, value: caseId }],
    name: [{ use: 'official', family: patient.lastName, given: [patient.firstName] }],
    gender: patient.sex,
    birthDate: patient.dateOfBirth,
  };
  if (patient.mrn) {
    resource.identifier!.unshift({
      use: 'usual',
      type: { coding: [{ system: SYSTEMS.identifierType, code: 'MR', display: 'Medical record number' }] },
      system: LOCAL.mrn,
      value: patient.mrn,
    });
  }
  if (patient.phone) resource.telecom = [{ system: 'phone', value: patient.phone }];
  if (isIntakeV2(intake)) {
    const { preferredLanguage, emergencyContact } = intake.patient;
    if (preferredLanguage) resource.communication = [{ language: { text: preferredLanguage }, preferred: true }];
    if (emergencyContact) {
      resource.contact = [
        {
          relationship: [{ text: emergencyContact.relationship }],
          name: { text: emergencyContact.name },
          telecom: [{ system: 'phone', value: emergencyContact.phone }],
        },
      ];
    }
  }
  return resource;
}

/** A typed contact line as a ContactPoint: an e-mail address, a phone number, or other. */
function contactPoint(value: string): ContactPoint {
  if (/^[^\s@]+@[^\s@]+$/.test(value.trim())) return { system: 'email', value: value.trim() };
  if (/^[+()\d\s.-]{6,}$/.test(value.trim())) return { system: 'phone', value: value.trim() };
  return { system: 'other', value: value.trim() };
}

function recipientOrganization(source: ReferralExportSource): Organization {
  const resource: Organization = { resourceType: 'Organization', name: source.recipientName };
  const referral = source.referral;
  if (referral) {
    if (referral.recipientAddress) resource.address = [{ text: referral.recipientAddress }];
    if (referral.recipientContact) resource.telecom = [contactPoint(referral.recipientContact)];
  } else if (source.consent.recipientContact) {
    resource.telecom = [contactPoint(source.consent.recipientContact)];
  }
  return resource;
}

function scoreObservation(
  code: Coding,
  text: string,
  value: number,
  subject: Ref<Patient>,
  effective: string,
): Observation {
  return {
    resourceType: 'Observation',
    status: 'final',
    category: [{ coding: [{ system: SYSTEMS.observationCategory, code: 'survey', display: 'Survey' }] }],
    code: { coding: [code], text },
    subject,
    effectiveDateTime: effective,
    valueQuantity: { value, unit: '{score}', system: SYSTEMS.ucum, code: '{score}' },
  };
}

/** One Observation per recorded instrument total; a null (not done) total has none. */
function instrumentObservations(intake: AnyIntake, subject: Ref<Patient>, effective: string): Observation[] {
  const { withdrawal, mentalHealth } = intake;
  const candidates: Array<[number | null, Coding, string]> = [
    [
      withdrawal.ciwaAr,
      { system: LOCAL.instrument, code: 'ciwa-ar-total', display: 'CIWA-Ar total score' },
      'CIWA-Ar total',
    ],
    [withdrawal.cows, { system: LOCAL.instrument, code: 'cows-total', display: 'COWS total score' }, 'COWS total'],
    [
      withdrawal.ciwaB,
      { system: LOCAL.instrument, code: 'ciwa-b-total', display: 'CIWA-B total score' },
      'CIWA-B total',
    ],
    [mentalHealth.phq9, { system: SYSTEMS.loinc, ...LOINC.phq9Total }, 'PHQ-9 total'],
    [mentalHealth.phq9Item9, { system: SYSTEMS.loinc, ...LOINC.phq9Item9 }, 'PHQ-9 item 9 (thoughts of self-harm)'],
    [mentalHealth.gad7, { system: SYSTEMS.loinc, ...LOINC.gad7Total }, 'GAD-7 total'],
  ];
  return candidates
    .filter((candidate): candidate is [number, Coding, string] => candidate[0] !== null)
    .map(([value, code, text]) => scoreObservation(code, text, value, subject, effective));
}

interface SocialCondition {
  readonly snomed: string;
  readonly display: string;
  readonly category: string;
}

interface BuiltSocialNeed {
  readonly observation: Observation;
  /** The health concern a positive answer records (SNOMED CT), or null. */
  readonly condition: SocialCondition | null;
}

function yesNo(value: boolean, yes: string, no: string): CodeableConcept {
  return {
    coding: [{ system: LOCAL.answer, code: value ? 'yes' : 'no', display: value ? 'Yes' : 'No' }],
    text: value ? yes : no,
  };
}

/** The HVS risk answer (LOINC answer list of 88124-3) first, then the local yes/no. */
function withLoincAnswer(value: CodeableConcept, answer: { code: string; display: string }): CodeableConcept {
  return { ...value, coding: [{ system: SYSTEMS.loinc, ...answer }, ...(value.coding ?? [])] };
}

function sdohCategory(code: string): CodeableConcept {
  return { coding: [{ system: SYSTEMS.sdohCategory, code }] };
}

const SOCIAL_HISTORY: CodeableConcept = {
  coding: [{ system: SYSTEMS.observationCategory, code: 'social-history', display: 'Social History' }],
};

/** The social-needs answers of the intake (Gravity SDOH codes where they exist; docs/fhir-export.md). */
function socialNeedObservations(intake: AnyIntake, subject: Ref<Patient>, effective: string): BuiltSocialNeed[] {
  const { socialNeeds, environment } = intake;
  const observation = (
    codes: Coding[],
    text: string,
    category: string | null,
    value: CodeableConcept,
  ): Observation => ({
    resourceType: 'Observation',
    status: 'final',
    category: category === null ? [SOCIAL_HISTORY] : [SOCIAL_HISTORY, sdohCategory(category)],
    code: { coding: codes, text },
    subject,
    effectiveDateTime: effective,
    valueCodeableConcept: value,
  });
  const local = (code: string, display: string): Coding => ({ system: LOCAL.socialNeed, code, display });
  const housing: HousingStatus = environment.housing;
  const employment: EmploymentStatus = socialNeeds.employment;
  const legal: LegalStatus = socialNeeds.legal;

  return [
    {
      observation: observation(
        [{ system: SYSTEMS.loinc, ...LOINC.foodInsecurityRisk }, local('food-insecurity', 'Food insecurity')],
        'Food insecurity',
        'food-insecurity',
        withLoincAnswer(
          yesNo(socialNeeds.foodInsecurity, 'Food insecurity reported', 'No food insecurity reported'),
          socialNeeds.foodInsecurity ? LOINC.atRisk : LOINC.noRisk,
        ),
      ),
      condition: socialNeeds.foodInsecurity
        ? { snomed: '733423003', display: 'Food insecurity', category: 'food-insecurity' }
        : null,
    },
    {
      observation: observation(
        [{ system: SYSTEMS.loinc, ...LOINC.housingStatus }, local('housing', 'Housing')],
        'Housing',
        housing === 'homeless' ? 'homelessness' : 'housing-instability',
        {
          coding: [{ system: LOCAL.socialNeed, code: `housing-${housing}`, display: HOUSING_STATUS_LABELS[housing] }],
          text: HOUSING_STATUS_LABELS[housing],
        },
      ),
      condition:
        housing === 'homeless'
          ? { snomed: '32911000', display: 'Homeless', category: 'homelessness' }
          : housing === 'unstable'
            ? { snomed: '1156191002', display: 'Housing instability', category: 'housing-instability' }
            : null,
    },
    {
      observation: observation(
        [{ system: SYSTEMS.loinc, ...LOINC.transportation }, local('transportation-barrier', 'Transportation barrier')],
        'Transportation barrier',
        'transportation-insecurity',
        yesNo(
          socialNeeds.transportationBarrier,
          'Transportation barrier reported',
          'No transportation barrier reported',
        ),
      ),
      condition: socialNeeds.transportationBarrier
        ? { snomed: '713458007', display: 'Lack of access to transportation', category: 'transportation-insecurity' }
        : null,
    },
    {
      observation: observation(
        [{ system: SYSTEMS.loinc, ...LOINC.financialStrain }, local('financial-strain', 'Financial strain')],
        'Financial strain',
        'financial-insecurity',
        yesNo(socialNeeds.financialStrain, 'Financial strain reported', 'No financial strain reported'),
      ),
      condition: socialNeeds.financialStrain
        ? { snomed: '1184702004', display: 'Financial insecurity', category: 'financial-insecurity' }
        : null,
    },
    {
      observation: observation([local('employment', 'Employment')], 'Employment', 'employment-status', {
        coding: [
          { system: LOCAL.socialNeed, code: `employment-${employment}`, display: EMPLOYMENT_STATUS_LABELS[employment] },
        ],
        text: EMPLOYMENT_STATUS_LABELS[employment],
      }),
      condition: null,
    },
    {
      observation: observation([local('legal', 'Legal situation')], 'Legal situation', null, {
        coding: [{ system: LOCAL.socialNeed, code: `legal-${legal}`, display: LEGAL_STATUS_LABELS[legal] }],
        text: LEGAL_STATUS_LABELS[legal],
      }),
      condition: null,
    },
  ];
}

function socialCondition(
  concern: SocialCondition,
  evidence: Ref<Observation>,
  subject: Ref<Patient>,
  recorded: string,
): Condition {
  return {
    resourceType: 'Condition',
    clinicalStatus: { coding: [{ system: SYSTEMS.conditionClinical, code: 'active', display: 'Active' }] },
    category: [
      { coding: [{ system: SYSTEMS.conditionCategory, code: 'health-concern', display: 'Health Concern' }] },
      sdohCategory(concern.category),
    ],
    code: {
      coding: [{ system: SYSTEMS.snomed, code: concern.snomed, display: concern.display }],
      text: concern.display,
    },
    subject,
    recordedDate: recorded,
    evidence: [{ detail: [evidence] }],
  };
}

/** The whole intake as answered, one group per section, linkIds the field paths. */
function intakeResponse(intake: AnyIntake, subject: Ref<Patient>, authored: string): QuestionnaireResponse {
  const version = isIntakeV2(intake) ? 2 : 1;
  const items = Object.entries(intake)
    .filter(([key]) => key !== 'intakeVersion')
    .map(([key, value]) => responseItem(key, key, value))
    .filter((item): item is QuestionnaireResponseItem => item !== null);
  return {
    resourceType: 'QuestionnaireResponse',
    questionnaire: `${LOCAL.questionnaire}|${version}`,
    status: 'completed',
    subject,
    authored,
    item: items,
  };
}

function answerOf(value: unknown): QuestionnaireResponseItemAnswer | null {
  if (typeof value === 'boolean') return { valueBoolean: value };
  if (typeof value === 'number') return Number.isInteger(value) ? { valueInteger: value } : { valueDecimal: value };
  if (typeof value === 'string')
    return /^\d{4}-\d{2}-\d{2}$/.test(value) ? { valueDate: value } : { valueString: value };
  return null;
}

function responseItem(linkId: string, text: string, value: unknown): QuestionnaireResponseItem | null {
  if (value === undefined) return null;
  if (value === null) return { linkId, text };
  if (Array.isArray(value)) {
    if (value.every((element) => typeof element !== 'object' || element === null)) {
      const answer = value.map(answerOf).filter((a): a is QuestionnaireResponseItemAnswer => a !== null);
      return answer.length > 0 ? { linkId, text, answer } : { linkId, text };
    }
    // A list of groups (substances): one repeated group item per entry.
    const item = value
      .map((element, index) => responseItem(`${linkId}.${index}`, `${text} ${index + 1}`, element))
      .filter((entry): entry is QuestionnaireResponseItem => entry !== null);
    return item.length > 0 ? { linkId, text, item } : { linkId, text };
  }
  if (typeof value === 'object') {
    const item = Object.entries(value as Record<string, unknown>)
      .map(([key, child]) => responseItem(`${linkId}.${key}`, key, child))
      .filter((entry): entry is QuestionnaireResponseItem => entry !== null);
    return item.length > 0 ? { linkId, text, item } : { linkId, text };
  }
  const answer = answerOf(value);
  return answer ? { linkId, text, answer: [answer] } : { linkId, text };
}

const PURPOSE_CODES: Readonly<Record<string, readonly Coding[]>> = {
  [PURPOSES.referral]: [{ system: SYSTEMS.actReason, code: 'TREAT', display: 'treatment' }],
  [PURPOSES.patientRequest]: [{ system: SYSTEMS.actReason, code: 'PATRQT', display: 'patient requested' }],
  [PURPOSES.tpo]: [
    { system: SYSTEMS.actReason, code: 'TREAT', display: 'treatment' },
    { system: SYSTEMS.actReason, code: 'HPAYMT', display: 'healthcare payment' },
    { system: SYSTEMS.actReason, code: 'HOPERAT', display: 'healthcare operations' },
  ],
};

function consentText(source: ReferralExportSource): string {
  const c = source.consent;
  const expiry =
    c.expiryKind === 'date' ? `on ${c.expiresOn}` : c.expiryKind === 'event' ? `at ${c.expiryEvent}` : 'none';
  const signature =
    c.signatureMethod === 'typed'
      ? `Signed electronically as "${c.signatureName}" at ${c.signedAt.toISOString()}`
      : `Signed on paper by ${c.signatureName} on ${c.signedAt.toISOString()}${c.witnessedByName ? `, witnessed by ${c.witnessedByName}` : ''}`;
  const lines = [
    `Consent to disclose (42 CFR 2.31)`,
    `Patient: ${c.patientName}`,
    `Who may disclose: ${c.discloser}`,
    `Information: ${c.information}`,
    `Recipient: ${c.recipientName}${c.recipientContact ? ` (${c.recipientContact})` : ''}`,
    `Purpose: ${c.purpose}`,
    `Right to revoke: ${c.revocationText}`,
    `Expiry: ${expiry}`,
    signature,
  ];
  if (c.redisclosureText) lines.push(`Redisclosure: ${c.redisclosureText}`);
  if (c.revocation) lines.push(`Revoked on ${c.revocation.revokedAt.toISOString()} (${c.revocation.method})`);
  return lines.join('\n');
}

function consentOf(
  source: ReferralExportSource,
  subject: Ref<Patient>,
  program: Ref<Organization>,
  recipient: Ref<Organization>,
): Consent {
  const c = source.consent;
  const period: { start: string; end?: string } = { start: c.signedAt.toISOString() };
  if (c.expiryKind === 'date' && c.expiresOn) period.end = c.expiresOn;
  return {
    resourceType: 'Consent',
    identifier: [{ system: LOCAL.consentId, value: c.id }],
    status: c.revokedAt ? 'inactive' : 'active',
    scope: { coding: [{ system: SYSTEMS.consentScope, code: 'patient-privacy', display: 'Privacy Consent' }] },
    category: [{ coding: [{ system: SYSTEMS.loinc, ...LOINC.consentDocument }] }],
    patient: subject,
    dateTime: c.signedAt.toISOString(),
    performer: [subject],
    organization: [{ ...program, display: source.programName }],
    sourceAttachment: {
      contentType: 'text/plain; charset=utf-8',
      title: 'Consent to disclose (42 CFR part 2)',
      data: Buffer.from(consentText(source), 'utf8').toString('base64'),
    },
    policy: [{ authority: 'https://www.ecfr.gov', uri: PART2_POLICY_URL }],
    policyRule: { coding: [{ system: SYSTEMS.actCode, code: '42CFRPart2', display: '42 CFR Part2' }] },
    provision: {
      type: 'permit',
      period,
      actor: [
        {
          role: { coding: [{ system: SYSTEMS.participationType, code: 'IRCP', display: 'information recipient' }] },
          reference: { ...recipient, display: source.recipientName },
        },
      ],
      purpose: [...(PURPOSE_CODES[c.purpose] ?? [])].map((coding) => ({ ...coding })),
    },
  };
}

function levelCoding(level: string): Coding {
  return {
    system: LOCAL.levelOfCare,
    code: level,
    display: isTreatmentLevel(level) ? `Level ${level} ${TREATMENT_LEVEL_NAMES[level]}` : `Level ${level}`,
  };
}

function wmCoding(wm: string): Coding {
  return {
    system: LOCAL.wmLevel,
    code: wm,
    display: isWithdrawalManagementLevel(wm) ? WITHDRAWAL_MANAGEMENT_LEVEL_NAMES[wm] : wm,
  };
}

function serviceRequestOf(
  source: ReferralExportSource,
  referral: ReferralView,
  refs: {
    subject: Ref<Patient>;
    requester: Ref<PractitionerRole>;
    recipient: Ref<Organization>;
    supportingInfo: Ref<Resource>[];
    reasonReference: Ref<Condition>[];
  },
): ServiceRequest {
  const detail = source.case;
  const rulesVersion = detail.rulesVersion as AnyRulesVersion;
  const finalLevel = isTreatmentLevel(detail.finalLevel) ? detail.finalLevel : '1';
  const flagReasons: CodeableConcept[] = detail.recommendation.flags.map((flag) => {
    const words = flagWordsFor(rulesVersion, flag, finalLevel);
    return {
      coding: [{ system: `${LOCAL.flag}:${rulesVersion}`, code: flag, display: words?.title ?? flag }],
      text: words?.title ?? flag,
    };
  });
  const { dimensions } = detail.recommendation;
  const ratings = {
    text: `Dimension ratings: ${Object.entries(dimensions)
      .map(([dimension, value]) => `${dimension} ${value}`)
      .join(', ')}`,
  };
  const rationale = detail.recommendation.rationale.map((entry) => ({
    text: `${entry.dimension}${entry.code ? ` ${entry.code}` : ''}: ${entry.because}`,
  }));
  const override = detail.overrides[0];
  const notes = [
    ratings,
    ...rationale,
    ...(override
      ? [{ text: `Level overridden from ${override.previousLevel} / ${override.previousWm}: ${override.reason}` }]
      : []),
  ];
  const resource: ServiceRequest = {
    resourceType: 'ServiceRequest',
    identifier: [{ system: LOCAL.referralId, value: referral.id }],
    status: REFERRAL_STATUS_FHIR[referral.status].serviceRequestStatus,
    intent: 'order',
    category: [{ coding: [{ system: SYSTEMS.snomed, code: '3457005', display: 'Patient referral' }] }],
    code: { coding: [levelCoding(referral.requestedLevel)], text: levelCoding(referral.requestedLevel).display },
    orderDetail: [{ coding: [wmCoding(referral.requestedWm)], text: wmCoding(referral.requestedWm).display }],
    subject: refs.subject,
    authoredOn: referral.createdAt.toISOString(),
    requester: { ...refs.requester, display: referral.referringStaffName },
    performer: [{ ...refs.recipient, display: referral.recipientName }],
    reasonCode: [{ text: referral.reason }, ...flagReasons],
    supportingInfo: refs.supportingInfo,
  };
  if (refs.reasonReference.length > 0) resource.reasonReference = refs.reasonReference;
  if (notes.length > 0) resource.note = notes;
  return resource;
}

function taskOf(
  referral: ReferralView,
  refs: {
    subject: Ref<Patient>;
    requester: Ref<PractitionerRole>;
    recipient: Ref<Organization>;
    serviceRequest: Ref<ServiceRequest>;
  },
): Task {
  const mapped = REFERRAL_STATUS_FHIR[referral.status];
  const last = referral.history[referral.history.length - 1];
  const coding: Coding[] = [];
  if (mapped.bserCode) coding.push({ system: SYSTEMS.bserBusinessStatus, ...mapped.bserCode });
  coding.push({ system: LOCAL.referralStatus, code: referral.status, display: referral.status });
  const task: Task = {
    resourceType: 'Task',
    identifier: [{ system: LOCAL.referralId, value: referral.id }],
    basedOn: [refs.serviceRequest],
    status: mapped.taskStatus,
    businessStatus: { coding, text: referral.status },
    intent: 'order',
    focus: refs.serviceRequest,
    for: refs.subject,
    authoredOn: referral.createdAt.toISOString(),
    lastModified: (last?.at ?? referral.createdAt).toISOString(),
    requester: { ...refs.requester, display: referral.referringStaffName },
    owner: { ...refs.recipient, display: referral.recipientName },
  };
  if (last?.reason) task.statusReason = { text: last.reason };
  return task;
}
