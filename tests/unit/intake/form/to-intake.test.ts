import { describe, expect, it } from 'vitest';

import { formValuesToIntake } from '@/lib/intake/form/to-intake';
import { IntakeFormValuesSchema, emptyIntakeFormValues, type IntakeFormValues } from '@/lib/intake/form/values';
import { CIWA_AR, PHQ9 } from '@/lib/instruments';
import { recommendPlacement } from '@/lib/placement';

import { TEST_TODAY, klonopinDailyFormValues } from './form-fixtures';

const check = (values: IntakeFormValues) => formValuesToIntake(values, { today: TEST_TODAY });

function issuesOf(values: IntakeFormValues) {
  const result = check(values);
  if (result.ok) throw new Error('expected problems');
  return result.issues;
}

describe('formValuesToIntake', () => {
  it('turns the daily-Klonopin form into an intake the rules place at 3.7 / 3.7-WM with NO_ABRUPT_STOP', () => {
    const result = check(klonopinDailyFormValues());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const recommendation = recommendPlacement(result.intake);
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
