// How the app writes dates, times and counts: one locale and one time zone, decided here.
//
// Times are shown in the program's time zone (PROGRAM_TIME_ZONE), not UTC and not whatever zone a
// viewer's laptop is set to: staff compare them with the clinic's wall clock and with paper
// records, and everyone looking at the same case must see the same times. A 24-hour clock avoids
// the am/pm mix-ups that clinical documentation guards against.
//
// Pure and client-safe (no Node, no Next). On the server PROGRAM_TIME_ZONE comes from the setting;
// in the browser the setting is not available, so client components that show times receive the
// server's zone as a prop instead of relying on the default.

/** The one locale for words and numbers in dates, times and counts. */
const DISPLAY_LOCALE = 'en-US';

/** The zone of the machine this code runs on (the TZ variable, else the system's zone). */
function runtimeTimeZone(): string {
  return new Intl.DateTimeFormat(DISPLAY_LOCALE).resolvedOptions().timeZone;
}

/**
 * The IANA zone named by `setting` in its canonical spelling, or the runtime's zone when the
 * setting is empty. A name the runtime does not know is a configuration mistake: it throws
 * rather than show every time in a zone nobody chose.
 */
export function resolveTimeZone(setting: string | undefined): string {
  const name = setting?.trim();
  if (!name) return runtimeTimeZone();
  try {
    return new Intl.DateTimeFormat(DISPLAY_LOCALE, { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    throw new RangeError(
      `PROGRAM_TIME_ZONE="${name}" is not a time zone this runtime knows; use an IANA name such as America/Chicago.`,
    );
  }
}

/** The program's time zone: the PROGRAM_TIME_ZONE setting, else the server's own zone. */
export const PROGRAM_TIME_ZONE: string = resolveTimeZone(
  typeof process === 'undefined' ? undefined : process.env.PROGRAM_TIME_ZONE,
);

export interface TimeOptions {
  /** Defaults to the program's zone. */
  readonly timeZone?: string;
  /** Append the zone's short name ("CST", "EDT", "UTC"), for records read later or elsewhere. */
  readonly withZone?: boolean;
  /** Show seconds (the audit log, where the order of events within a minute matters). */
  readonly withSeconds?: boolean;
}

// Intl.DateTimeFormat is costly to build and a page formats hundreds of cells: keep one per shape.
// The cache key is a short string built from the shape's few choices, and the options object is
// built only on a miss: a CSV export formats 200,000 times, and a JSON.stringify of the options per
// call cost ~2 KB of garbage and most of the formatting time (docs/performance.md, CSV section).
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(key: string, options: () => Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  let cached = formatters.get(key);
  if (!cached) {
    cached = new Intl.DateTimeFormat(DISPLAY_LOCALE, options());
    formatters.set(key, cached);
  }
  return cached;
}

const DATE_PARTS = { year: 'numeric', month: 'short', day: 'numeric' } as const;

function timeParts({ withSeconds, withZone }: TimeOptions): Intl.DateTimeFormatOptions {
  return {
    hour: '2-digit',
    minute: '2-digit',
    ...(withSeconds ? { second: '2-digit' } : {}),
    hourCycle: 'h23',
    ...(withZone ? { timeZoneName: 'short' } : {}),
  };
}

function timeKey({ withSeconds, withZone }: TimeOptions): string {
  return `${withSeconds ? 's' : ''}${withZone ? 'z' : ''}`;
}

/** No options: the program's zone, and a key made once (no string built per call). */
const NO_OPTIONS: TimeOptions = {};
const PROGRAM_DATETIME_KEY = `datetime||${PROGRAM_TIME_ZONE}`;

/** "Mar 8, 2026, 14:05" (with `withZone`: "Mar 8, 2026, 14:05 CDT") in the program's zone. */
export function formatDateTime(at: Date, options: TimeOptions = NO_OPTIONS): string {
  const timeZone = options.timeZone ?? PROGRAM_TIME_ZONE;
  const key = options === NO_OPTIONS ? PROGRAM_DATETIME_KEY : `datetime|${timeKey(options)}|${timeZone}`;
  return formatter(key, () => ({
    ...DATE_PARTS,
    ...timeParts(options),
    timeZone,
  })).format(at);
}

/** "Mar 8, 2026": the day it was in the program's zone at that instant. */
export function formatDate(at: Date, options: Pick<TimeOptions, 'timeZone'> = {}): string {
  const timeZone = options.timeZone ?? PROGRAM_TIME_ZONE;
  return formatter(`date|${timeZone}`, () => ({ ...DATE_PARTS, timeZone })).format(at);
}

/** "14:05" in the program's zone. */
export function formatTime(at: Date, options: TimeOptions = {}): string {
  const timeZone = options.timeZone ?? PROGRAM_TIME_ZONE;
  return formatter(`time|${timeKey(options)}|${timeZone}`, () => ({ ...timeParts(options), timeZone })).format(at);
}

/**
 * "2026-03-08": the calendar date (YYYY-MM-DD) it was in the program's zone at that instant — the
 * day an intake is assessed on (intake v2 `assessedOn`), as the clinic's wall calendar reads it.
 */
export function calendarDateOf(at: Date, options: Pick<TimeOptions, 'timeZone'> = {}): string {
  const timeZone = options.timeZone ?? PROGRAM_TIME_ZONE;
  const parts = formatter(`calendar|${timeZone}`, () => ({
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    timeZone,
  })).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((entry) => entry.type === type)?.value ?? '';
  return `${part('year').padStart(4, '0')}-${part('month')}-${part('day')}`;
}

/** "2026": the year of calendarDateOf(at), without taking the date apart (the de-identified CSV). */
export function calendarYearOf(at: Date, options: Pick<TimeOptions, 'timeZone'> = {}): string {
  const timeZone = options.timeZone ?? PROGRAM_TIME_ZONE;
  return formatter(`year|${timeZone}`, () => ({ year: 'numeric', timeZone }))
    .format(at)
    .padStart(4, '0');
}

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * "Sep 15, 1990" for a calendar date written YYYY-MM-DD (a date of birth, a date of last use).
 * A calendar date has no time and no zone, so it is never converted: it is read and written in
 * UTC, where midnight is midnight. Anything that is not YYYY-MM-DD is returned as it is.
 */
export function formatCalendarDate(value: string): string {
  const match = CALENDAR_DATE.exec(value);
  if (!match) return value;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  if (date.toISOString().slice(0, 10) !== value) return value;
  return formatter('date|UTC', () => ({ ...DATE_PARTS, timeZone: 'UTC' })).format(date);
}

const countFormat = new Intl.NumberFormat(DISPLAY_LOCALE, { maximumFractionDigits: 0 });

/** "1,234": a whole number for people to read. */
export function formatCount(count: number): string {
  return countFormat.format(count);
}

const numberFormat = new Intl.NumberFormat(DISPLAY_LOCALE);

/** "1,234.5": a number for people to read, its fraction kept (up to three digits). */
export function formatNumber(value: number): string {
  return numberFormat.format(value);
}
