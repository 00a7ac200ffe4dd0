/**
 * Calendar dates as the intake stores them: "YYYY-MM-DD" strings with no time or time zone,
 * so a date of birth never shifts by a day when it crosses a server in another zone.
 */

/** A string already checked by {@link isCalendarDate}. */
export type CalendarDate = string;

const CALENDAR_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this month; UTC avoids daylight-saving gaps.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function splitCalendarDate(value: string): { year: number; month: number; day: number } | null {
  const match = CALENDAR_DATE_PATTERN.exec(value);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

/** True for a real date written YYYY-MM-DD (so "2023-02-29" and "2024-13-01" are false). */
export function isCalendarDate(value: string): value is CalendarDate {
  return splitCalendarDate(value) !== null;
}

/**
 * Whole years from `dateOfBirth` to `onDate`, both YYYY-MM-DD.
 * Someone born on 29 February turns a year older on 1 March in non-leap years.
 */
export function ageInYears(dateOfBirth: CalendarDate, onDate: CalendarDate): number {
  const birth = splitCalendarDate(dateOfBirth);
  const on = splitCalendarDate(onDate);
  if (!birth || !on) throw new RangeError('ageInYears needs two dates written YYYY-MM-DD');
  const hadBirthdayThisYear = on.month > birth.month || (on.month === birth.month && on.day >= birth.day);
  return on.year - birth.year - (hadBirthdayThisYear ? 0 : 1);
}

/** Days from `from` to `to`, both YYYY-MM-DD: 0 on the same day, negative when `to` is earlier. */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  const start = splitCalendarDate(from);
  const end = splitCalendarDate(to);
  if (!start || !end) throw new RangeError('daysBetween needs two dates written YYYY-MM-DD');
  return utcDayNumber(end) - utcDayNumber(start);
}

/** Days since 1970-01-01 in UTC, where no daylight-saving hour makes a day 23 or 25 hours long. */
function utcDayNumber(date: { year: number; month: number; day: number }): number {
  const moment = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not read years 0-99 as 1900-1999.
  moment.setUTCFullYear(date.year, date.month - 1, date.day);
  return Math.round(moment.getTime() / 86_400_000);
}

/**
 * The calendar date of `now` in the server's local time zone: staff enter dates as they see them
 * on the wall calendar, and UTC would call this evening's date "tomorrow" in some zones.
 */
export function localCalendarDate(now: Date): CalendarDate {
  const year = String(now.getFullYear()).padStart(4, '0');
  const month = String(now.getMonth() + 1).padStart(2, '0');
  const day = String(now.getDate()).padStart(2, '0');
  return `${year}-${month}-${day}`;
}
