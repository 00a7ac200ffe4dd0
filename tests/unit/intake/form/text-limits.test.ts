import { describe, expect, it } from 'vitest';

import { INTAKE_LIMITS, INTAKE_V2_LIMITS, IntakeSchema, IntakeV2Schema } from '@/lib/intake';
import {
  fitFormValuesToLimits,
  formPathOf,
  formTextLimit,
  textLengthFeedback,
  textLimitIn,
} from '@/lib/intake/form/text-limits';
import { emptyIntakeFormValues, type IntakeFormValues } from '@/lib/intake/form/values';

function withPatient(patient: Partial<IntakeFormValues['patient']>): IntakeFormValues {
  const values = emptyIntakeFormValues();
  return { ...values, patient: { ...values.patient, ...patient } };
}

describe('formTextLimit: the limit each text answer has in the form schema', () => {
  it('reads the limits of names, identifiers, list rows and notes from the schema', () => {
    expect(formTextLimit('patient.firstName')).toBe(INTAKE_LIMITS.maxNameLength);
    expect(formTextLimit('patient.lastName')).toBe(INTAKE_LIMITS.maxNameLength);
    expect(formTextLimit('patient.mrn')).toBe(INTAKE_LIMITS.maxIdentifierLength);
    expect(formTextLimit('substances[3].name')).toBe(INTAKE_LIMITS.maxNameLength);
    expect(formTextLimit('notes.general')).toBe(INTAKE_LIMITS.maxNoteLength);
  });

  it('has no limit for what is not text, or not there', () => {
    expect(formTextLimit('patient.sex')).toBeNull();
    expect(formTextLimit('mentalHealth.phq9.items.littleInterest')).toBeNull();
    expect(formTextLimit('patient.nickname')).toBeNull();
    expect(formTextLimit('substances.name')).toBeNull();
  });

  it('agrees with the v1 and v2 intake schemas wherever both hold the same text answer', () => {
    for (const path of [
      'patient.firstName',
      'patient.lastName',
      'patient.mrn',
      'patient.phone',
      'substances[0].name',
    ]) {
      expect(textLimitIn(IntakeSchema, path), `v1 ${path}`).toBe(formTextLimit(path));
      expect(textLimitIn(IntakeV2Schema, path), `v2 ${path}`).toBe(formTextLimit(path));
    }
    expect(textLimitIn(IntakeV2Schema, 'patient.firstName')).toBe(INTAKE_V2_LIMITS.maxNameLength);
  });
});

describe('textLengthFeedback', () => {
  it('gives maxLength always, the count from four fifths of the limit, and what to fix when over', () => {
    expect(textLengthFeedback('patient.firstName', 'First name', 10)).toEqual({
      maxLength: 100,
      counter: undefined,
      tooLong: undefined,
    });
    expect(textLengthFeedback('patient.firstName', 'First name', 80).counter).toBe('80 of 100 characters');
    const over = textLengthFeedback('patient.mrn', 'Medical record number (optional)', 70);
    expect(over.counter).toBe('70 of 64 characters');
    expect(over.tooLong).toBe(
      'Medical record number is 70 characters; the limit is 64. Shorten it by 6 — until then the draft keeps only the first 64.',
    );
    expect(textLengthFeedback('patient.sex', 'Sex', 7)).toEqual({
      maxLength: undefined,
      counter: undefined,
      tooLong: undefined,
    });
  });
});

describe('fitFormValuesToLimits', () => {
  it('passes values within their limits unchanged', () => {
    const values = withPatient({ firstName: 'Jordan' });
    expect(fitFormValuesToLimits(values)).toEqual({ ok: true, values, tooLong: [] });
  });

  it('cuts only the answers over their limit, keeps every other answer, and names what was cut', () => {
    const values = withPatient({ firstName: 'J'.repeat(101), lastName: 'Lee', mrn: 'M'.repeat(70) });
    const withLongSubstance = {
      ...values,
      substances: [{ ...values.substances[0]!, name: 'x'.repeat(150), daysUsedLast30: '30' }],
    };
    const fitted = fitFormValuesToLimits(withLongSubstance);
    expect(fitted.ok).toBe(true);
    if (!fitted.ok) return;
    expect(fitted.values.patient.firstName).toBe('J'.repeat(100));
    expect(fitted.values.patient.lastName).toBe('Lee');
    expect(fitted.values.patient.mrn).toBe('M'.repeat(64));
    expect(fitted.values.substances[0]!.name).toBe('x'.repeat(100));
    expect(fitted.values.substances[0]!.daysUsedLast30).toBe('30');
    expect(fitted.tooLong).toEqual([
      { path: 'patient.firstName', maximum: 100, length: 101 },
      { path: 'patient.mrn', maximum: 64, length: 70 },
      { path: 'substances[0].name', maximum: 100, length: 150 },
    ]);
  });

  it('refuses any other shape problem, naming its path, even next to a long answer', () => {
    const values = {
      ...withPatient({ firstName: 'J'.repeat(101) }),
      patient: { ...withPatient({}).patient, sex: 'x' },
    };
    expect(fitFormValuesToLimits(values)).toEqual({ ok: false, paths: ['patient.sex'] });
    expect(fitFormValuesToLimits({ ...withPatient({ firstName: 'J'.repeat(101) }), extra: 1 })).toMatchObject({
      ok: false,
    });
    expect(fitFormValuesToLimits('nothing')).toEqual({ ok: false, paths: ['(the whole form)'] });
  });

  it('writes zod paths the way the form does', () => {
    expect(formPathOf(['substances', 2, 'name'])).toBe('substances[2].name');
    expect(formPathOf(['patient', 'firstName'])).toBe('patient.firstName');
    expect(formPathOf([])).toBe('');
  });
});
