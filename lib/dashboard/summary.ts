/**
 * The home dashboard's numbers, as pure functions over what the queries return (issue 9 item 8):
 * week buckets, level distribution, medians. Framework-free; "now" is passed in.
 */
import { TREATMENT_LEVELS } from '@/lib/placement';

/** Still being worked: not admitted and not closed. */
export const OPEN_STATUSES = ['NEW', 'IN_REVIEW', 'REFERRED'] as const;

export const DASHBOARD_WEEKS = 12;
export const MEDIAN_WINDOW_DAYS = 90;

export interface WeekCount {
  /** Monday of the week, YYYY-MM-DD in the program's time zone. */
  readonly weekStart: string;
  readonly count: number;
}

const DAY_MS = 86_400_000;

function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The Monday on or before `day` (YYYY-MM-DD). */
export function mondayOf(day: string): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(day, -((weekday + 6) % 7));
}

/** The last `weeks` Mondays, oldest first, the current week last. */
export function weekStarts(today: string, weeks = DASHBOARD_WEEKS): string[] {
  const current = mondayOf(today);
  return Array.from({ length: weeks }, (_, i) => addDays(current, -7 * (weeks - 1 - i)));
}

/** Every week of the window, with 0 for a week without intakes. */
export function fillWeeks(today: string, counted: ReadonlyArray<{ weekStart: string; count: number }>): WeekCount[] {
  const byWeek = new Map(counted.map((row) => [row.weekStart, row.count]));
  return weekStarts(today).map((weekStart) => ({ weekStart, count: byWeek.get(weekStart) ?? 0 }));
}

export interface LevelCount {
  readonly level: string;
  readonly count: number;
}

/** Every treatment level in order of intensity, then any stored level the vocabulary does not know. */
export function levelDistribution(counted: ReadonlyArray<{ level: string; count: number }>): LevelCount[] {
  const byLevel = new Map(counted.map((row) => [row.level, row.count]));
  const known = TREATMENT_LEVELS.map((level) => ({ level, count: byLevel.get(level) ?? 0 }));
  const unknown = counted.filter((row) => !(TREATMENT_LEVELS as readonly string[]).includes(row.level));
  return [...known, ...unknown.map((row) => ({ level: row.level, count: row.count }))];
}
