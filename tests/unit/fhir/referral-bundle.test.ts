// The referral export as a FHIR R4 document Bundle (issue 11 item 5): structure-valid against the
// R4 definitions, with the expected resources, codes, references and Part 2 security labels.
import { beforeAll, describe, expect, it } from 'vitest';
import type {
  Bundle,
  Composition,
  Condition,
  Consent,
  Observation,
  Patient,
  QuestionnaireResponse,
  Resource,
  ServiceRequest,
  Task,
} from '@medplum/fhirtypes';

import { buildReferralBundle } from '@/lib/fhir/referral-bundle';
import { LOCAL, SYSTEMS } from '@/lib/fhir/codes';
import { REFERRAL_STATUS_FHIR } from '@/lib/fhir/referral-status';
import { REFERRAL_STATUSES, type ReferralStatus } from '@/lib/referrals/export-source';

import { consentFor, fixtureIntake, referralWith, sequentialIds, sourceOf } from './fixtures';
import { loadR4Definitions, structureErrors } from './validator';

const v1Intake = fixtureIntake('homeless-moderate-alcohol-withdrawal', (raw) => {
  raw.patient.mrn = 'MRN-0042';
  raw.patient.phone = '555-0199';
  raw.mentalHealth.phq9 = 11;
  raw.mentalHealth.phq9Item9 = 1;
  raw.mentalHealth.gad7 = 0;
});
const v2Intake = fixtureIntake('v2-pregnant-heroin-fentanyl-xanax');

function resources<T extends Resource>(bundle: Bundle, type: T['resourceType']): T[] {
  return (bundle.entry ?? []).map((entry) => entry.resource!).filter((r): r is T => r.resourceType === type);
}

function one<T extends Resource>(bundle: Bundle, type: T['resourceType']): T {
  const found = resources<T>(bundle, type);
  expect(found, type).toHaveLength(1);
  return found[0]!;
}

function observationByCode(bundle: Bundle, system: string, code: string): Observation | undefined {
  return resources<Observation>(bundle, 'Observation').find((o) =>
    o.code.coding?.some((c) => c.system === system && c.code === code),
  );
}

/** Every `reference` string anywhere in the Bundle. */
function allReferences(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => allReferences(v, out));
  else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      if (key === 'reference' && typeof child === 'string') out.push(child);
      else allReferences(child, out);
    }
  }
  return out;
}

function expectValid(bundle: Bundle) {
  expect(structureErrors(bundle)).toEqual([]);
  for (const entry of bundle.entry ?? [])
    expect(structureErrors(entry.resource!), entry.resource!.resourceType).toEqual([]);
}

beforeAll(() => loadR4Definitions(), 120_000);

describe('buildReferralBundle', () => {
  const v1 = buildReferralBundle(sourceOf(v1Intake, referralWith('sent')), { newId: sequentialIds() });
  const v2 = buildReferralBundle(sourceOf(v2Intake, referralWith('accepted')), { newId: sequentialIds() });

  it('validates against the R4 structure definitions, v1 and v2 intakes', () => {
    expectValid(v1);
    expectValid(v2);
  });

  it('is a document Bundle with an identifier, a timestamp and the Composition first', () => {
    for (const bundle of [v1, v2]) {
      expect(bundle.type).toBe('document');
      expect(bundle.identifier?.system).toBe('urn:ietf:rfc:3986');
      expect(bundle.timestamp).toBe('2025-06-04T12:00:00.000Z');
      expect(bundle.entry![0]!.resource!.resourceType).toBe('Composition');
      for (const entry of bundle.entry!) expect(entry.fullUrl).toBe(`urn:uuid:${entry.resource!.id}`);
    }
  });

  it('carries the Part 2 security labels R, 42CFRPart2 and NORDSCLCD', () => {
    const labels = v1.meta?.security?.map((c) => `${c.system}|${c.code}`);
    expect(labels).toEqual([
      'http://terminology.hl7.org/CodeSystem/v3-Confidentiality|R',
      'http://terminology.hl7.org/CodeSystem/v3-ActCode|42CFRPart2',
      'http://terminology.hl7.org/CodeSystem/v3-ActCode|NORDSCLCD',
    ]);
  });

  it('resolves every reference inside the Bundle, and the Composition lists every other entry', () => {
    for (const bundle of [v1, v2]) {
      const fullUrls = new Set(bundle.entry!.map((e) => e.fullUrl));
      const refs = allReferences(bundle);
      expect(refs.length).toBeGreaterThan(20);
      for (const ref of refs) expect(fullUrls.has(ref), ref).toBe(true);
      const composition = bundle.entry![0]!.resource as Composition;
      const listed = new Set(composition.section!.flatMap((s) => (s.entry ?? []).map((e) => e.reference)));
      const practitioners = new Set(
        bundle
          .entry!.filter((e) => ['Practitioner', 'PractitionerRole'].includes(e.resource!.resourceType))
          .map((e) => e.fullUrl),
      );
      for (const entry of bundle.entry!.slice(1)) {
        if (!practitioners.has(entry.fullUrl)) expect(listed.has(entry.fullUrl), entry.fullUrl).toBe(true);
      }
      expect(composition.section!.some((s) => s.text?.div.includes('42 CFR part 2'))).toBe(true);
    }
  });

  it('builds the Patient with name, birth date, gender, MRN, phone, language and emergency contact', () => {
    const p1 = one<Patient>(v1, 'Patient');
    expect(p1.name?.[0]).toMatchObject({ family: 'Ortiz', given: ['Casey'] });
    expect(p1.birthDate).toBe('1996-02-29');
    expect(p1.gender).toBe('other');
    expect(p1.identifier).toContainEqual(expect.objectContaining({ system: LOCAL.mrn, value: 'MRN-0042' }));
    expect(p1.telecom).toEqual([{ system: 'phone', value: '555-0199' }]);
    const p2 = one<Patient>(v2, 'Patient');
    expect(p2.communication?.[0]?.language.text).toBe('English');
    expect(p2.contact?.[0]).toMatchObject({
      name: { text: 'Grace Okafor' },
      relationship: [{ text: 'Mother' }],
      telecom: [{ system: 'phone', value: '555-0142' }],
    });
  });

  it('codes each recorded score: LOINC for PHQ-9, PHQ-9 item 9 and GAD-7, the local system for CIWA-Ar, COWS and CIWA-B', () => {
    const value = (bundle: Bundle, system: string, code: string) =>
      observationByCode(bundle, system, code)?.valueQuantity?.value;
    expect(value(v1, SYSTEMS.loinc, '44261-6')).toBe(11);
    expect(value(v1, SYSTEMS.loinc, '44260-8')).toBe(1);
    expect(value(v1, SYSTEMS.loinc, '70274-6')).toBe(0);
    expect(value(v1, LOCAL.instrument, 'ciwa-ar-total')).toBe(12);
    expect(value(v2, LOCAL.instrument, 'cows-total')).toBe(14);
    expect(value(v2, LOCAL.instrument, 'ciwa-b-total')).toBe(18);
    expect(value(v2, SYSTEMS.loinc, '44261-6')).toBe(14);
    expect(value(v2, SYSTEMS.loinc, '44260-8')).toBe(0);
    expect(value(v2, SYSTEMS.loinc, '70274-6')).toBe(12);
  });

  it('makes no Observation for a score that is null (not done)', () => {
    // v1 fixture: COWS and CIWA-B null; v2 fixture: CIWA-Ar null.
    expect(observationByCode(v1, LOCAL.instrument, 'cows-total')).toBeUndefined();
    expect(observationByCode(v1, LOCAL.instrument, 'ciwa-b-total')).toBeUndefined();
    expect(observationByCode(v2, LOCAL.instrument, 'ciwa-ar-total')).toBeUndefined();
    const noScores = fixtureIntake('v2-benign-baseline');
    const bundle = buildReferralBundle(sourceOf(noScores, referralWith('sent')));
    const scores = resources<Observation>(bundle, 'Observation').filter((o) =>
      o.category?.some((c) => c.coding?.some((k) => k.code === 'survey')),
    );
    expect(scores).toEqual([]);
    expectValid(bundle);
  });

  it('records social needs with the SDOH LOINC codes and categories, and Conditions for the positive ones', () => {
    const food = observationByCode(v2, SYSTEMS.loinc, '88124-3')!;
    expect(food.valueCodeableConcept?.coding?.map((c) => c.code)).toEqual(['LA19952-3', 'yes']);
    expect(
      observationByCode(
        buildReferralBundle(sourceOf(fixtureIntake('v2-benign-baseline'), null)),
        SYSTEMS.loinc,
        '88124-3',
      )?.valueCodeableConcept?.coding?.map((c) => c.code),
    ).toEqual(['LA19983-8', 'no']);
    expect(food.category?.map((c) => c.coding?.[0]?.code)).toEqual(['social-history', 'food-insecurity']);
    expect(observationByCode(v2, SYSTEMS.loinc, '71802-3')?.valueCodeableConcept?.coding?.[0]?.code).toBe(
      'housing-unstable',
    );
    expect(observationByCode(v1, SYSTEMS.loinc, '71802-3')?.valueCodeableConcept?.coding?.[0]?.code).toBe(
      'housing-homeless',
    );
    expect(observationByCode(v2, SYSTEMS.loinc, '93030-5')?.valueCodeableConcept?.coding?.[0]?.code).toBe('yes');
    expect(observationByCode(v2, SYSTEMS.loinc, '76513-1')?.valueCodeableConcept?.coding?.[0]?.code).toBe('yes');
    expect(observationByCode(v1, SYSTEMS.loinc, '76513-1')?.valueCodeableConcept?.coding?.[0]?.code).toBe('no');
    expect(observationByCode(v1, LOCAL.socialNeed, 'employment')?.valueCodeableConcept?.coding?.[0]?.code).toBe(
      'employment-recent_job_loss',
    );
    expect(observationByCode(v1, LOCAL.socialNeed, 'legal')).toBeDefined();

    const snomed = (bundle: Bundle) =>
      resources<Condition>(bundle, 'Condition')
        .flatMap((c) => c.code?.coding ?? [])
        .filter((c) => c.system === SYSTEMS.snomed)
        .map((c) => c.code)
        .sort();
    expect(snomed(v1)).toEqual(['32911000', '733423003']);
    expect(snomed(v2)).toEqual(['1156191002', '1184702004', '713458007', '733423003']);
  });

  it('records chronic conditions from the intake as text Conditions', () => {
    expect(resources<Condition>(v2, 'Condition').map((c) => c.code?.text)).toContain('Hepatitis C');
    expect(resources<Condition>(v1, 'Condition').every((c) => c.code?.coding?.length)).toBe(true);
  });

  it('builds the ServiceRequest in the BSeR shape: level code, WM detail, requester, performer with address and contact, reasons', () => {
    const request = one<ServiceRequest>(v1, 'ServiceRequest');
    expect(request.intent).toBe('order');
    expect(request.status).toBe('active');
    expect(request.code?.coding?.[0]).toMatchObject({ system: LOCAL.levelOfCare, code: '3.7' });
    expect(request.code?.coding?.[0]?.display).toBe('Level 3.7 Medically Monitored Intensive Inpatient');
    expect(request.orderDetail?.[0]?.coding?.[0]).toMatchObject({ system: LOCAL.wmLevel, code: '3.7-WM' });
    expect(request.reasonCode?.[0]?.text).toBe('Needs residential treatment with withdrawal management');
    expect(request.authoredOn).toBe('2025-06-03T10:00:00.000Z');
    const byUrl = new Map(v1.entry!.map((e) => [e.fullUrl, e.resource!]));
    const role = byUrl.get(request.requester!.reference);
    expect(role?.resourceType).toBe('PractitionerRole');
    const performer = byUrl.get(request.performer![0]!.reference) as {
      name?: string;
      address?: unknown;
      telecom?: unknown;
    };
    expect(performer).toMatchObject({
      resourceType: 'Organization',
      name: 'Riverside Recovery Center',
      address: [{ text: '12 River Road, Springfield' }],
      telecom: [{ system: 'email', value: 'intake@riverside.example' }],
    });
    const supporting = request.supportingInfo!.map((r) => byUrl.get(r.reference)!.resourceType);
    expect(supporting).toContain('QuestionnaireResponse');
    expect(supporting).toContain('Observation');
  });

  it('puts the placement flags among the ServiceRequest reasons', () => {
    const source = sourceOf(v2Intake, referralWith('sent'));
    expect(source.case.recommendation.flags.length).toBeGreaterThan(0);
    const request = one<ServiceRequest>(buildReferralBundle(source), 'ServiceRequest');
    const flagCodes = request.reasonCode!.flatMap((r) => r.coding ?? []).map((c) => c.code);
    expect(flagCodes).toEqual([...source.case.recommendation.flags]);
  });

  it('notes the dimension ratings, the rationale and the latest override on the ServiceRequest', () => {
    const source = sourceOf(v1Intake, referralWith('sent'));
    const withOverride = {
      ...source,
      case: {
        ...source.case,
        overrides: [
          {
            id: 'o1',
            at: new Date('2025-06-02T10:00:00Z'),
            byName: 'Sam Clinician',
            previousLevel: '2.1',
            previousWm: '2-WM',
            level: '3.7',
            wm: '3.7-WM',
            reason: 'No safe place to withdraw',
          },
        ],
      },
    };
    const request = one<ServiceRequest>(buildReferralBundle(withOverride), 'ServiceRequest');
    const notes = request.note!.map((n) => n.text);
    const d = source.case.recommendation.dimensions;
    expect(notes[0]).toBe(`Dimension ratings: d1 ${d.d1}, d2 ${d.d2}, d3 ${d.d3}, d4 ${d.d4}, d5 ${d.d5}, d6 ${d.d6}`);
    expect(notes).toHaveLength(source.case.recommendation.rationale.length + 2);
    expect(notes.at(-1)).toBe('Level overridden from 2.1 / 2-WM: No safe place to withdraw');
  });

  it.each(REFERRAL_STATUSES.map((status) => [status]))(
    'maps referral status %s onto the Task',
    (status: ReferralStatus) => {
      const bundle = buildReferralBundle(sourceOf(v1Intake, referralWith(status)));
      expectValid(bundle);
      const task = one<Task>(bundle, 'Task');
      const request = one<ServiceRequest>(bundle, 'ServiceRequest');
      const expected = {
        created: 'draft',
        sent: 'requested',
        accepted: 'accepted',
        declined: 'rejected',
        scheduled: 'in-progress',
        'no-show': 'in-progress',
        completed: 'completed',
        cancelled: 'cancelled',
      }[status];
      expect(task.status).toBe(expected);
      expect(task.businessStatus?.text).toBe(status);
      expect(task.businessStatus?.coding).toContainEqual(
        expect.objectContaining({ system: LOCAL.referralStatus, code: status }),
      );
      const bser = REFERRAL_STATUS_FHIR[status].bserCode;
      if (bser) {
        expect(task.businessStatus?.coding).toContainEqual(
          expect.objectContaining({ system: SYSTEMS.bserBusinessStatus, code: bser.code }),
        );
      }
      expect(task.focus?.reference).toBe(`urn:uuid:${request.id}`);
      expect(bundle.entry!.find((e) => e.fullUrl === task.for?.reference)?.resource?.resourceType).toBe('Patient');
      expect(bundle.entry!.find((e) => e.fullUrl === task.owner?.reference)?.resource).toMatchObject({
        resourceType: 'Organization',
        name: 'Riverside Recovery Center',
      });
      expect(task.statusReason?.text).toBe(
        status === 'declined' || status === 'cancelled' ? 'No bed available' : undefined,
      );
    },
  );

  it('maps the BSeR business status codes of the notes', () => {
    expect(REFERRAL_STATUS_FHIR.created.bserCode?.code).toBe('2.0');
    expect(REFERRAL_STATUS_FHIR.accepted.bserCode?.code).toBe('3.0');
    expect(REFERRAL_STATUS_FHIR.declined.bserCode?.code).toBe('4.0');
    expect(REFERRAL_STATUS_FHIR.scheduled.bserCode?.code).toBe('5.1.1');
    expect(REFERRAL_STATUS_FHIR['no-show'].bserCode?.code).toBe('5.1.2');
    expect(REFERRAL_STATUS_FHIR.cancelled.bserCode?.code).toBe('6.0');
    expect(REFERRAL_STATUS_FHIR.completed.bserCode?.code).toBe('7.0');
    expect(REFERRAL_STATUS_FHIR.sent.bserCode).toBeNull();
  });

  it('builds the Consent: active, privacy scope, LOINC category, Part 2 policy, recipient actor, purpose, date expiry', () => {
    const consent = one<Consent>(v1, 'Consent');
    expect(consent.status).toBe('active');
    expect(consent.scope.coding?.[0]?.code).toBe('patient-privacy');
    expect(consent.category[0]?.coding?.[0]).toMatchObject({ system: SYSTEMS.loinc, code: '59284-0' });
    expect(consent.dateTime).toBe('2025-06-02T09:05:00.000Z');
    expect(consent.policy?.[0]?.uri).toContain('part-2');
    expect(consent.provision?.period?.end).toBe('2026-06-02');
    expect(consent.provision?.purpose?.map((p) => p.code)).toEqual(['TREAT']);
    const actor = v1.entry!.find((e) => e.fullUrl === consent.provision?.actor?.[0]?.reference.reference)?.resource;
    expect(actor).toMatchObject({ resourceType: 'Organization', name: 'Riverside Recovery Center' });
    const text = Buffer.from(consent.sourceAttachment!.data!, 'base64').toString('utf8');
    expect(text).toContain('Patient: Casey Ortiz');
  });

  it('marks a revoked consent inactive and leaves out the period end for a consent without a date expiry', () => {
    const revoked = consentFor('Casey Ortiz', {
      expiryKind: 'none',
      expiresOn: null,
      revokedAt: new Date('2025-06-05T10:00:00Z'),
      revocation: {
        revokedAt: new Date('2025-06-05T10:00:00Z'),
        recordedAt: new Date('2025-06-05T10:05:00Z'),
        recordedByName: 'Sam Clinician',
        method: 'in writing',
      },
    });
    const bundle = buildReferralBundle(sourceOf(v1Intake, referralWith('sent'), revoked));
    const consent = one<Consent>(bundle, 'Consent');
    expect(consent.status).toBe('inactive');
    expect(consent.provision?.period?.end).toBeUndefined();
    expectValid(bundle);
  });

  it('holds the intake as a completed QuestionnaireResponse with the version canonical and the answers', () => {
    const qr1 = one<QuestionnaireResponse>(v1, 'QuestionnaireResponse');
    const qr2 = one<QuestionnaireResponse>(v2, 'QuestionnaireResponse');
    expect(qr1.status).toBe('completed');
    expect(qr1.questionnaire).toBe(`${LOCAL.questionnaire}|1`);
    expect(qr2.questionnaire).toBe(`${LOCAL.questionnaire}|2`);
    const find = (qr: QuestionnaireResponse, linkId: string) => {
      const walk = (
        items: QuestionnaireResponse['item'],
      ): NonNullable<QuestionnaireResponse['item']>[number] | undefined => {
        for (const item of items ?? []) {
          if (item.linkId === linkId) return item;
          const found = walk(item.item);
          if (found) return found;
        }
        return undefined;
      };
      return walk(qr.item);
    };
    expect(find(qr1, 'patient.lastName')?.answer).toEqual([{ valueString: 'Ortiz' }]);
    expect(find(qr1, 'patient.dateOfBirth')?.answer).toEqual([{ valueDate: '1996-02-29' }]);
    expect(find(qr1, 'withdrawal.ciwaAr')?.answer).toEqual([{ valueInteger: 12 }]);
    expect(find(qr1, 'withdrawal.cows')?.answer).toBeUndefined();
    expect(find(qr1, 'socialNeeds.foodInsecurity')?.answer).toEqual([{ valueBoolean: true }]);
    expect(find(qr1, 'substances.0.name')?.answer).toEqual([{ valueString: 'Beer' }]);
    expect(find(qr2, 'biomedical.chronicConditions')?.answer).toEqual([{ valueString: 'Hepatitis C' }]);
    expect(find(qr2, 'patient.emergencyContact.name')?.answer).toEqual([{ valueString: 'Grace Okafor' }]);
    expect(find(qr2, 'assessedOn')?.answer).toEqual([{ valueDate: '2025-06-01' }]);
  });

  it('without a referral (bulk export) leaves out the ServiceRequest and Task and still validates', () => {
    const bundle = buildReferralBundle(sourceOf(v2Intake, null), { newId: sequentialIds() });
    expectValid(bundle);
    expect(resources(bundle, 'ServiceRequest')).toEqual([]);
    expect(resources(bundle, 'Task')).toEqual([]);
    const composition = bundle.entry![0]!.resource as Composition;
    expect(composition.section!.map((s) => s.title)).not.toContain('Referral');
    const fullUrls = new Set(bundle.entry!.map((e) => e.fullUrl));
    for (const ref of allReferences(bundle)) expect(fullUrls.has(ref), ref).toBe(true);
    expect(one<Consent>(bundle, 'Consent').provision?.actor?.[0]?.reference.display).toBe('Riverside Recovery Center');
  });

  it('is pure: the same source and ids give the same Bundle; default ids are UUIDs', () => {
    const a = buildReferralBundle(sourceOf(v1Intake, referralWith('sent')), { newId: sequentialIds() });
    const b = buildReferralBundle(sourceOf(v1Intake, referralWith('sent')), { newId: sequentialIds() });
    expect(a).toEqual(b);
    const c = buildReferralBundle(sourceOf(v1Intake, referralWith('sent')));
    expect(c.entry![1]!.fullUrl).toMatch(
      /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });

  it('detects a broken Bundle (the validator is not a no-op)', () => {
    const broken = structuredClone(v1) as Bundle & { entry: Array<{ resource: Record<string, unknown> }> };
    (broken.entry[1]!.resource as Record<string, unknown>).unknownField = 1;
    expect(structureErrors(broken as Bundle).length).toBeGreaterThan(0);
  });
});
