import { describe, expect, it } from 'vitest';

import { BoundedSemaphore, readSignInLimits, signInThrottleKey } from '@/lib/auth/sign-in-limits';

describe('readSignInLimits', () => {
  it('defaults to 20 per address and 200 overall a minute, 2 checks at once, 8 waiting, refusals held 1 s', () => {
    expect(readSignInLimits({})).toEqual({
      perIp: 20,
      global: 200,
      windowSeconds: 60,
      concurrentVerifications: 2,
      maxQueued: 8,
      refusalDelayMs: 1000,
    });
  });

  it('lets the refusal delay be switched off with 0, and ignores a negative one', () => {
    expect(readSignInLimits({ SIGNIN_REFUSAL_DELAY_MS: '0' }).refusalDelayMs).toBe(0);
    expect(readSignInLimits({ SIGNIN_REFUSAL_DELAY_MS: '-5' }).refusalDelayMs).toBe(1000);
  });

  it('reads the environment and ignores malformed values', () => {
    expect(readSignInLimits({ SIGNIN_IP_LIMIT: '1000', SIGNIN_GLOBAL_LIMIT: 'lots' })).toMatchObject({
      perIp: 1000,
      global: 200,
    });
  });
});

describe('signInThrottleKey', () => {
  it('is a keyed hash: the same for the same email and secret, different with another secret', () => {
    const a = signInThrottleKey('x@example.test', { NEXTAUTH_SECRET: 'one' });
    expect(a).toBe(signInThrottleKey('x@example.test', { NEXTAUTH_SECRET: 'one' }));
    expect(a).not.toBe(signInThrottleKey('x@example.test', { NEXTAUTH_SECRET: 'two' }));
    expect(a).not.toContain('example');
  });
});

describe('BoundedSemaphore', () => {
  it('admits `limit` at once, queues up to `maxQueued`, refuses the rest, and hands slots on', async () => {
    const gate = new BoundedSemaphore(2, 1);
    const first = await gate.acquire();
    const second = await gate.acquire();
    let thirdGot = false;
    const third = gate.acquire().then((release) => {
      thirdGot = true;
      return release;
    });
    expect(await gate.acquire()).toBeNull(); // queue full
    expect(gate.inUse).toBe(2);
    first!();
    first!(); // releasing twice frees one slot only
    const thirdRelease = await third;
    expect(thirdGot).toBe(true);
    expect(gate.inUse).toBe(2);
    second!();
    thirdRelease!();
    expect(gate.inUse).toBe(0);
  });
});
