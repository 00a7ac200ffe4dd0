// The time of an emergency disclosure is typed as the clinic's wall clock (datetime-local).
import { describe, expect, it } from 'vitest';

import { wallTimeToInstant } from '@/lib/referrals/wall-time';

describe('wallTimeToInstant', () => {
  it('reads the wall clock of the zone, in and out of daylight time', () => {
    expect(wallTimeToInstant('2026-01-15T09:30', 'America/Chicago').toISOString()).toBe('2026-01-15T15:30:00.000Z');
    expect(wallTimeToInstant('2026-07-15T09:30', 'America/Chicago').toISOString()).toBe('2026-07-15T14:30:00.000Z');
    expect(wallTimeToInstant('2026-07-15T09:30:15', 'UTC').toISOString()).toBe('2026-07-15T09:30:15.000Z');
  });
});
