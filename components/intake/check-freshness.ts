/**
 * Keeping the live check's answers honest (issue 12 item 1), without React: the server checks the
 * answers as they were when the check was sent, and by the time its answer arrives staff may have
 * typed on. An answer to an older check than the newest one is dropped (sequence numbers), and of
 * the newest answer only the problems of fields still holding the value that was checked are shown
 * — so "Date of birth is required" never stands under a date of birth just typed.
 */
import { getFormValue } from '@/lib/intake/form/paths';

/** Numbers the checks in the order they were started; only the newest one's answer counts. */
export class CheckSequence {
  private latest = 0;

  /** A new check starts (the answers changed): its number. */
  next(): number {
    this.latest += 1;
    return this.latest;
  }

  /** True while no newer check was started than `ticket`. */
  isLatest(ticket: number): boolean {
    return ticket === this.latest;
  }
}

function sameAnswer(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The problems from a check of `checkedValues` that still describe `currentValues`: those whose
 * field (at the problem's path) holds the same answer now as when it was checked. A problem about
 * the intake as a whole (a path the form does not hold) stays until the next check replaces it.
 */
export function issuesStillCurrent<Issue extends { readonly path: string }>(
  issues: readonly Issue[],
  checkedValues: unknown,
  currentValues: unknown,
): Issue[] {
  if (checkedValues === currentValues) return [...issues];
  return issues.filter((issue) =>
    sameAnswer(getFormValue(checkedValues, issue.path), getFormValue(currentValues, issue.path)),
  );
}
