import 'server-only';

import { AUDIT_ACTIONS } from '@/lib/audit/event-names';
import { appendAuditEvent, type AuditRequestContext } from '@/lib/audit/append';
import { getPrisma } from '@/lib/db/client';
import type { PrismaClient } from '@/lib/generated/prisma/client';

import { activeLockUntil, LOCKOUT_POLICY, recordFailure, type LockoutPolicy } from './lockout';
import { verifyAgainstDummy, verifyPassword } from './password-hash';
import { PASSWORD_MAX_LENGTH } from './password-policy';
import type { StaffRole } from './permissions';
import { checkSecondFactor } from '@/lib/staff/two-factor-store';
import {
  BoundedSemaphore,
  readSignInLimits,
  SIGN_IN_PASSWORD_MAX_CHARS,
  signInThrottleKey,
  type SignInLimits,
} from './sign-in-limits';

export interface AuthenticatedStaff {
  id: string;
  email: string;
  displayName: string;
  role: StaffRole;
  sessionVersion: number;
}

/**
 * invalid: "email or password is incorrect" (also for unknown emails and deactivated accounts);
 * locked: too many failures on this email (known or not) — the same for everyone;
 * throttled: too many attempts from this address, or from everyone, in the window;
 * busy: too many password checks already running or waiting ("try again in a moment");
 * code_required: the password is right and the account has two-factor: ask for a code (no
 *   session yet, and this attempt does not count as a failure);
 * code_invalid: the password is right but the code is wrong, replayed or a used recovery code
 *   (counts toward the lockout like a wrong password).
 */
export type SignInError = 'invalid' | 'locked' | 'throttled' | 'busy' | 'code_required' | 'code_invalid';

export type AuthenticateResult = { ok: true; staff: AuthenticatedStaff } | { ok: false; error: SignInError };

export interface AuthenticateOptions {
  now?: Date;
  db?: PrismaClient;
  context?: AuditRequestContext;
  policy?: LockoutPolicy;
  limits?: SignInLimits;
  /** The bound on concurrent password checks; one per process unless a test passes its own. */
  gate?: BoundedSemaphore;
}

/** Emails are stored lower-cased (a CHECK constraint insists); compare them the same way. */
function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

// Namespace for pg_advisory_xact_lock(int, int): serialises the bookkeeping of attempts on one
// email, so parallel guesses cannot get past the 5-failure limit before the counter catches up.
const SIGN_IN_LOCK_NAMESPACE = 7_301;

const globalForGate = globalThis as unknown as { intakeSignInGate?: BoundedSemaphore };
function processGate(limits: SignInLimits): BoundedSemaphore {
  globalForGate.intakeSignInGate ??= new BoundedSemaphore(limits.concurrentVerifications, limits.maxQueued);
  return globalForGate.intakeSignInGate;
}

/**
 * Counts one attempt against the per-address and global fixed-window throttles in one statement
 * (RateLimitBucket, so the counts hold across restarts and app servers) and says whether either
 * is over its limit. Attempts over the limit still count: a flood stays refused until it stops.
 */
export async function consumeSignInBudget(
  db: PrismaClient,
  ip: string | null | undefined,
  now: Date,
  limits: SignInLimits,
): Promise<boolean> {
  const ipKey = `signin:ip:${ip || 'unknown'}`;
  const windowStartBefore = new Date(now.getTime() - limits.windowSeconds * 1000);
  const rows = await db.$queryRaw<{ key: string; count: number }[]>`
    INSERT INTO "RateLimitBucket" (key, "windowStart", count)
    VALUES (${ipKey}, ${now}, 1), ('signin:global', ${now}, 1)
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN "RateLimitBucket"."windowStart" <= ${windowStartBefore} THEN 1
                   ELSE "RateLimitBucket".count + 1 END,
      "windowStart" = CASE WHEN "RateLimitBucket"."windowStart" <= ${windowStartBefore} THEN ${now}
                           ELSE "RateLimitBucket"."windowStart" END
    RETURNING key, count`;
  return rows.some((row) => row.count > (row.key === ipKey ? limits.perIp : limits.global));
}

/**
 * Deletes sign-in bookkeeping nobody needs any more: SignInThrottle rows whose window and lock
 * are over, and RateLimitBucket windows that have ended. Run now and then after a failure.
 */
export async function purgeSignInState(
  db: PrismaClient,
  now: Date,
  policy: LockoutPolicy = LOCKOUT_POLICY,
  limits: SignInLimits = readSignInLimits(),
): Promise<{ throttles: number; buckets: number }> {
  const throttles = await db.signInThrottle.deleteMany({
    where: {
      windowStartedAt: { lt: new Date(now.getTime() - policy.windowMs) },
      OR: [{ lockedUntil: null }, { lockedUntil: { lte: now } }],
    },
  });
  const buckets = await db.rateLimitBucket.deleteMany({
    where: { windowStart: { lt: new Date(now.getTime() - limits.windowSeconds * 1000) } },
  });
  return { throttles: throttles.count, buckets: buckets.count };
}

/**
 * Checks an email and password against StaffUser: first the per-address and global throttles,
 * then a slot among the few concurrent password checks, then — under a per-email advisory lock,
 * in a short transaction — the lockout rules of lib/auth/lockout.ts, counting the attempt as a
 * failure up front. The argon2 check runs outside any transaction (it holds no pooled
 * connection); a second short transaction records the outcome (clearing the count on success)
 * and the audit events. Unknown emails are throttled and timed like known ones, so neither the
 * message nor the lock nor the response time reveals whether an account exists. SignInThrottle
 * is keyed by an HMAC of the email, never the typed text.
 */
export async function authenticate(
  credentials: { email?: unknown; password?: unknown; code?: unknown } | undefined,
  options: AuthenticateOptions = {},
): Promise<AuthenticateResult> {
  const rawEmail = typeof credentials?.email === 'string' ? credentials.email : '';
  const password = typeof credentials?.password === 'string' ? credentials.password : '';
  const code = typeof credentials?.code === 'string' ? credentials.code.trim().slice(0, 64) : '';
  const email = normalizeEmail(rawEmail);
  // Nothing to check: not an attempt on any account, so it is neither counted nor audited. A
  // password over 1,024 characters is refused here, before anything is hashed.
  if (email === '' || email.length > 254 || password === '' || password.length > SIGN_IN_PASSWORD_MAX_CHARS * 2)
    return { ok: false, error: 'invalid' };
  if ([...password].length > SIGN_IN_PASSWORD_MAX_CHARS) return { ok: false, error: 'invalid' };

  const db = options.db ?? getPrisma();
  const now = options.now ?? new Date();
  const policy = options.policy ?? LOCKOUT_POLICY;
  const context = options.context ?? {};
  const limits = options.limits ?? readSignInLimits();
  const key = signInThrottleKey(email);

  if (await consumeSignInBudget(db, context.ip, now, limits)) return { ok: false, error: 'throttled' };

  const release = await (options.gate ?? processGate(limits)).acquire();
  if (!release) return { ok: false, error: 'busy' };

  let user: Awaited<ReturnType<PrismaClient['staffUser']['findUnique']>>;
  let failure: ReturnType<typeof recordFailure>;
  let previous: Awaited<ReturnType<PrismaClient['signInThrottle']['findUnique']>>;
  let passwordMatches = false;
  try {
    const reserved = await db.$transaction(
      async (tx) => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SIGN_IN_LOCK_NAMESPACE}::int, hashtext(${key}))`;
        const throttle = await tx.signInThrottle.findUnique({ where: { email: key } });
        const found = await tx.staffUser.findUnique({ where: { email } });
        const lockedUntil = activeLockUntil(throttle, now);
        if (lockedUntil) {
          await appendAuditEvent(
            {
              actorId: null,
              action: AUDIT_ACTIONS.SIGNIN_LOCKED,
              ...(found ? { entityType: 'StaffUser' as const, entityId: found.id } : {}),
              outcome: 'DENIED',
              detail: { reason: 'attempt_while_locked', lockedUntil: lockedUntil.toISOString() },
            },
            { db: tx, context },
          );
          return null;
        }
        // Counted before the check, so parallel guesses see each other's failures at once.
        const recorded = recordFailure(throttle, now, policy);
        await tx.signInThrottle.upsert({
          where: { email: key },
          create: { email: key, ...recorded.state },
          update: recorded.state,
        });
        return { found, recorded, previous: throttle };
      },
      { maxWait: 10_000, timeout: 15_000 },
    );
    if (!reserved) return { ok: false, error: 'locked' };
    user = reserved.found;
    failure = reserved.recorded;
    previous = reserved.previous;

    // An over-long password cannot match (the policy caps it) and is not worth hashing.
    const checkable = [...password].length <= PASSWORD_MAX_LENGTH;
    if (user && checkable) passwordMatches = await verifyPassword(user.passwordHash, password);
    else if (checkable) await verifyAgainstDummy(password);
  } finally {
    release();
  }

  // The attempted email is not stored for unknown accounts: people type passwords into it.
  const target = user ? { entityType: 'StaffUser' as const, entityId: user.id } : {};
  let codeFailure: string | null = null;
  if (user && user.active && passwordMatches && user.totpEnrolledAt) {
    if (code === '') {
      // Password step of a two-factor account: no session, and the up-front count is undone.
      const before = previous;
      if (before) {
        const { failures, windowStartedAt, lockedUntil } = before;
        await db.signInThrottle.updateMany({ where: { email: key }, data: { failures, windowStartedAt, lockedUntil } });
      } else {
        await db.signInThrottle.deleteMany({ where: { email: key } });
      }
      return { ok: false, error: 'code_required' };
    }
    const second = await checkSecondFactor(db, user, code, now);
    if (!second.ok) codeFailure = second.reason;
  }
  if (user && user.active && passwordMatches && codeFailure === null) {
    const staff = user;
    await db.$transaction(async (tx) => {
      await tx.signInThrottle.deleteMany({ where: { email: key } });
      await tx.staffUser.update({ where: { id: staff.id }, data: { lastSignInAt: now } });
      await appendAuditEvent(
        {
          actorId: staff.id,
          action: AUDIT_ACTIONS.SIGNIN_SUCCESS,
          entityType: 'StaffUser',
          entityId: staff.id,
          outcome: 'SUCCESS',
          detail: { role: staff.role },
        },
        { db: tx, context },
      );
    });
    return {
      ok: true,
      staff: {
        id: staff.id,
        email: staff.email,
        displayName: staff.displayName,
        role: staff.role,
        sessionVersion: staff.sessionVersion,
      },
    };
  }

  const { state, lockedNow } = failure;
  const reason = !user
    ? 'unknown_email'
    : !user.active
      ? 'inactive_account'
      : codeFailure !== null
        ? 'wrong_code'
        : 'wrong_password';
  await db.$transaction(async (tx) => {
    if (codeFailure !== null && user) {
      await appendAuditEvent(
        {
          actorId: null,
          action: AUDIT_ACTIONS.TWO_FACTOR_FAILED,
          ...target,
          outcome: 'FAILURE',
          detail: { reason: codeFailure, failuresInWindow: state.failures },
        },
        { db: tx, context },
      );
    }
    await appendAuditEvent(
      {
        actorId: null,
        action: AUDIT_ACTIONS.SIGNIN_FAILURE,
        ...target,
        outcome: 'FAILURE',
        detail: { reason, failuresInWindow: state.failures },
      },
      { db: tx, context },
    );
    if (lockedNow) {
      await appendAuditEvent(
        {
          actorId: null,
          action: AUDIT_ACTIONS.SIGNIN_LOCKED,
          ...target,
          outcome: 'DENIED',
          detail: { reason: 'too_many_failures', lockedUntil: state.lockedUntil?.toISOString() ?? null },
        },
        { db: tx, context },
      );
    }
  });
  // Now and then, clear out bookkeeping whose windows are over (tiny rows; cheap deletes).
  if (Math.random() < 0.05) await purgeSignInState(db, now, policy, limits);
  return { ok: false, error: lockedNow ? 'locked' : codeFailure !== null ? 'code_invalid' : 'invalid' };
}
