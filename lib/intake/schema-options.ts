import { isCalendarDate, localCalendarDate, type CalendarDate } from './calendar-date';

/** Options shared by every version of the intake schema. */
export interface IntakeSchemaOptions {
  /** Today's date, YYYY-MM-DD. Leave out to use the server's local date at each validation. */
  readonly today?: CalendarDate;
}

/** Turns the `today` option into a function read at each validation, so no schema reads the clock when a date is given. */
export function todaySource(options: IntakeSchemaOptions): () => CalendarDate {
  const { today } = options;
  if (today === undefined) return () => localCalendarDate(new Date());
  if (!isCalendarDate(today)) throw new RangeError(`today must be a date written YYYY-MM-DD, got "${today}"`);
  return () => today;
}
