import { describe, expect, it } from 'vitest';

import { setFormValue } from '@/lib/intake/form/paths';
import { urgentFlagsSoFar, withHarmlessAnswers } from '@/lib/intake/form/urgent-so-far';
import { formValuesToIntake } from '@/lib/intake/form/to-intake';
import { emptyIntakeFormValues } from '@/lib/intake/form/values';
import { PHQ9 } from '@/lib/instruments';
import { recommendPlacement } from '@/lib/placement';

import { TEST_TODAY, klonopinDailyFormValues } from './form-fixtures';

const codes = (values: Parameters<typeof urgentFlagsSoFar>[0]) =>
  urgentFlagsSoFar(values, { today: TEST_TODAY }).map((flag) => flag.code);

describe('urgentFlagsSoFar', () => {
  it('raises nothing for an empty form: the harmless answers place it at 0.5 (v2) with only "not assessed" left', () => {
    expect(codes(emptyIntakeFormValues())).toEqual([]);
    const filled = formValuesToIntake(withHarmlessAnswers(emptyIntakeFormValues()), { today: TEST_TODAY });
    expect(filled.ok).toBe(true);
    if (filled.ok)
      expect(recommendPlacement(filled.intake)).toMatchObject({
        rulesVersion: 'placement-v2',
        treatmentLevel: '0.5',
        withdrawalManagement: 'none',
        // PHQ-9 is "not assessed" in the harmless answers: v2 says so, and it is not urgent.
        flags: ['ASSESSMENT_INCOMPLETE'],
        incomplete: ['mentalHealth.phq9Item9'],
      });
  });

  it('raises the safety assessment for a suicide attempt in the last 3 months, with the rest unanswered (v2)', () => {
    expect(codes(setFormValue(emptyIntakeFormValues(), 'mentalHealth.suicideAttemptLast3Months', 'yes'))).toEqual([
      'SAFETY_ASSESSMENT',
    ]);
  });

  it('raises a psychiatric emergency and harm to others for thoughts of harming others now (v2 D3 = 4)', () => {
    expect(codes(setFormValue(emptyIntakeFormValues(), 'mentalHealth.homicidalIdeation', 'yes'))).toEqual([
      'EMERGENCY_PSYCHIATRIC',
      'HARM_TO_OTHERS',
    ]);
  });

  it('skips a half-typed language or weeks of pregnancy instead of hiding an emergency', () => {
    let values = setFormValue(emptyIntakeFormValues(), 'withdrawal.currentSeizureOrDelirium', 'yes');
    values = setFormValue(values, 'patient.sex', 'female');
    values = setFormValue(values, 'patient.pregnancy', 'yes');
    values = setFormValue(values, 'patient.gestationalWeeks', '60');
    values = setFormValue(values, 'patient.preferredLanguage', '   ');
    expect(codes(values)).toEqual(['EMERGENCY_MEDICAL']);
  });

  it('raises a medical emergency as soon as a seizure or delirium now is answered yes', () => {
    expect(codes(setFormValue(emptyIntakeFormValues(), 'withdrawal.currentSeizureOrDelirium', 'yes'))).toEqual([
      'EMERGENCY_MEDICAL',
    ]);
    expect(codes(setFormValue(emptyIntakeFormValues(), 'biomedical.unstableMedical', 'yes'))).toEqual([
      'EMERGENCY_MEDICAL',
    ]);
  });

  it('raises a psychiatric emergency for suicidal thoughts with a plan, with the rest unanswered', () => {
    expect(codes(setFormValue(emptyIntakeFormValues(), 'mentalHealth.suicidalIdeationWithPlan', 'yes'))).toEqual([
      'EMERGENCY_PSYCHIATRIC',
    ]);
  });

  it('raises the safety assessment from PHQ-9 item 9 before the other items are answered', () => {
    const values = setFormValue(emptyIntakeFormValues(), 'mentalHealth.phq9', {
      status: 'assessed',
      items: { [PHQ9.items[8]!.id]: 1 },
    });
    expect(codes(values)).toEqual(['SAFETY_ASSESSMENT']);
  });

  it('still finds the emergency when other answers do not pass their checks yet', () => {
    let values = setFormValue(emptyIntakeFormValues(), 'withdrawal.currentSeizureOrDelirium', 'yes');
    values = setFormValue(values, 'patient.dateOfBirth', '1990-13-45');
    values = setFormValue(values, 'substances[0].daysUsedLast30', '45');
    expect(codes(values)).toEqual(['EMERGENCY_MEDICAL']);
  });

  it('agrees with the full recommendation once the intake is complete', () => {
    expect(codes(klonopinDailyFormValues())).toEqual([]);
    const withPlan = setFormValue(klonopinDailyFormValues(), 'mentalHealth.suicidalIdeationWithPlan', 'yes');
    const full = formValuesToIntake(withPlan, { today: TEST_TODAY });
    expect(full.ok && recommendPlacement(full.intake).flags.filter((flag) => flag.startsWith('EMERGENCY'))).toEqual(
      codes(withPlan),
    );
  });
});
