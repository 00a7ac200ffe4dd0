/** "15 minutes", "20 seconds", "12 hours", "1 minute": for messages about session limits. */
export function describeDuration(seconds: number): string {
  const unit = (value: number, word: string) => `${value} ${word}${value === 1 ? '' : 's'}`;
  if (seconds % 3600 === 0) return unit(seconds / 3600, 'hour');
  if (seconds % 60 === 0) return unit(seconds / 60, 'minute');
  return unit(seconds, 'second');
}
