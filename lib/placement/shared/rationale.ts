import type { Dimension } from './vocabulary';

/**
 * What a rationale entry explains: one dimension rating, the treatment level, the WM level, one
 * service or flag (named by `code`), or (v2) the disposition.
 */
export type RationaleSubject = Dimension | 'level' | 'wm' | 'service' | 'flag' | 'disposition';

export interface RationaleEntry {
  readonly dimension: RationaleSubject;
  /** The id of the rule that applied. */
  readonly rule: string;
  /** Plain words with the input values that made the rule apply. */
  readonly because: string;
  /** The service or flag code, for entries about a service or a flag. */
  readonly code?: string;
}
