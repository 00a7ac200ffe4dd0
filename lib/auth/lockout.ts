// Sign-in lockout rules (issue 3): 5 failed attempts on one email within 15 minutes lock that
// email for 15 minutes. Pure functions over the SignInThrottle row with the time passed in, so
// tests cover the window without waiting; lib/auth/authenticate.ts applies them under a row lock.

export interface LockoutPolicy {
  /** Failures inside one window that lock the email. */
  maxFailures: number;
  /** Failures older than this (from the first in the window) no longer count. */
  windowMs: number;
  /** How long a lock lasts. */
  lockMs: number;
}

export const LOCKOUT_POLICY: LockoutPolicy = {
  maxFailures: 5,
  windowMs: 15 * 60_000,
  lockMs: 15 * 60_000,
};

/** The SignInThrottle row for one email (known to the system or not). */
export interface ThrottleState {
  failures: number;
  windowStartedAt: Date;
  lockedUntil: Date | null;
}

/** When the lock ends, or null when sign-in may be attempted now. */
export function activeLockUntil(state: ThrottleState | null, now: Date): Date | null {
  if (!state?.lockedUntil) return null;
  return state.lockedUntil.getTime() > now.getTime() ? state.lockedUntil : null;
}

/**
 * The throttle state after one more failed attempt at `now`. A new window starts when there is
 * none, when the previous window has passed, or when a previous lock has ended; the lock is set
 * by the failure that reaches `maxFailures`. Attempts while locked are refused before they get
 * here, so they neither count nor extend the lock.
 */
export function recordFailure(
  state: ThrottleState | null,
  now: Date,
  policy: LockoutPolicy = LOCKOUT_POLICY,
): { state: ThrottleState; lockedNow: boolean } {
  const lockEnded = state?.lockedUntil != null && state.lockedUntil.getTime() <= now.getTime();
  const windowOver = state != null && now.getTime() - state.windowStartedAt.getTime() >= policy.windowMs;
  const fresh = state == null || lockEnded || windowOver;
  const failures = fresh ? 1 : state.failures + 1;
  const windowStartedAt = fresh ? now : state.windowStartedAt;
  const lockedNow = failures >= policy.maxFailures;
  return {
    state: {
      failures,
      windowStartedAt,
      lockedUntil: lockedNow ? new Date(now.getTime() + policy.lockMs) : null,
    },
    lockedNow,
  };
}
