import 'server-only';

import { currentRequestContext } from '@/lib/audit/request-context';

/**
 * Logs an unexpected failure (database down, a bug) with the request id and the error's kind
 * only: Prisma's messages can quote the query's values, which here are patient data. Returns
 * the request id so the person can quote it.
 */
export async function reportUnexpected(where: string, error: unknown): Promise<string> {
  const { requestId } = await currentRequestContext();
  const kind = error instanceof Error ? error.name : typeof error;
  const code = typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : undefined;
  console.error(`[cases] ${where} failed`, { requestId, kind, ...(code ? { code } : {}) });
  return requestId ?? 'unknown';
}
