import { describe, expect, it } from 'vitest';
import type { IntakePatch } from './intake-builder';
import { recommendFor, rulesFor } from './recommendation-helpers';

const d6 = (environment: IntakePatch['environment']) => recommendFor({ environment }).dimensions.d6;

describe('D6 recovery / living environment', () => {
  it.each([
    ['stable', 0],
    ['unstable', 2],
    ['homeless', 3],
  ] as const)('housing %s → %i', (housing, rating) => {
    expect(d6({ housing })).toBe(rating);
  });

  it.each([
    ['stable', 2],
    ['unstable', 2],
    ['homeless', 3],
  ] as const)('living with an active user raises housing %s to at least 2 → %i', (housing, rating) => {
    expect(d6({ housing, livesWithActiveUser: true })).toBe(rating);
  });

  it.each([
    ['stable', false, 1],
    ['unstable', false, 3],
    ['stable', true, 3],
    ['homeless', false, 4],
    ['homeless', true, 4],
  ] as const)(
    'no support system adds 1 after the above (housing %s, lives with user %s) → %i',
    (housing, livesWithActiveUser, rating) => {
      expect(d6({ housing, livesWithActiveUser, supportSystem: 'none' })).toBe(rating);
    },
  );

  it('a limited support system adds nothing', () => {
    expect(d6({ housing: 'unstable', supportSystem: 'limited' })).toBe(2);
  });

  it('an interpersonal safety concern → 4, even with stable housing and support', () => {
    const recommendation = recommendFor({ environment: { interpersonalSafetyConcern: true } });
    expect(recommendation.dimensions.d6).toBe(4);
    expect(rulesFor(recommendation, 'd6')).toEqual(['d6.housing-stable', 'd6.interpersonal-safety-concern']);
  });
});
