/** Small helpers that put rule inputs into the words of an explanation. */

/** "a", "a and b", "a, b and c". */
export function joinWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/** "CIWA-B not done" or "CIWA-B 0 (below 1)". */
export function describeScoreBelow(name: string, value: number | null, threshold: number): string {
  return value === null ? `${name} not done` : `${name} ${value} (below ${threshold})`;
}

/** "1 month", "8 months". */
export function months(count: number): string {
  return `${count} ${count === 1 ? 'month' : 'months'}`;
}

/** The parts of a rule's "or" that hold, joined for an explanation. */
export function whichHold(parts: ReadonlyArray<readonly [boolean, string]>, separator = '; '): string {
  return parts
    .filter(([holds]) => holds)
    .map(([, words]) => words)
    .join(separator);
}
