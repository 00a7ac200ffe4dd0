import { describe, expect, it } from 'vitest';
import baseline from '@/tests/fixtures/intakes/benign-baseline.json';
import { formatIntakeIssues, makeIntakeDraftSchema } from '@/lib/intake';
import { TEST_TODAY } from '../../placement/intake-builder';

const draftSchema = makeIntakeDraftSchema({ today: TEST_TODAY });
const issuesOf = (input: unknown) => {
  const result = draftSchema.safeParse(input);
  return result.success ? [] : formatIntakeIssues(result.error);
};

describe('IntakeDraftSchema', () => {
  it('accepts an empty draft, partial sections and half-filled substances', () => {
    expect(issuesOf({})).toEqual([]);
    expect(issuesOf({ patient: { firstName: 'Alex' }, substances: [{ name: 'Beer' }, {}], readiness: {} })).toEqual([]);
    expect(issuesOf({ substances: [] })).toEqual([]);
  });

  it('accepts a complete intake', () => {
    expect(issuesOf(baseline)).toEqual([]);
  });

  it('waits for submission to check the exactly-one-primary rule', () => {
    expect(issuesOf({ substances: [{ primary: true }, { primary: true }] })).toEqual([]);
    expect(issuesOf({ substances: [{ primary: false }] })).toEqual([]);
  });

  it('still checks each field that is present, with the same messages', () => {
    expect(issuesOf({ substances: [{}, { daysUsedLast30: 31 }], patient: { dateOfBirth: '2025-07-01' } })).toEqual([
      { path: 'patient.dateOfBirth', message: 'Date of birth cannot be in the future (today is 2025-06-01)' },
      { path: 'substances[1].daysUsedLast30', message: 'Days used in the last 30 must be a whole number from 0 to 30' },
    ]);
  });

  it('still rejects unknown keys', () => {
    expect(issuesOf({ patient: { nickname: 'Al' }, colour: 'blue' }).map((issue) => issue.path)).toEqual([
      'patient.nickname',
      'colour',
    ]);
  });

  it('holds at most 12 substances', () => {
    expect(issuesOf({ substances: Array.from({ length: 13 }, () => ({})) })).toEqual([
      { path: 'substances', message: 'List at most 12 substances' },
    ]);
  });
});
