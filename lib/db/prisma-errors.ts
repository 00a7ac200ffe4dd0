import 'server-only';

import { Prisma } from '@/lib/generated/prisma/client';
import { fail, OUTCOME_MESSAGES, type Failure } from '@/lib/outcome';

// The one place that turns Prisma's known errors into outcomes a person can act on. Anything not
// listed here is unexpected: the action wrapper logs it with the request id.
const KNOWN: Readonly<Record<string, Failure>> = {
  /** Unique constraint: the record already exists (or two people created it at once). */
  P2002: fail('conflict', OUTCOME_MESSAGES.conflict),
  /** The record to update or delete is gone. */
  P2025: fail('not_found', OUTCOME_MESSAGES.not_found),
  /** Write conflict or deadlock in a transaction: nothing was written, a retry will succeed. */
  P2034: fail('retry', OUTCOME_MESSAGES.retry),
};

/** The outcome for a Prisma error this program expects, or null for anything else. */
export function outcomeOfPrismaError(error: unknown): Failure | null {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return null;
  return KNOWN[error.code] ?? null;
}

/** True for a unique-constraint violation (P2002), for services that name the field it hit. */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';
}
