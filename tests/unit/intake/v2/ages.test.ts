import { describe, expect, it } from 'vitest';
import { ageInYears, daysBetween, makeIntakeV2Schema } from '@/lib/intake';
import { v2BaselineWith, v2IssuesOf, v2IssuesWith } from './v2-test-intake';

const bornOn = (dateOfBirth: string, assessedOn: string) =>
  v2IssuesWith([['patient', 'dateOfBirth'], dateOfBirth], [['assessedOn'], assessedOn]);
const ageIssue = (age: number, assessedOn: string) => [
  {
    path: 'patient.dateOfBirth',
    message: `Date of birth gives an age of ${age} on the assessment date (${assessedOn}); the patient must be 12 to 120 years old`,
  },
];

describe('v2 ages are whole years from dateOfBirth to assessedOn (today is 2025-06-01)', () => {
  it.each([
    ['2013-06-01', '2025-06-01', null],
    ['2013-06-01', '2025-05-31', 11],
    ['2013-05-31', '2025-05-31', null],
    ['1904-06-02', '2025-06-01', null],
    ['1904-06-01', '2025-06-01', 121],
    ['1904-06-01', '2025-05-31', null],
  ] as const)('born %s, assessed %s', (dateOfBirth, assessedOn, refusedAge) => {
    expect(bornOn(dateOfBirth, assessedOn)).toEqual(refusedAge === null ? [] : ageIssue(refusedAge, assessedOn));
  });

  it('uses the assessment date, not today: a patient 12 today but 11 when assessed is refused', () => {
    expect(bornOn('2013-03-01', '2025-02-28')).toEqual(ageIssue(11, '2025-02-28'));
    expect(bornOn('2013-03-01', '2025-03-01')).toEqual([]);
  });

  it('someone born on 29 February turns a year older on 1 March in other years', () => {
    // The 121st birthday of someone born 1904-02-29 falls in 2025, which has no 29 February.
    expect(bornOn('1904-02-29', '2025-02-28')).toEqual([]);
    expect(bornOn('1904-02-29', '2025-03-01')).toEqual(ageIssue(121, '2025-03-01'));
    // The 12th birthday of someone born 2012-02-29 falls on 2024-02-29, a leap day.
    expect(bornOn('2012-02-29', '2024-02-28')).toEqual(ageIssue(11, '2024-02-28'));
    expect(bornOn('2012-02-29', '2024-02-29')).toEqual([]);
  });

  it.each([
    // The edges placement rules v2 use (ADOLESCENT under 18, older adult from 65).
    ['2008-02-29', '2026-02-28', 17],
    ['2008-02-29', '2026-03-01', 18],
    ['2007-06-01', '2025-05-31', 17],
    ['2007-06-01', '2025-06-01', 18],
    ['1960-02-29', '2025-02-28', 64],
    ['1960-02-29', '2025-03-01', 65],
    ['1960-06-01', '2025-05-31', 64],
    ['1960-06-01', '2025-06-01', 65],
    ['2004-02-29', '2024-02-29', 20],
    ['2004-02-29', '2024-02-28', 19],
  ] as const)('ageInYears(%s, %s) = %i', (dateOfBirth, onDate, age) => {
    expect(ageInYears(dateOfBirth, onDate)).toBe(age);
  });

  it('refuses a date of birth after the assessment date, in plain words', () => {
    expect(bornOn('2025-05-20', '2025-05-10')).toEqual([
      {
        path: 'patient.dateOfBirth',
        message: 'Date of birth (2025-05-20) cannot be after the assessment date (2025-05-10)',
      },
    ]);
  });

  it('still refuses a date of birth in the future', () => {
    expect(bornOn('2025-06-02', '2025-06-01')).toEqual([
      { path: 'patient.dateOfBirth', message: 'Date of birth cannot be in the future (today is 2025-06-01)' },
    ]);
  });

  it('a stored v2 intake stays valid after its patient passes the age limit, because the age is taken on assessedOn', () => {
    const assessedAt120 = v2BaselineWith([['patient', 'dateOfBirth'], '1905-01-10'], [['assessedOn'], '2025-06-01']);
    expect(v2IssuesOf(assessedAt120)).toEqual([]);
    expect(v2IssuesOf(assessedAt120, makeIntakeV2Schema({ today: '2030-01-01' }))).toEqual([]);
  });
});

describe('daysBetween', () => {
  it.each([
    ['2025-06-01', '2025-06-01', 0],
    ['2025-05-31', '2025-06-01', 1],
    ['2025-06-01', '2025-05-31', -1],
    ['2025-05-02', '2025-06-01', 30],
    ['2024-02-28', '2024-03-01', 2],
    ['2023-02-28', '2023-03-01', 1],
    ['2024-01-01', '2025-01-01', 366],
    ['2025-03-29', '2025-03-31', 2],
    ['0099-12-31', '0100-01-01', 1],
    ['1969-12-31', '1970-01-01', 1],
  ] as const)('%s → %s is %i days', (from, to, days) => {
    expect(daysBetween(from, to)).toBe(days);
  });

  it('refuses a string that is not a date', () => {
    expect(() => daysBetween('2025-02-30', '2025-03-01')).toThrow(RangeError);
  });
});
