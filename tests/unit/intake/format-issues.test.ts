import { describe, expect, it } from 'vitest';
import { formatIntakeIssues, formatIssuePath } from '@/lib/intake';
import baseline from '@/tests/fixtures/intakes/benign-baseline.json';
import { testIntakeSchema } from '../placement/intake-builder';

describe('formatIssuePath', () => {
  it.each([
    [[], ''],
    [['patient'], 'patient'],
    [['substances', 1, 'daysUsedLast30'], 'substances[1].daysUsedLast30'],
    [['biomedical', 'chronicConditions', 0], 'biomedical.chronicConditions[0]'],
    [['notes', 'odd key'], 'notes["odd key"]'],
    [[0, 'patient'], '[0].patient'],
  ] as const)('%j → %s', (path, text) => {
    expect(formatIssuePath(path)).toBe(text);
  });
});

describe('formatIntakeIssues', () => {
  it('points at each unknown key, not at its parent', () => {
    const result = testIntakeSchema.safeParse({
      ...baseline,
      extra: 1,
      patient: { ...baseline.patient, nickname: 'Al', middleName: 'B' },
    });
    expect(formatIntakeIssues(result.error ?? { issues: [] })).toEqual([
      { path: 'patient.nickname', message: '"nickname" is not a field of the intake; remove it or check its spelling' },
      {
        path: 'patient.middleName',
        message: '"middleName" is not a field of the intake; remove it or check its spelling',
      },
      { path: 'extra', message: '"extra" is not a field of the intake; remove it or check its spelling' },
    ]);
  });

  it('reports the whole intake with an empty path when it is not an object', () => {
    const result = testIntakeSchema.safeParse('hello');
    expect(formatIntakeIssues(result.error ?? { issues: [] })).toEqual([
      { path: '', message: 'The intake must be a group of fields' },
    ]);
  });
});
