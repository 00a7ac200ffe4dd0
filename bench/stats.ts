export interface BenchResult {
  name: string;
  measurements: Record<string, number | string>;
  goal: string;
  met: boolean;
  /** Why the bench could not run (e.g. no production build): reported, neither met nor missed. */
  skipped?: string;
}

/** The p-th percentile (nearest rank), rounded to 3 decimals. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return Math.round(sorted[rank]! * 1000) / 1000;
}
