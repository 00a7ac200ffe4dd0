import { z } from 'zod';
import { describe, expect, it } from 'vitest';

import {
  NOTE_MAX,
  NoteBodySchema,
  OVERRIDE_REASON_MAX,
  OVERRIDE_REASON_MIN,
  OverrideInputSchema,
} from '@/lib/cases/schemas';

const fieldErrors = (result: { success: boolean; error?: z.ZodError }) =>
  result.error ? z.flattenError(result.error).fieldErrors : {};

const OVERRIDE = {
  caseId: '00000000-0000-4000-8000-000000000001',
  expectedVersion: '3',
  level: '2.1',
  wm: '',
  confirmed: true,
} as const;
const withReason = (reason: string) => OverrideInputSchema.safeParse({ ...OVERRIDE, reason });

describe('OverrideInputSchema', () => {
  it('has the limits the form shows', () => {
    expect(OVERRIDE_REASON_MIN).toBe(10);
    expect(OVERRIDE_REASON_MAX).toBe(2000);
  });

  it(`refuses a reason one character short of ${OVERRIDE_REASON_MIN} and accepts one of exactly ${OVERRIDE_REASON_MIN}`, () => {
    expect(fieldErrors(withReason('x'.repeat(OVERRIDE_REASON_MIN - 1)))).toEqual({
      reason: ['Give the reason for the override in at least 10 characters'],
    });
    expect(withReason('x'.repeat(OVERRIDE_REASON_MIN)).success).toBe(true);
  });

  it(`accepts a reason of exactly ${OVERRIDE_REASON_MAX} characters and refuses one more`, () => {
    expect(withReason('x'.repeat(OVERRIDE_REASON_MAX)).success).toBe(true);
    expect(fieldErrors(withReason('x'.repeat(OVERRIDE_REASON_MAX + 1)))).toEqual({
      reason: ['Keep the reason under 2000 characters'],
    });
  });

  it('counts the reason after trimming, so spaces do not make it long enough', () => {
    const padded = `   ${'x'.repeat(OVERRIDE_REASON_MIN - 1)}   `;
    expect(withReason(padded).success).toBe(false);
    expect(OverrideInputSchema.parse({ ...OVERRIDE, reason: `  ${'x'.repeat(OVERRIDE_REASON_MIN)}  ` }).reason).toBe(
      'x'.repeat(OVERRIDE_REASON_MIN),
    );
  });

  it('reads the version as a number and keeps "" as "leave the level as it is"', () => {
    expect(OverrideInputSchema.parse({ ...OVERRIDE, reason: 'Clinical judgement after interview' })).toMatchObject({
      expectedVersion: 3,
      level: '2.1',
      wm: '',
    });
  });

  it('names every field that is wrong', () => {
    expect(
      Object.keys(
        fieldErrors(
          OverrideInputSchema.safeParse({
            caseId: 'x',
            expectedVersion: 'soon',
            level: '9',
            wm: 'WM',
            reason: '',
            confirmed: false,
          }),
        ),
      ).sort(),
    ).toEqual(['confirmed', 'expectedVersion', 'level', 'reason', 'wm']);
  });
});

describe('NoteBodySchema', () => {
  it('has the limit the form shows', () => {
    expect(NOTE_MAX).toBe(4000);
  });

  it('refuses an empty or blank note and accepts a single character', () => {
    expect(NoteBodySchema.safeParse('').error?.issues.map((issue) => issue.message)).toEqual(['Write the note']);
    expect(NoteBodySchema.safeParse('  \n ').success).toBe(false);
    expect(NoteBodySchema.parse(' x ')).toBe('x');
  });

  it(`accepts a note of exactly ${NOTE_MAX} characters and refuses one more`, () => {
    expect(NoteBodySchema.safeParse('x'.repeat(NOTE_MAX)).success).toBe(true);
    expect(NoteBodySchema.safeParse('x'.repeat(NOTE_MAX + 1)).error?.issues.map((issue) => issue.message)).toEqual([
      'Keep the note under 4000 characters',
    ]);
  });
});
