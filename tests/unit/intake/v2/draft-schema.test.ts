import { describe, expect, it } from 'vitest';
import { formatIntakeIssues, makeIntakeV2DraftSchema } from '@/lib/intake';
import { V2_TODAY, v2Baseline } from './v2-test-intake';

const draftSchema = makeIntakeV2DraftSchema({ today: V2_TODAY });
const issuesOf = (input: unknown) => {
  const result = draftSchema.safeParse(input);
  return result.success ? [] : formatIntakeIssues(result.error);
};

describe('IntakeV2DraftSchema', () => {
  it('accepts an empty draft, partial sections, half-filled substances and a half-filled emergency contact', () => {
    expect(issuesOf({})).toEqual([]);
    expect(issuesOf({ intakeVersion: 2 })).toEqual([]);
    expect(
      issuesOf({
        intakeVersion: 2,
        patient: { firstName: 'Dana', pregnancy: 'yes', emergencyContact: { name: 'Grace' } },
        substances: [{ category: 'ghb' }, {}],
        overdoseRisk: { usesAlone: true },
        treatment: {},
      }),
    ).toEqual([]);
    expect(issuesOf({ patient: { emergencyContact: null } })).toEqual([]);
  });

  it('accepts a complete v2 intake', () => {
    expect(issuesOf(v2Baseline)).toEqual([]);
  });

  it('waits for submission to check the rules across fields and the one primary', () => {
    expect(
      issuesOf({
        assessedOn: '2025-05-01',
        patient: { sex: 'male', pregnancy: 'yes', gestationalWeeks: 12, dateOfBirth: '2020-01-01' },
        substances: [
          { primary: true, category: 'cannabis', daysUsedLast30: 0, lastUse: '2025-05-30' },
          { primary: true },
        ],
        withdrawal: { cows: 20 },
      }),
    ).toEqual([]);
  });

  it('still checks each field that is present, with the same messages', () => {
    expect(
      issuesOf({
        assessedOn: '2025-07-01',
        patient: { gestationalWeeks: 43, emergencyContact: { phone: '' } },
        substances: [{}, { prescribed: 'yes' }],
        overdoseRisk: { naloxoneOnHand: 'maybe' },
      }),
    ).toEqual([
      { path: 'assessedOn', message: 'Assessment date cannot be in the future (today is 2025-06-01)' },
      { path: 'patient.gestationalWeeks', message: 'Weeks of pregnancy must be a whole number from 1 to 42, or null' },
      { path: 'patient.emergencyContact.phone', message: 'Emergency contact phone number cannot be blank' },
      { path: 'substances[1].prescribed', message: 'Taken as prescribed must be answered yes or no (true or false)' },
      {
        path: 'overdoseRisk.naloxoneOnHand',
        message: 'Naloxone on hand must be answered yes or no (true or false), or null if it is not known',
      },
    ]);
  });

  it('refuses any intakeVersion other than 2', () => {
    expect(issuesOf({ intakeVersion: 1 })).toEqual([
      { path: 'intakeVersion', message: 'Intake version must be 2 for a version 2 intake' },
    ]);
  });

  it('still rejects unknown keys, including the v1 pregnant field', () => {
    expect(
      issuesOf({ patient: { pregnant: true }, overdoseRisk: { fentanylTestStrips: true }, colour: 'blue' }).map(
        (issue) => issue.path,
      ),
    ).toEqual(['patient.pregnant', 'overdoseRisk.fentanylTestStrips', 'colour']);
  });

  it('holds at most 12 substances', () => {
    expect(issuesOf({ substances: Array.from({ length: 13 }, () => ({})) })).toEqual([
      { path: 'substances', message: 'List at most 12 substances' },
    ]);
  });
});
