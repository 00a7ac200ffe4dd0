import { describe, expect, it } from 'vitest';

import { AnyFormValuesSchema } from '@/lib/intake/form/any-values';
import { intakeToFormValues } from '@/lib/intake/form/from-intake';
import { formValuesToIntake, typedDate } from '@/lib/intake/form/to-intake';
import { IntakeFormValuesSchema, emptyIntakeFormValues, type IntakeFormValues } from '@/lib/intake/form/values';
import { IntakeFormValuesV1Schema, upgradeFormValuesV1, type IntakeFormValuesV1 } from '@/lib/intake/form/values-v1';
import { calendarDateOf } from '@/lib/format/date-time';
import { CIWA_AR, PHQ9 } from '@/lib/instruments';
import { recommendPlacement } from '@/lib/placement';

import { TEST_TODAY, klonopinDailyFormValues, klonopinDailyV1Intake, pregnantHeroinFormValues } from './form-fixtures';

const check = (values: IntakeFormValues) => formValuesToIntake(values, { today: TEST_TODAY });

function issuesOf(values: IntakeFormValues) {
  const result = check(values);
  if (result.ok) throw new Error('expected problems');
  return result.issues;
}

describe('formValuesToIntake', () => {
  it('turns the daily-Klonopin form into a v2 intake assessed today, placed by v2 at 3.7 / 3.7-WM with NO_ABRUPT_STOP', () => {
    const result = check(klonopinDailyFormValues());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.intake.intakeVersion).toBe(2);
    expect(result.intake.assessedOn).toBe(TEST_TODAY);
    const recommendation = recommendPlacement(result.intake);
    expect(recommendation.rulesVersion).toBe('placement-v2');
    expect(recommendation.treatmentLevel).toBe('3.7');
    expect(recommendation.withdrawalManagement).toBe('3.7-WM');
    expect(recommendation.flags).toContain('NO_ABRUPT_STOP');
    expect(result.instrumentItems).toEqual({});
  });

  it('reports every unanswered field of an empty form with its path and section, and no crash', () => {
    const issues = issuesOf(emptyIntakeFormValues());
    const byPath = new Map(issues.map((issue) => [issue.path, issue]));
    expect(byPath.get('patient.firstName')?.message).toBe('First name is required');
    expect(byPath.get('patient.firstName')?.section).toBe('patient');
    expect(byPath.get('substances[0].daysUsedLast30')?.message).toBe('Days used in the last 30 is required');
    expect(byPath.get('withdrawal.historySeizures')?.section).toBe('withdrawal');
    expect(byPath.get('withdrawal.ciwaAr')?.message).toMatch(/choose “Not assessed”/);
    expect(byPath.get('mentalHealth.phq9')?.section).toBe('mentalHealth');
    expect(byPath.get('relapse.priorTreatmentEpisodes')?.section).toBe('readiness');
    expect(byPath.get('socialNeeds.employment')?.section).toBe('environment');
  });

  it('keeps typed numbers and dates that break a rule, and names the rule', () => {
    const values = klonopinDailyFormValues();
    const issues = issuesOf({
      ...values,
      patient: { ...values.patient, dateOfBirth: '1990-02-30' },
      substances: [{ ...values.substances[0]!, daysUsedLast30: '31', durationMonths: 'eight' }],
    });
    expect(issues.map((issue) => [issue.path, issue.message])).toEqual(
      expect.arrayContaining([
        ['patient.dateOfBirth', 'Date of birth must be a real date written YYYY-MM-DD, for example 1984-03-09'],
        ['substances[0].daysUsedLast30', 'Days used in the last 30 must be a whole number from 0 to 30'],
        ['substances[0].durationMonths', 'Months of regular use must be a whole number from 0 to 600'],
      ]),
    );
  });

  it('requires exactly one primary substance', () => {
    const values = klonopinDailyFormValues();
    const issues = issuesOf({ ...values, substances: [{ ...values.substances[0]!, primary: false }] });
    expect(issues).toContainEqual({
      path: 'substances',
      message: 'Mark exactly one substance as primary; none is marked',
      section: 'substances',
    });
  });

  it('sums item answers on the server and feeds PHQ-9 item 9', () => {
    const values = klonopinDailyFormValues();
    const phq9Items = Object.fromEntries(PHQ9.items.map((item) => [item.id, item.number === 9 ? 2 : 1]));
    const ciwaItems = Object.fromEntries(CIWA_AR.items.map((item) => [item.id, 1]));
    const result = check({
      ...values,
      withdrawal: { ...values.withdrawal, ciwaAr: { status: 'assessed', items: ciwaItems } },
      mentalHealth: { ...values.mentalHealth, phq9: { status: 'assessed', items: phq9Items } },
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.intake.withdrawal.ciwaAr).toBe(10);
    expect(result.intake.mentalHealth.phq9).toBe(10);
    expect(result.intake.mentalHealth.phq9Item9).toBe(2);
    expect(result.instrumentItems.phq9).toEqual(phq9Items);
    expect(recommendPlacement(result.intake).flags).toContain('SAFETY_ASSESSMENT');
  });

  it('lists the unanswered items of an instrument being assessed', () => {
    const values = klonopinDailyFormValues();
    const issues = issuesOf({
      ...values,
      withdrawal: { ...values.withdrawal, ciwaAr: { status: 'assessed', items: { nauseaVomiting: 1, tremor: null } } },
    });
    expect(issues).toContainEqual({
      path: 'withdrawal.ciwaAr',
      message:
        'CIWA-Ar: items 2, 3, 4, 5, 6, 7, 8, 9 and 10 not answered yet — answer every item, or choose “Not assessed”',
      section: 'withdrawal',
    });
  });

  it('refuses an item value the instrument does not have', () => {
    const values = klonopinDailyFormValues();
    const cowsItems = {
      restingPulse: 3,
      sweating: 0,
      restlessness: 0,
      pupilSize: 0,
      boneJointAches: 0,
      runnyNoseTearing: 0,
      giUpset: 0,
      tremor: 0,
      yawning: 0,
      anxietyIrritability: 0,
      goosefleshSkin: 0,
    };
    const issues = issuesOf({
      ...values,
      withdrawal: { ...values.withdrawal, cows: { status: 'assessed', items: cowsItems } },
    });
    expect(issues.find((issue) => issue.path === 'withdrawal.cows')?.message).toMatch(
      /COWS item 1 \(Resting pulse rate.*\) must be one of 0, 1, 2, 4; got 3/,
    );
  });

  it('checks a CIWA-B total typed as text', () => {
    const values = klonopinDailyFormValues();
    const withTotal = (total: string) =>
      check({ ...values, withdrawal: { ...values.withdrawal, ciwaB: { status: 'assessed', total } } });
    const ok = withTotal(' 25 ');
    expect(ok.ok && ok.intake.withdrawal.ciwaB).toBe(25);
    const bad = withTotal('81');
    expect(!bad.ok && bad.issues).toEqual([
      {
        path: 'withdrawal.ciwaB',
        message: 'CIWA-B total must be a whole number from 0 to 80; got 81',
        section: 'withdrawal',
      },
    ]);
  });

  it('treats chronic conditions as one per line and leaves out blank notes', () => {
    const values = klonopinDailyFormValues();
    const result = check({
      ...values,
      biomedical: { ...values.biomedical, chronicConditions: ' asthma \n\n hypertension' },
      notes: { ...values.notes, general: 'Calls from a shared phone', social: '  ' },
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.intake.biomedical.chronicConditions).toEqual(['asthma', 'hypertension']);
    expect(result.intake.notes).toEqual({ general: 'Calls from a shared phone' });
  });
});

describe('formValuesToIntake: the v2 questions', () => {
  const female = (values: IntakeFormValues, pregnancy: IntakeFormValues['patient']['pregnancy'], weeks = '') => ({
    ...values,
    patient: { ...values.patient, sex: 'female' as const, pregnancy, gestationalWeeks: weeks },
  });

  it('places the pregnant heroin + fentanyl + Xanax form with OVERDOSE_RISK, MOUD_FIRST, PREGNANCY_PRIORITY and level changes', () => {
    const result = check(pregnantHeroinFormValues());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.intake.patient).toMatchObject({ pregnancy: 'yes', gestationalWeeks: 18 });
    const recommendation = recommendPlacement(result.intake);
    expect(recommendation.flags).toEqual(expect.arrayContaining(['OVERDOSE_RISK', 'MOUD_FIRST', 'PREGNANCY_PRIORITY']));
    expect(recommendation.rulesVersion === 'placement-v2' && recommendation.levelChanges.length).toBeGreaterThan(0);
  });

  it('does not ask a male patient about pregnancy and stores "no" with no weeks, whatever the form held', () => {
    const values = klonopinDailyFormValues();
    const result = check({
      ...values,
      patient: { ...values.patient, sex: 'male', pregnancy: 'yes', gestationalWeeks: '20' },
    });
    expect(result.ok && result.intake.patient).toMatchObject({ pregnancy: 'no', gestationalWeeks: null });
  });

  it('asks pregnancy for female, other and unknown: unanswered is required, "unknown" is incomplete', () => {
    const values = klonopinDailyFormValues();
    for (const sex of ['female', 'other', 'unknown'] as const) {
      const issues = issuesOf({ ...values, patient: { ...values.patient, sex, pregnancy: '' } });
      expect(issues.map((issue) => issue.path)).toContain('patient.pregnancy');
    }
    const unknown = check(female(values, 'unknown'));
    expect(unknown.ok && recommendPlacement(unknown.intake).rulesVersion === 'placement-v2').toBe(true);
    if (unknown.ok) {
      const recommendation = recommendPlacement(unknown.intake);
      expect('incomplete' in recommendation && recommendation.incomplete).toContain('patient.pregnancy');
    }
  });

  it('reads weeks of pregnancy only when pregnant: blank is "not known", out of range names the field', () => {
    const values = klonopinDailyFormValues();
    const weeks = (pregnancy: 'yes' | 'no', typed: string) => {
      const result = check(female(values, pregnancy, typed));
      return result.ok ? result.intake.patient.gestationalWeeks : result.issues.map((issue) => issue.path);
    };
    expect(weeks('yes', '18')).toBe(18);
    expect(weeks('yes', '')).toBeNull();
    expect(weeks('no', '18')).toBeNull(); // the weeks question is hidden once the answer is no
    expect(weeks('yes', '43')).toEqual(['patient.gestationalWeeks']);
  });

  it('maps the emergency contact: none given → null, given → all three fields required by name', () => {
    const values = klonopinDailyFormValues();
    const withContact = (emergencyContact: IntakeFormValues['patient']['emergencyContact']) =>
      check({ ...values, patient: { ...values.patient, emergencyContact } });
    const none = withContact({ given: 'no', name: 'ignored', phone: '', relationship: '' });
    expect(none.ok && none.intake.patient.emergencyContact).toBeNull();
    const given = withContact({ given: 'yes', name: 'Grace Lee', phone: '555-0100', relationship: 'Sister' });
    expect(given.ok && given.intake.patient.emergencyContact).toEqual({
      name: 'Grace Lee',
      phone: '555-0100',
      relationship: 'Sister',
    });
    const blank = withContact({ given: 'yes', name: '', phone: '', relationship: '' });
    expect(!blank.ok && blank.issues.map((issue) => [issue.path, issue.section])).toEqual([
      ['patient.emergencyContact.name', 'patient'],
      ['patient.emergencyContact.phone', 'patient'],
      ['patient.emergencyContact.relationship', 'patient'],
    ]);
    const unanswered = withContact({ given: '', name: '', phone: '', relationship: '' });
    expect(!unanswered.ok && unanswered.issues.map((issue) => issue.path)).toEqual(['patient.emergencyContact.given']);
  });

  it('maps the other new answers: language, interpreter, coverage, prescribed, overdose risk, medication, lives alone', () => {
    const values = klonopinDailyFormValues();
    const result = check({
      ...values,
      patient: { ...values.patient, preferredLanguage: 'Spanish', interpreterNeeded: 'yes', coverage: 'medicaid' },
      substances: [{ ...values.substances[0]!, prescribed: 'yes' }],
      overdoseRisk: { overdoseLast12Months: 'yes', lostTolerance: 'no', usesAlone: 'yes', naloxoneOnHand: 'unknown' },
      treatment: { currentMedication: 'buprenorphine' },
      environment: { ...values.environment, livesAlone: 'yes', ambulatoryWithdrawalSupport: 'no' },
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.intake.patient).toMatchObject({
      preferredLanguage: 'Spanish',
      interpreterNeeded: true,
      coverage: 'medicaid',
    });
    expect(result.intake.substances[0]!.prescribed).toBe(true);
    expect(result.intake.overdoseRisk).toEqual({
      overdoseLast12Months: true,
      lostTolerance: false,
      usesAlone: true,
      naloxoneOnHand: null,
    });
    expect(result.intake.treatment.currentMedication).toBe('buprenorphine');
    expect(result.intake.environment).toMatchObject({ livesAlone: true, ambulatoryWithdrawalSupport: false });
    const notAsked = check(klonopinDailyFormValues());
    expect(notAsked.ok && 'livesAlone' in notAsked.intake.environment).toBe(false);
  });

  it('requires every required v2 question of an empty form, in its section', () => {
    const byPath = new Map(issuesOf(emptyIntakeFormValues()).map((issue) => [issue.path, issue.section]));
    for (const [path, section] of [
      ['patient.interpreterNeeded', 'patient'],
      ['patient.coverage', 'patient'],
      ['patient.emergencyContact.given', 'patient'],
      ['substances[0].prescribed', 'substances'],
      ['overdoseRisk.overdoseLast12Months', 'substances'],
      ['overdoseRisk.naloxoneOnHand', 'substances'],
      ['treatment.currentMedication', 'substances'],
      ['mentalHealth.suicideAttemptLast3Months', 'mentalHealth'],
      ['mentalHealth.homicidalIdeation', 'mentalHealth'],
      ['environment.ambulatoryWithdrawalSupport', 'environment'],
    ] as const) {
      expect(byPath.get(path), path).toBe(section);
    }
    expect(byPath.has('environment.livesAlone')).toBe(false);
    expect(byPath.has('patient.preferredLanguage')).toBe(false);
  });

  it('refuses a last use more than 30 days before the assessment with days used, naming the row', () => {
    const values = klonopinDailyFormValues();
    const issues = issuesOf({ ...values, substances: [{ ...values.substances[0]!, lastUse: '2025-01-10' }] });
    expect(issues.map((issue) => issue.path)).toEqual(['substances[0].lastUse']);
  });

  it('reads dates from the date input (YYYY-MM-DD) and typed the local way (month/day/year)', () => {
    expect(typedDate('1990-09-15')).toBe('1990-09-15');
    expect(typedDate(' 9/15/1990 ')).toBe('1990-09-15');
    expect(typedDate('')).toBeUndefined();
    expect(typedDate('15.09.1990')).toBe('15.09.1990'); // left for the schema to name the format
    const values = klonopinDailyFormValues();
    const result = check({ ...values, patient: { ...values.patient, dateOfBirth: '09/15/1990' } });
    expect(result.ok && result.intake.patient.dateOfBirth).toBe('1990-09-15');
  });

  it('assesses on today in the program time zone when no date is given', () => {
    const values = klonopinDailyFormValues();
    const result = formValuesToIntake({ ...values, substances: [{ ...values.substances[0]!, lastUse: '' }] });
    expect(result.ok && result.intake.assessedOn).toBe(calendarDateOf(new Date()));
  });
});

describe('v1 drafts in the v2 form', () => {
  const v1Values = (): IntakeFormValuesV1 => {
    const v2 = klonopinDailyFormValues();
    const { intakeVersion: _version, patient, substances, overdoseRisk: _o, treatment: _t, ...rest } = v2;
    void _version;
    void _o;
    void _t;
    return IntakeFormValuesV1Schema.parse({
      ...rest,
      patient: {
        firstName: patient.firstName,
        lastName: patient.lastName,
        dateOfBirth: patient.dateOfBirth,
        sex: 'female',
        pregnant: 'yes',
        mrn: '',
        phone: '',
      },
      substances: substances.map(({ prescribed: _p, ...row }) => (void _p, row)),
      mentalHealth: {
        phq9: rest.mentalHealth.phq9,
        gad7: rest.mentalHealth.gad7,
        suicidalIdeationWithPlan: 'no',
        psychosis: 'no',
      },
      environment: {
        housing: 'stable',
        livesWithActiveUser: 'no',
        supportSystem: 'supportive',
        interpersonalSafetyConcern: 'no',
      },
    });
  };

  it('maps pregnant yes → "yes", no → "no", unanswered stays unanswered, and leaves every new question empty', () => {
    const upgraded = upgradeFormValuesV1(v1Values());
    expect(IntakeFormValuesSchema.safeParse(upgraded).success).toBe(true);
    expect(upgraded.intakeVersion).toBe(2);
    expect(upgraded.patient.pregnancy).toBe('yes');
    expect(upgraded.patient).toMatchObject({ interpreterNeeded: '', coverage: '', emergencyContact: { given: '' } });
    expect(upgraded.substances[0]).toMatchObject({ name: 'Klonopin', daysUsedLast30: '30', prescribed: '' });
    expect(upgraded.overdoseRisk.usesAlone).toBe('');
    expect(upgraded.mentalHealth.homicidalIdeation).toBe('');
    expect(upgraded.environment).toMatchObject({ housing: 'stable', ambulatoryWithdrawalSupport: '', livesAlone: '' });
    const v1 = v1Values();
    expect(upgradeFormValuesV1({ ...v1, patient: { ...v1.patient, pregnant: 'no' } }).patient.pregnancy).toBe('no');
    expect(upgradeFormValuesV1({ ...v1, patient: { ...v1.patient, pregnant: '' } }).patient.pregnancy).toBe('');
  });

  it('AnyFormValuesSchema reads v2 values as they are and v1 values upgraded; anything else is refused', () => {
    const v2 = klonopinDailyFormValues();
    expect(AnyFormValuesSchema.parse(v2)).toEqual(v2);
    expect(AnyFormValuesSchema.parse(v1Values())).toEqual(upgradeFormValuesV1(v1Values()));
    expect(AnyFormValuesSchema.safeParse({ ...v2, intakeVersion: 1 }).success).toBe(false);
    expect(AnyFormValuesSchema.safeParse({ patient: 'x' }).success).toBe(false);
  });

  it('an upgraded v1 draft asks only the new questions before it can be submitted', () => {
    const issues = issuesOf(upgradeFormValuesV1(v1Values()));
    expect(new Set(issues.map((issue) => issue.path.replace(/\[\d+\]/, '[]')))).toEqual(
      new Set([
        'patient.interpreterNeeded',
        'patient.coverage',
        'patient.emergencyContact.given',
        'substances[].prescribed',
        'overdoseRisk.overdoseLast12Months',
        'overdoseRisk.lostTolerance',
        'overdoseRisk.usesAlone',
        'overdoseRisk.naloxoneOnHand',
        'treatment.currentMedication',
        'mentalHealth.suicideAttemptLast3Months',
        'mentalHealth.homicidalIdeation',
        'environment.ambulatoryWithdrawalSupport',
      ]),
    );
  });

  it('intakeToFormValues reads a v1 intake the same way (new questions empty)', () => {
    const values = intakeToFormValues(klonopinDailyV1Intake());
    expect(values.intakeVersion).toBe(2);
    expect(values.patient.pregnancy).toBe('no');
    expect(values.substances[0]!.prescribed).toBe('');
  });
});

describe('IntakeFormValuesSchema', () => {
  it('accepts an empty form and a filled one', () => {
    expect(IntakeFormValuesSchema.safeParse(emptyIntakeFormValues()).success).toBe(true);
    expect(IntakeFormValuesSchema.safeParse(klonopinDailyFormValues()).success).toBe(true);
  });

  it('rejects unknown keys, unknown instrument items and oversized text', () => {
    const values = emptyIntakeFormValues();
    expect(IntakeFormValuesSchema.safeParse({ ...values, recommendation: { treatmentLevel: '0.5' } }).success).toBe(
      false,
    );
    expect(
      IntakeFormValuesSchema.safeParse({
        ...values,
        withdrawal: { ...values.withdrawal, ciwaAr: { status: 'assessed', items: { bogus: 1 } } },
      }).success,
    ).toBe(false);
    expect(
      IntakeFormValuesSchema.safeParse({ ...values, notes: { ...values.notes, general: 'x'.repeat(4001) } }).success,
    ).toBe(false);
  });
});
