// The sign-in flood limits, apart from the per-email lockout (./lockout.ts): per client address
// and global fixed-window throttles (counted in PostgreSQL by ./authenticate.ts), a bound on
// concurrent password verifications, and the keyed hash that SignInThrottle stores instead of the
// typed email. No database here.
import { createHmac } from 'node:crypto';

import { sessionSecret } from './session-rules';

/** Credential bodies larger than this are refused with 413 before they are parsed. */
export const SIGN_IN_BODY_MAX_BYTES = 4 * 1024;
/** Passwords longer than this are refused before hashing (the policy caps new ones lower). */
export const SIGN_IN_PASSWORD_MAX_CHARS = 1024;

export interface SignInLimits {
  /** Attempts per client address per window. SIGNIN_IP_LIMIT, default 20. */
  perIp: number;
  /** Attempts from everyone per window. SIGNIN_GLOBAL_LIMIT, default 200. */
  global: number;
  /** The window. SIGNIN_LIMIT_WINDOW_SECONDS, default 60. */
  windowSeconds: number;
  /** Password verifications (argon2) at once. SIGNIN_MAX_CONCURRENT_VERIFICATIONS, default 2. */
  concurrentVerifications: number;
  /** Attempts waiting for a verification slot before "try again". SIGNIN_MAX_QUEUED, default 8. */
  maxQueued: number;
  /**
   * How long a refused ("try again") attempt is held before it is answered.
   * SIGNIN_REFUSAL_DELAY_MS, default 1000. A flooding client waits on each answer, so 20
   * parallel connections send 20 attempts a second instead of hundreds; a held answer is a timer,
   * not work, so the signed-in pages keep their speed (bench `sign-in-flood`).
   */
  refusalDelayMs: number;
}

function positiveInteger(value: string | undefined, fallback: number): number {
  if (value === undefined || value.trim() === '') return fallback;
  const number = Number(value);
  return Number.isInteger(number) && number > 0 ? number : fallback;
}

function nonNegativeInteger(value: string | undefined, fallback: number): number {
  if (value === undefined || value.trim() === '') return fallback;
  const number = Number(value);
  return Number.isInteger(number) && number >= 0 ? number : fallback;
}

export function readSignInLimits(env: Record<string, string | undefined> = process.env): SignInLimits {
  return {
    perIp: positiveInteger(env.SIGNIN_IP_LIMIT, 20),
    global: positiveInteger(env.SIGNIN_GLOBAL_LIMIT, 200),
    windowSeconds: positiveInteger(env.SIGNIN_LIMIT_WINDOW_SECONDS, 60),
    concurrentVerifications: positiveInteger(env.SIGNIN_MAX_CONCURRENT_VERIFICATIONS, 2),
    maxQueued: positiveInteger(env.SIGNIN_MAX_QUEUED, 8),
    refusalDelayMs: nonNegativeInteger(env.SIGNIN_REFUSAL_DELAY_MS, 1000),
  };
}

// Used only when no NEXTAUTH_SECRET/AUTH_SECRET is set (tests, a bare `next dev`); `npm start`
// always provides the secret from the data folder.
const FALLBACK_KEY = 'intake-sign-in-throttle-key-without-a-secret';

/** The SignInThrottle key for an email: HMAC-SHA256 of the normalised email, keyed by the secret. */
export function signInThrottleKey(normalisedEmail: string, env: Record<string, string | undefined> = process.env) {
  const key = `sign-in-throttle:${sessionSecret(env) ?? FALLBACK_KEY}`;
  return createHmac('sha256', key).update(normalisedEmail).digest('hex');
}

/**
 * A counting semaphore with a bounded queue: at most `limit` holders at once and `maxQueued`
 * waiting; `acquire` returns null at once when the queue is full (the caller answers "try again").
 */
export class BoundedSemaphore {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly limit: number,
    private readonly maxQueued: number,
  ) {}

  get inUse(): number {
    return this.active;
  }

  async acquire(): Promise<(() => void) | null> {
    if (this.active >= this.limit) {
      if (this.waiting.length >= this.maxQueued) return null;
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.active += 1;
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      if (next)
        next(); // the slot passes straight to the next waiter
      else this.active -= 1;
    };
  }
}
