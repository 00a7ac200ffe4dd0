/**
 * fast-check arbitraries for valid v2 intakes (valid against `testIntakeV2Schema`, assessed on
 * V2_TEST_TODAY): every answer the v2 rules read varies, and the cross-field refusals of the v2
 * schema are respected (pregnancy and sex, gestational weeks, withdrawal scores and substances,
 * PHQ-9 item 9 within the total).
 */
import fc from 'fast-check';
import {
  CURRENT_MEDICATIONS,
  EMPLOYMENT_STATUSES,
  HOUSING_STATUSES,
  LEGAL_STATUSES,
  PREGNANCY_STATUSES,
  READINESS_STAGES,
  ROUTES,
  SEXES,
  SUBSTANCE_CATEGORIES_V2,
  SUPPORT_SYSTEMS,
  WITHDRAWAL_SCORE_NEEDS,
  type IntakeV2,
} from '@/lib/intake';
import { buildIntakeV2, type IntakeV2Patch, type SubstanceV2Patch } from './intake-builder';

const scoreOrNull = (max: number) => fc.option(fc.integer({ min: 0, max }), { nil: null, freq: 3 });
/** Days weighted towards the thresholds the rules use (1, 4, 5, 11, 12, 19, 20). */
const days = fc.oneof(fc.constantFrom(0, 1, 4, 5, 11, 12, 19, 20, 30), fc.integer({ min: 0, max: 30 }));
const duration = fc.oneof(fc.constantFrom(0, 1, 5, 6, 11, 12, 24), fc.integer({ min: 0, max: 600 }));

const substance: fc.Arbitrary<SubstanceV2Patch> = fc.record({
  category: fc.constantFrom(...SUBSTANCE_CATEGORIES_V2),
  name: fc.constantFrom(
    'Klonopin',
    'Xanax',
    'Vodka',
    'Beer',
    'Heroin',
    'Fentanyl',
    'Methadone',
    'Gabapentin',
    'GHB',
    'Cocaine',
    'Kratom',
  ),
  route: fc.constantFrom(...ROUTES),
  daysUsedLast30: days,
  durationMonths: duration,
  prescribed: fc.boolean(),
});

/** Dates of birth giving ages 12 to 100 on 2025-06-01, with 29 February and birthdays near the day. */
const dateOfBirth = fc.oneof(
  fc.constantFrom('2008-02-29', '2007-06-01', '2007-06-02', '1960-06-01', '1960-06-02', '1960-02-29', '2013-06-01'),
  fc
    .date({ min: new Date('1925-06-02T00:00:00Z'), max: new Date('2013-06-01T00:00:00Z'), noInvalidDate: true })
    .map((date) => date.toISOString().slice(0, 10)),
);

export const intakeV2PatchArbitrary: fc.Arbitrary<IntakeV2Patch> = fc
  .record({
    substances: fc.array(substance, { minLength: 1, maxLength: 4 }),
    sex: fc.constantFrom(...SEXES),
    pregnancy: fc.constantFrom(...PREGNANCY_STATUSES),
    dateOfBirth,
    ciwaAr: scoreOrNull(67),
    ciwaB: scoreOrNull(80),
    cows: scoreOrNull(48),
    history: fc.record({
      historySeizures: fc.boolean(),
      historyDeliriumTremens: fc.boolean(),
      historyHallucinations: fc.boolean(),
    }),
    currentSeizureOrDelirium: fc.boolean(),
    biomedical: fc.record({
      unstableMedical: fc.boolean(),
      needs24hMedical: fc.boolean(),
      chronicConditions: fc.constantFrom<string[]>([], ['asthma']),
    }),
    phq9: scoreOrNull(27),
    phq9Item9: scoreOrNull(3),
    gad7: scoreOrNull(21),
    flags: fc.record({
      suicidalIdeationWithPlan: fc.boolean(),
      suicideAttemptLast3Months: fc.boolean(),
      homicidalIdeation: fc.boolean(),
      psychosis: fc.boolean(),
    }),
    overdoseRisk: fc.record({
      overdoseLast12Months: fc.boolean(),
      lostTolerance: fc.boolean(),
      usesAlone: fc.boolean(),
      naloxoneOnHand: fc.constantFrom(true, false, null),
    }),
    currentMedication: fc.constantFrom(...CURRENT_MEDICATIONS),
    stage: fc.constantFrom(...READINESS_STAGES),
    priorTreatmentEpisodes: fc.integer({ min: 0, max: 5 }),
    environment: fc.record({
      housing: fc.constantFrom(...HOUSING_STATUSES),
      livesWithActiveUser: fc.boolean(),
      supportSystem: fc.constantFrom(...SUPPORT_SYSTEMS),
      interpersonalSafetyConcern: fc.boolean(),
      ambulatoryWithdrawalSupport: fc.boolean(),
    }),
    socialNeeds: fc.record({
      employment: fc.constantFrom(...EMPLOYMENT_STATUSES),
      financialStrain: fc.boolean(),
      legal: fc.constantFrom(...LEGAL_STATUSES),
      transportationBarrier: fc.boolean(),
      foodInsecurity: fc.boolean(),
    }),
  })
  .map((a): IntakeV2Patch => {
    const listed = new Set(a.substances.map((s) => s.category));
    const scoreIfListed = (score: keyof typeof WITHDRAWAL_SCORE_NEEDS, value: number | null) =>
      WITHDRAWAL_SCORE_NEEDS[score].some((category) => listed.has(category)) ? value : null;
    const pregnancy = a.sex === 'male' ? 'no' : a.pregnancy;
    const phq9Item9 = a.phq9 !== null && a.phq9Item9 !== null ? Math.min(a.phq9Item9, a.phq9) : a.phq9Item9;
    return {
      substances: a.substances,
      patient: { sex: a.sex, pregnancy, gestationalWeeks: pregnancy === 'yes' ? 20 : null, dateOfBirth: a.dateOfBirth },
      withdrawal: {
        ciwaAr: scoreIfListed('ciwaAr', a.ciwaAr),
        ciwaB: scoreIfListed('ciwaB', a.ciwaB),
        cows: scoreIfListed('cows', a.cows),
        ...a.history,
        currentSeizureOrDelirium: a.currentSeizureOrDelirium,
      },
      biomedical: a.biomedical,
      mentalHealth: { phq9: a.phq9, phq9Item9, gad7: a.gad7, ...a.flags },
      overdoseRisk: a.overdoseRisk,
      treatment: { currentMedication: a.currentMedication },
      readiness: { stage: a.stage },
      relapse: { priorTreatmentEpisodes: a.priorTreatmentEpisodes },
      environment: a.environment,
      socialNeeds: a.socialNeeds,
    };
  });

export const intakeV2Arbitrary: fc.Arbitrary<IntakeV2> = intakeV2PatchArbitrary.map(buildIntakeV2);
