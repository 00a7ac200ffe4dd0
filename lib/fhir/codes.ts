// Code systems and codes of the FHIR R4 referral export (docs/fhir-export.md). Standard codes are
// the ones in /work/shared/notes/part2-and-fhir.md; where no standard code could be confirmed the
// program's own (local) code system is used and the doc says so.

/** Base of the program's local code systems and identifier systems. */
export const LOCAL_BASE = 'urn:intake:fhir';

export const LOCAL = {
  instrument: `${LOCAL_BASE}:instrument`,
  levelOfCare: `${LOCAL_BASE}:level-of-care`,
  wmLevel: `${LOCAL_BASE}:withdrawal-management-level`,
  flag: `${LOCAL_BASE}:flag`,
  socialNeed: `${LOCAL_BASE}:social-need`,
  answer: `${LOCAL_BASE}:answer`,
  referralStatus: `${LOCAL_BASE}:referral-status`,
  mrn: `${LOCAL_BASE}:mrn`,
  caseId: `${LOCAL_BASE}:case`,
  referralId: `${LOCAL_BASE}:referral`,
  consentId: `${LOCAL_BASE}:consent`,
  staffId: `${LOCAL_BASE}:staff`,
  questionnaire: `${LOCAL_BASE}:Questionnaire/intake`,
} as const;

export const SYSTEMS = {
  loinc: 'http://loinc.org',
  snomed: 'http://snomed.info/sct',
  ucum: 'http://unitsofmeasure.org',
  confidentiality: 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality',
  actCode: 'http://terminology.hl7.org/CodeSystem/v3-ActCode',
  actReason: 'http://terminology.hl7.org/CodeSystem/v3-ActReason',
  participationType: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType',
  observationCategory: 'http://terminology.hl7.org/CodeSystem/observation-category',
  conditionCategory: 'http://terminology.hl7.org/CodeSystem/condition-category',
  conditionClinical: 'http://terminology.hl7.org/CodeSystem/condition-clinical',
  consentScope: 'http://terminology.hl7.org/CodeSystem/consentscope',
  identifierType: 'http://terminology.hl7.org/CodeSystem/v2-0203',
  sdohCategory: 'http://hl7.org/fhir/us/sdoh-clinicalcare/CodeSystem/SDOHCC-CodeSystemTemporaryCodes',
  bserBusinessStatus: 'http://hl7.org/fhir/us/bser/CodeSystem/TaskBusinessStatusCS',
  uri: 'urn:ietf:rfc:3986',
} as const;

/** LOINC codes of the instrument totals that have one. */
export const LOINC = {
  phq9Total: { code: '44261-6', display: 'Patient Health Questionnaire 9 item (PHQ-9) total score [Reported]' },
  phq9Item9: {
    code: '44260-8',
    display: 'Thoughts that you would be better off dead, or of hurting yourself in some way in the last 2 weeks',
  },
  gad7Total: { code: '70274-6', display: 'Generalized anxiety disorder 7 item (GAD-7) total score [Reported.PHQ]' },
  referralNote: { code: '57133-1', display: 'Referral note' },
  consentDocument: { code: '59284-0', display: 'Consent Document' },
  foodInsecurityRisk: { code: '88124-3', display: 'Food insecurity risk [HVS]' },
  /** Answers of 88124-3. */
  atRisk: { code: 'LA19952-3', display: 'At risk' },
  noRisk: { code: 'LA19983-8', display: 'No risk' },
  housingStatus: { code: '71802-3', display: 'Housing status' },
  transportation: {
    code: '93030-5',
    display:
      'Has lack of transportation kept you from medical appointments, meetings, work, or from getting things needed for daily living',
  },
  financialStrain: {
    code: '76513-1',
    display: 'How hard is it for you to pay for the very basics like food, housing, medical care, and heating',
  },
} as const;

/** Bundle.meta.security of every export of Part 2 data (DS4P). */
export const PART2_SECURITY_LABELS = [
  { system: SYSTEMS.confidentiality, code: 'R', display: 'restricted' },
  { system: SYSTEMS.actCode, code: '42CFRPart2', display: '42 CFR Part2' },
  { system: SYSTEMS.actCode, code: 'NORDSCLCD', display: 'no redisclosure without consent directive' },
] as const;

export const PART2_POLICY_URL = 'https://www.ecfr.gov/current/title-42/chapter-I/subchapter-A/part-2';
