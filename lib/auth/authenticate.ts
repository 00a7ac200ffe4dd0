import 'server-only';

import { AUDIT_ACTIONS } from '@/lib/audit/event-names';
import { appendAuditEvent, type AuditRequestContext } from '@/lib/audit/append';
import { getPrisma } from '@/lib/db/client';
import type { PrismaClient } from '@/lib/generated/prisma/client';

import { activeLockUntil, LOCKOUT_POLICY, recordFailure, type LockoutPolicy } from './lockout';
import { verifyAgainstDummy, verifyPassword } from './password-hash';
import { PASSWORD_MAX_LENGTH } from './password-policy';
import type { StaffRole } from './permissions';

export interface AuthenticatedStaff {
  id: string;
  email: string;
  displayName: string;
  role: StaffRole;
  sessionVersion: number;
}

/**
 * invalid: "email or password is incorrect" (also for unknown emails and deactivated accounts);
 * locked: too many failures on this email (known or not) — the same for everyone.
 */
export type SignInError = 'invalid' | 'locked';

export type AuthenticateResult = { ok: true; staff: AuthenticatedStaff } | { ok: false; error: SignInError };

export interface AuthenticateOptions {
  now?: Date;
  db?: PrismaClient;
  context?: AuditRequestContext;
  policy?: LockoutPolicy;
}

/** Emails are stored lower-cased (a CHECK constraint insists); compare them the same way. */
function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

// Namespace for pg_advisory_xact_lock(int, int): serialises attempts on one email, so parallel
// guesses cannot get past the 5-failure limit before the counter catches up.
const SIGN_IN_LOCK_NAMESPACE = 7_301;

/**
 * Checks an email and password against StaffUser with the lockout rules of lib/auth/lockout.ts,
 * recording the outcome in SignInThrottle and the audit log in one transaction. Unknown emails
 * are throttled and timed like known ones, so neither the message nor the lock nor the response
 * time reveals whether an account exists.
 */
export async function authenticate(
  credentials: { email?: unknown; password?: unknown } | undefined,
  options: AuthenticateOptions = {},
): Promise<AuthenticateResult> {
  const rawEmail = typeof credentials?.email === 'string' ? credentials.email : '';
  const password = typeof credentials?.password === 'string' ? credentials.password : '';
  const email = normalizeEmail(rawEmail);
  // Nothing to check: not an attempt on any account, so it is neither counted nor audited.
  if (email === '' || email.length > 254 || password === '') return { ok: false, error: 'invalid' };

  const db = options.db ?? getPrisma();
  const now = options.now ?? new Date();
  const policy = options.policy ?? LOCKOUT_POLICY;
  const context = options.context ?? {};

  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SIGN_IN_LOCK_NAMESPACE}::int, hashtext(${email}))`;
      const throttle = await tx.signInThrottle.findUnique({ where: { email } });
      const user = await tx.staffUser.findUnique({ where: { email } });
      // The attempted email is not stored for unknown accounts: people type passwords into it.
      const target = user ? { entityType: 'StaffUser' as const, entityId: user.id } : {};

      const lockedUntil = activeLockUntil(throttle, now);
      if (lockedUntil) {
        await appendAuditEvent(
          {
            actorId: null,
            action: AUDIT_ACTIONS.SIGNIN_LOCKED,
            ...target,
            outcome: 'DENIED',
            detail: { reason: 'attempt_while_locked', lockedUntil: lockedUntil.toISOString() },
          },
          { db: tx, context },
        );
        return { ok: false, error: 'locked' } as const;
      }

      // An over-long password cannot match (the policy caps it) and is not worth hashing.
      const checkable = [...password].length <= PASSWORD_MAX_LENGTH;
      let passwordMatches = false;
      if (user && checkable) passwordMatches = await verifyPassword(user.passwordHash, password);
      else if (checkable) await verifyAgainstDummy(password);

      if (user && user.active && passwordMatches) {
        if (throttle) await tx.signInThrottle.delete({ where: { email } });
        await tx.staffUser.update({ where: { id: user.id }, data: { lastSignInAt: now } });
        await appendAuditEvent(
          {
            actorId: user.id,
            action: AUDIT_ACTIONS.SIGNIN_SUCCESS,
            entityType: 'StaffUser',
            entityId: user.id,
            outcome: 'SUCCESS',
            detail: { role: user.role },
          },
          { db: tx, context },
        );
        return {
          ok: true,
          staff: {
            id: user.id,
            email: user.email,
            displayName: user.displayName,
            role: user.role,
            sessionVersion: user.sessionVersion,
          },
        } as const;
      }

      const { state, lockedNow } = recordFailure(throttle, now, policy);
      await tx.signInThrottle.upsert({ where: { email }, create: { email, ...state }, update: state });
      const reason = !user ? 'unknown_email' : !user.active ? 'inactive_account' : 'wrong_password';
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
      return { ok: false, error: lockedNow ? 'locked' : 'invalid' } as const;
    },
    { maxWait: 10_000, timeout: 15_000 },
  );
}
