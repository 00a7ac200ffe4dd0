import type { Dimension } from './vocabulary';

/** What a rationale entry explains: one dimension rating, the treatment level or the WM level. */
export type RationaleSubject = Dimension | 'level' | 'wm';

export interface RationaleEntry {
  readonly dimension: RationaleSubject;
  /** The id of the rule that applied. */
  readonly rule: string;
  /** Plain words with the input values that made the rule apply. */
  readonly because: string;
}
