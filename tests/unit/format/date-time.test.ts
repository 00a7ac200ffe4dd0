import { afterEach, describe, expect, it, vi } from 'vitest';

import {
  calendarDateOf,
  calendarYearOf,
  formatCalendarDate,
  formatCount,
  formatNumber,
  formatDate,
  formatDateTime,
  formatTime,
  resolveTimeZone,
} from '@/lib/format/date-time';

// Fixed instants, each named once. US daylight saving time began on 2026-03-08 at 02:00 local
// (07:00 UTC in New York, 08:00 UTC in Chicago) and ends on 2026-11-01 at 02:00 local.
const BEFORE_US_DST = new Date('2026-03-08T06:59:00Z'); // 01:59 EST in New York
const AFTER_US_DST = new Date('2026-03-08T07:00:00Z'); // 03:00 EDT in New York
const SUMMER_EVENING_UTC = new Date('2026-07-15T23:30:45Z'); // already the 16th east of UTC, still the 15th west
const NEW_YEAR_UTC = new Date('2027-01-01T00:05:00Z'); // still 2026 in the Americas

describe('resolveTimeZone', () => {
  it('uses the runtime zone when nothing is set', () => {
    const runtime = new Intl.DateTimeFormat().resolvedOptions().timeZone;
    expect(resolveTimeZone(undefined)).toBe(runtime);
    expect(resolveTimeZone('  ')).toBe(runtime);
  });

  it('accepts an IANA name in any case and returns its canonical spelling', () => {
    expect(resolveTimeZone('America/Chicago')).toBe('America/Chicago');
    expect(resolveTimeZone(' america/chicago ')).toBe('America/Chicago');
    expect(resolveTimeZone('utc')).toBe('UTC');
  });

  it('refuses a name it does not know instead of guessing a zone', () => {
    expect(() => resolveTimeZone('Mars/Olympus_Mons')).toThrow(/PROGRAM_TIME_ZONE="Mars\/Olympus_Mons"/);
  });
});

describe('PROGRAM_TIME_ZONE', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  it('is the zone the setting names, and every formatter uses it unless told otherwise', async () => {
    vi.stubEnv('PROGRAM_TIME_ZONE', 'America/Denver');
    vi.resetModules();
    const format = await import('@/lib/format/date-time');
    expect(format.PROGRAM_TIME_ZONE).toBe('America/Denver');
    expect(format.formatDateTime(SUMMER_EVENING_UTC, { withZone: true })).toBe('Jul 15, 2026, 17:30 MDT');
    expect(format.formatTime(SUMMER_EVENING_UTC)).toBe('17:30');
    expect(format.formatDate(NEW_YEAR_UTC)).toBe('Dec 31, 2026');
  });

  it('keeps one cached formatter per shape: no options, seconds and zone never answer for each other', async () => {
    vi.stubEnv('PROGRAM_TIME_ZONE', 'America/Denver');
    vi.resetModules();
    const format = await import('@/lib/format/date-time');
    expect(format.formatDateTime(SUMMER_EVENING_UTC)).toBe('Jul 15, 2026, 17:30');
    expect(format.formatDateTime(SUMMER_EVENING_UTC, { withSeconds: true })).toBe('Jul 15, 2026, 17:30:45');
    expect(format.formatDateTime(SUMMER_EVENING_UTC, {})).toBe('Jul 15, 2026, 17:30');
    expect(format.formatDateTime(SUMMER_EVENING_UTC, { timeZone: 'UTC' })).toBe('Jul 15, 2026, 23:30');
    expect(format.formatDateTime(SUMMER_EVENING_UTC)).toBe('Jul 15, 2026, 17:30');
    expect(format.formatTime(SUMMER_EVENING_UTC, { withSeconds: true })).toBe('17:30:45');
  });
});

describe('formatDateTime', () => {
  it('writes month, day, year and a 24-hour time in the zone asked for', () => {
    expect(formatDateTime(SUMMER_EVENING_UTC, { timeZone: 'UTC' })).toBe('Jul 15, 2026, 23:30');
    expect(formatDateTime(SUMMER_EVENING_UTC, { timeZone: 'America/Chicago' })).toBe('Jul 15, 2026, 18:30');
    expect(formatDateTime(SUMMER_EVENING_UTC, { timeZone: 'Australia/Sydney' })).toBe('Jul 16, 2026, 09:30');
  });

  it('names the zone, with its daylight-saving abbreviation, when asked', () => {
    expect(formatDateTime(BEFORE_US_DST, { timeZone: 'America/New_York', withZone: true })).toBe(
      'Mar 8, 2026, 01:59 EST',
    );
    expect(formatDateTime(AFTER_US_DST, { timeZone: 'America/New_York', withZone: true })).toBe(
      'Mar 8, 2026, 03:00 EDT',
    );
    expect(formatDateTime(SUMMER_EVENING_UTC, { timeZone: 'UTC', withZone: true })).toBe('Jul 15, 2026, 23:30 UTC');
  });

  it('shows seconds when asked', () => {
    expect(formatDateTime(SUMMER_EVENING_UTC, { timeZone: 'UTC', withSeconds: true, withZone: true })).toBe(
      'Jul 15, 2026, 23:30:45 UTC',
    );
  });

  it('puts an instant just after midnight UTC on the previous day and year west of UTC', () => {
    expect(formatDateTime(NEW_YEAR_UTC, { timeZone: 'America/Los_Angeles' })).toBe('Dec 31, 2026, 16:05');
  });
});

describe('formatTime', () => {
  it('writes hours and minutes with two digits each, midnight as 00', () => {
    expect(formatTime(NEW_YEAR_UTC, { timeZone: 'UTC' })).toBe('00:05');
    expect(formatTime(SUMMER_EVENING_UTC, { timeZone: 'America/New_York' })).toBe('19:30');
  });

  it('skips the hour that daylight saving time leaves out', () => {
    expect(formatTime(BEFORE_US_DST, { timeZone: 'America/New_York' })).toBe('01:59');
    expect(formatTime(AFTER_US_DST, { timeZone: 'America/New_York' })).toBe('03:00');
  });

  it('tells the repeated hour apart by its zone name when daylight saving time ends', () => {
    const firstPass = new Date('2026-11-01T05:30:00Z');
    const secondPass = new Date('2026-11-01T06:30:00Z');
    expect(formatTime(firstPass, { timeZone: 'America/New_York', withZone: true })).toBe('01:30 EDT');
    expect(formatTime(secondPass, { timeZone: 'America/New_York', withZone: true })).toBe('01:30 EST');
  });
});

describe('formatDate', () => {
  it('gives the day it was in the zone at that instant', () => {
    expect(formatDate(SUMMER_EVENING_UTC, { timeZone: 'America/Chicago' })).toBe('Jul 15, 2026');
    expect(formatDate(SUMMER_EVENING_UTC, { timeZone: 'Asia/Tokyo' })).toBe('Jul 16, 2026');
  });
});

describe('formatCalendarDate', () => {
  it('writes a YYYY-MM-DD date without moving it to any zone', () => {
    expect(formatCalendarDate('1990-09-15')).toBe('Sep 15, 1990');
    expect(formatCalendarDate('2024-02-29')).toBe('Feb 29, 2024');
    expect(formatCalendarDate('2026-01-01')).toBe('Jan 1, 2026');
  });

  it('leaves anything that is not a real calendar date as it is', () => {
    expect(formatCalendarDate('2023-02-29')).toBe('2023-02-29');
    expect(formatCalendarDate('15/09/1990')).toBe('15/09/1990');
    expect(formatCalendarDate('')).toBe('');
  });
});

describe('formatCount', () => {
  it('groups thousands the en-US way', () => {
    expect(formatCount(0)).toBe('0');
    expect(formatCount(999)).toBe('999');
    expect(formatCount(1000)).toBe('1,000');
    expect(formatCount(1234567)).toBe('1,234,567');
  });
});

describe('formatNumber', () => {
  it('groups thousands the en-US way and keeps the fraction', () => {
    expect(formatNumber(2.5)).toBe('2.5');
    expect(formatNumber(1234.5)).toBe('1,234.5');
    expect(formatNumber(3)).toBe('3');
  });
});

describe('calendarDateOf', () => {
  it('is the calendar date (YYYY-MM-DD) in the given zone, not in UTC', () => {
    expect(calendarDateOf(SUMMER_EVENING_UTC, { timeZone: 'America/Chicago' })).toBe('2026-07-15');
    expect(calendarDateOf(SUMMER_EVENING_UTC, { timeZone: 'Asia/Tokyo' })).toBe('2026-07-16');
    expect(calendarDateOf(NEW_YEAR_UTC, { timeZone: 'America/New_York' })).toBe('2026-12-31');
    expect(calendarDateOf(NEW_YEAR_UTC, { timeZone: 'UTC' })).toBe('2027-01-01');
  });
});

describe('calendarYearOf', () => {
  it("is calendarDateOf's year: the year in the given zone at that instant", () => {
    expect(calendarYearOf(NEW_YEAR_UTC, { timeZone: 'America/New_York' })).toBe('2026');
    expect(calendarYearOf(NEW_YEAR_UTC, { timeZone: 'UTC' })).toBe('2027');
    expect(calendarYearOf(new Date('0900-06-01T12:00:00Z'), { timeZone: 'UTC' })).toBe('0900');
  });
});
