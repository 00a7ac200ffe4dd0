import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import v1Baseline from '@/tests/fixtures/intakes/benign-baseline.json';
import v2Baseline from '@/tests/fixtures/intakes/v2-benign-baseline.json';
import {
  AnyIntakeSchema,
  formatIntakeIssues,
  intakeV2SchemaOn,
  intakeVersionOf,
  isIntakeV2,
  localCalendarDate,
  makeAnyIntakeDraftSchema,
  makeAnyIntakeSchema,
  parseIntake,
  type AnyIntake,
} from '@/lib/intake';
import { V2_TODAY, withEdits } from './v2-test-intake';

const today = V2_TODAY;
const VERSION_ISSUE = [
  { path: 'intakeVersion', message: 'Intake version must be 2, or left out for a version 1 intake' },
];

function issuesOf(result: z.ZodSafeParseResult<unknown>) {
  return result.success ? [] : formatIntakeIssues(result.error);
}

describe('parseIntake dispatches on intakeVersion', () => {
  it('reads an intake without intakeVersion as v1', () => {
    const result = parseIntake(v1Baseline, { today });
    expect(result.success).toBe(true);
    expect(result.success && isIntakeV2(result.data)).toBe(false);
    expect(result.data).toEqual(v1Baseline);
  });

  it('reads an intake with intakeVersion 2 as v2', () => {
    const result = parseIntake(v2Baseline, { today });
    expect(result.success).toBe(true);
    expect(result.success && isIntakeV2(result.data)).toBe(true);
  });

  it.each([1, 3, '2', 'v2', null, true, 2.5, [2], { version: 2 }])(
    'refuses intakeVersion %j, naming intakeVersion',
    (version) => {
      expect(issuesOf(parseIntake({ ...v2Baseline, intakeVersion: version }, { today }))).toEqual(VERSION_ISSUE);
      expect(issuesOf(parseIntake({ ...v1Baseline, intakeVersion: version }, { today }))).toEqual(VERSION_ISSUE);
    },
  );

  it('checks a v1 intake marked version 2 with the v2 rules', () => {
    expect(issuesOf(parseIntake({ ...v1Baseline, intakeVersion: 2 }, { today })).map((issue) => issue.path)).toEqual([
      'assessedOn',
      'patient.pregnancy',
      'patient.gestationalWeeks',
      'patient.interpreterNeeded',
      'patient.coverage',
      'patient.emergencyContact',
      'patient.pregnant',
      'substances[0].prescribed',
      'mentalHealth.suicideAttemptLast3Months',
      'mentalHealth.homicidalIdeation',
      'overdoseRisk',
      'treatment',
      'environment.ambulatoryWithdrawalSupport',
    ]);
  });

  it('checks a v2 intake without its version with the v1 rules, which do not know the v2 fields', () => {
    const unversioned: Record<string, unknown> = { ...v2Baseline };
    delete unversioned.intakeVersion;
    const paths = issuesOf(parseIntake(unversioned, { today })).map((issue) => issue.path);
    expect(paths).toContain('patient.pregnant');
    expect(paths).toContain('assessedOn');
    expect(paths).toContain('overdoseRisk');
  });

  it.each([
    ['a string', 'intake'],
    ['a list', []],
    ['null', null],
    ['a number', 2],
  ])('leaves %s to the v1 schema to describe', (_name, input) => {
    expect(issuesOf(parseIntake(input, { today }))).toEqual([
      { path: '', message: 'The intake must be a group of fields' },
    ]);
  });

  it('validates against the given day, not the clock', () => {
    const assessedTomorrow = withEdits(v2Baseline, [['assessedOn'], '2025-06-02']);
    expect(issuesOf(parseIntake(assessedTomorrow, { today }))).toEqual([
      { path: 'assessedOn', message: 'Assessment date cannot be in the future (today is 2025-06-01)' },
    ]);
    expect(parseIntake(assessedTomorrow, { today: '2025-06-02' }).success).toBe(true);
  });

  it('uses the current local date when no day is given', () => {
    expect(parseIntake(withEdits(v2Baseline, [['assessedOn'], localCalendarDate(new Date())])).success).toBe(true);
    expect(parseIntake(withEdits(v2Baseline, [['assessedOn'], '2999-01-01'])).success).toBe(false);
  });

  it('builds the v2 schema once per day', () => {
    expect(intakeV2SchemaOn('2025-06-01')).toBe(intakeV2SchemaOn('2025-06-01'));
    expect(intakeV2SchemaOn('2025-06-02')).not.toBe(intakeV2SchemaOn('2025-06-01'));
  });

  it('a bad "today" is a programming error', () => {
    expect(() => parseIntake(v2Baseline, { today: '2025-13-01' })).toThrow(RangeError);
  });

  it('intakeVersionOf', () => {
    expect(intakeVersionOf(v1Baseline)).toBe(1);
    expect(intakeVersionOf(v2Baseline)).toBe(2);
    expect(intakeVersionOf({ intakeVersion: 1 })).toBeNull();
    expect(intakeVersionOf('x')).toBe(1);
  });
});

describe('makeAnyIntakeSchema', () => {
  const schema = makeAnyIntakeSchema({ today });

  it('validates a list that mixes versions, with each issue at its entry', () => {
    const result = z
      .array(schema)
      .safeParse([
        v1Baseline,
        v2Baseline,
        { ...v2Baseline, intakeVersion: 9 },
        withEdits(v2Baseline, [['patient', 'pregnancy'], 'maybe']),
      ]);
    expect(issuesOf(result)).toEqual([
      { path: '[2].intakeVersion', message: 'Intake version must be 2, or left out for a version 1 intake' },
      { path: '[3].patient.pregnancy', message: 'Pregnancy must be one of: yes, no, unknown' },
    ]);
    const valid = z.array(schema).parse([v1Baseline, v2Baseline]);
    expect(valid.map((intake: AnyIntake) => isIntakeV2(intake))).toEqual([false, true]);
  });

  it('keeps the unknown-key issue pointing at the key', () => {
    expect(issuesOf(schema.safeParse({ ...v2Baseline, nickname: 'Al' }))).toEqual([
      { path: 'nickname', message: '"nickname" is not a field of the intake; remove it or check its spelling' },
    ]);
  });

  it('the default AnyIntakeSchema uses the current date', () => {
    expect(
      AnyIntakeSchema.safeParse(withEdits(v2Baseline, [['assessedOn'], localCalendarDate(new Date())])).success,
    ).toBe(true);
  });
});

describe('makeAnyIntakeDraftSchema', () => {
  const drafts = makeAnyIntakeDraftSchema({ today });

  it('reads a draft without intakeVersion as a v1 draft, so existing drafts keep working', () => {
    expect(issuesOf(drafts.safeParse({}))).toEqual([]);
    expect(issuesOf(drafts.safeParse({ patient: { firstName: 'Alex', pregnant: true } }))).toEqual([]);
    expect(issuesOf(drafts.safeParse({ patient: { pregnancy: 'yes' } }))).toEqual([
      {
        path: 'patient.pregnancy',
        message: '"pregnancy" is not a field of the intake; remove it or check its spelling',
      },
    ]);
  });

  it('reads a draft with intakeVersion 2 as a v2 draft', () => {
    expect(issuesOf(drafts.safeParse({ intakeVersion: 2, patient: { pregnancy: 'yes' } }))).toEqual([]);
    expect(issuesOf(drafts.safeParse({ intakeVersion: 2, patient: { pregnant: true } }))).toEqual([
      { path: 'patient.pregnant', message: '"pregnant" is not a field of the intake; remove it or check its spelling' },
    ]);
  });

  it('refuses any other intakeVersion', () => {
    expect(issuesOf(drafts.safeParse({ intakeVersion: 1 }))).toEqual(VERSION_ISSUE);
  });
});
