import { describe, expect, it } from 'vitest';
import { ageInYears, isCalendarDate, localCalendarDate } from '@/lib/intake';

describe('isCalendarDate', () => {
  it.each(['2024-02-29', '2025-12-31', '1900-01-01', '2000-02-29'])('accepts the real date %s', (value) => {
    expect(isCalendarDate(value)).toBe(true);
  });

  it.each([
    '2023-02-29',
    '1900-02-29',
    '2025-04-31',
    '2025-13-01',
    '2025-00-10',
    '2025-01-00',
    '2025-6-1',
    '20250601',
    '2025-06-01T00:00:00Z',
    ' 2025-06-01',
    '',
  ])('refuses %j', (value) => {
    expect(isCalendarDate(value)).toBe(false);
  });
});

describe('ageInYears', () => {
  it('counts a year only once the birthday has come', () => {
    expect(ageInYears('2013-06-01', '2025-06-01')).toBe(12);
    expect(ageInYears('2013-06-02', '2025-06-01')).toBe(11);
    expect(ageInYears('2013-05-31', '2025-06-01')).toBe(12);
  });

  it('a 29 February birthday turns over on 1 March in other years', () => {
    expect(ageInYears('2004-02-29', '2025-02-28')).toBe(20);
    expect(ageInYears('2004-02-29', '2025-03-01')).toBe(21);
    expect(ageInYears('2004-02-29', '2024-02-29')).toBe(20);
  });

  it('refuses text that is not a date', () => {
    expect(() => ageInYears('2004-02-30', '2025-01-01')).toThrow(RangeError);
  });
});

describe('localCalendarDate', () => {
  it('uses the local calendar day, even late in the evening', () => {
    expect(localCalendarDate(new Date(2024, 0, 5, 23, 59))).toBe('2024-01-05');
    expect(localCalendarDate(new Date(2024, 11, 31, 0, 0))).toBe('2024-12-31');
  });
});
