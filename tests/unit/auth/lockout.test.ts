import { describe, expect, it } from 'vitest';

import { activeLockUntil, LOCKOUT_POLICY, recordFailure, type ThrottleState } from '@/lib/auth/lockout';

const T0 = new Date('2026-01-05T09:00:00.000Z');
const at = (minutes: number, seconds = 0) => new Date(T0.getTime() + minutes * 60_000 + seconds * 1000);

/** Applies `count` failures one minute apart, starting at minute `start`. */
function failures(count: number, start = 0, state: ThrottleState | null = null) {
  let current = state;
  let lockedNow = false;
  for (let i = 0; i < count; i += 1) {
    ({ state: current, lockedNow } = recordFailure(current, at(start + i)));
  }
  return { state: current as ThrottleState, lockedNow };
}

describe('LOCKOUT_POLICY', () => {
  it('is 5 failures within 15 minutes, locked for 15 minutes', () => {
    expect(LOCKOUT_POLICY).toEqual({ maxFailures: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 });
  });
});

describe('recordFailure', () => {
  it('starts a window at the first failure', () => {
    expect(recordFailure(null, T0)).toEqual({
      state: { failures: 1, windowStartedAt: T0, lockedUntil: null },
      lockedNow: false,
    });
  });

  it('does not lock after 4 failures', () => {
    const { state, lockedNow } = failures(4);
    expect(state.failures).toBe(4);
    expect(lockedNow).toBe(false);
    expect(activeLockUntil(state, at(4))).toBeNull();
  });

  it('locks for 15 minutes at the 5th failure within the window', () => {
    const { state, lockedNow } = failures(5); // minutes 0..4
    expect(lockedNow).toBe(true);
    expect(state.lockedUntil).toEqual(at(4 + 15));
  });

  it('is locked until just before the lock ends and unlocked at its end', () => {
    const { state } = failures(5);
    expect(activeLockUntil(state, at(18, 59))).toEqual(at(19));
    expect(activeLockUntil(state, at(19))).toBeNull();
  });

  it('counts the 5th failure at 14:59 after the first, but not at 15:00', () => {
    const four = failures(4).state; // minutes 0..3
    expect(recordFailure(four, at(14, 59)).lockedNow).toBe(true);
    const late = recordFailure(four, at(15));
    expect(late.lockedNow).toBe(false);
    expect(late.state).toEqual({ failures: 1, windowStartedAt: at(15), lockedUntil: null });
  });

  it('starts afresh after a lock has ended', () => {
    const locked = failures(5).state;
    const after = recordFailure(locked, at(19));
    expect(after).toEqual({ state: { failures: 1, windowStartedAt: at(19), lockedUntil: null }, lockedNow: false });
  });

  it('follows a custom policy', () => {
    const policy = { maxFailures: 2, windowMs: 60_000, lockMs: 5_000 };
    const first = recordFailure(null, T0, policy);
    const second = recordFailure(first.state, at(0, 30), policy);
    expect(second.lockedNow).toBe(true);
    expect(second.state.lockedUntil).toEqual(at(0, 35));
  });
});

describe('activeLockUntil', () => {
  it('is null without a row or a lock', () => {
    expect(activeLockUntil(null, T0)).toBeNull();
    expect(activeLockUntil({ failures: 3, windowStartedAt: T0, lockedUntil: null }, T0)).toBeNull();
  });
});
