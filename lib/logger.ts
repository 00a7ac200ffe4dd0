// The one logger. Server logs leave the program (log files, collectors), so they carry ids, codes
// and kinds only — never patient data, typed emails, passwords or Prisma's error messages, which
// can quote a query's values. Edge-safe: the proxy may log too.

/** What a log line may carry: ids, codes, counts — no free text taken from a request. */
export type LogFields = Record<string, string | number | boolean | null | undefined>;

type Level = 'error' | 'warn' | 'info';

function write(level: Level, area: string, event: string, fields: LogFields = {}): void {
  const line = JSON.stringify({ level, area, event, ...fields, time: new Date().toISOString() });
  if (level === 'error') console.error(line);
  else if (level === 'warn') console.warn(line);
  else console.info(line);
}

/** The kind of an unknown thrown value and its code (Prisma P-codes, PostgreSQL SQLSTATE), never its message. */
export function describeError(error: unknown): { kind: string; code?: string } {
  const kind = error instanceof Error ? error.name : typeof error;
  const code =
    typeof error === 'object' && error !== null && 'code' in error
      ? String((error as { code: unknown }).code)
      : undefined;
  return code === undefined ? { kind } : { kind, code };
}

export const logger = {
  error: (area: string, event: string, fields?: LogFields) => write('error', area, event, fields),
  warn: (area: string, event: string, fields?: LogFields) => write('warn', area, event, fields),
  info: (area: string, event: string, fields?: LogFields) => write('info', area, event, fields),
};
