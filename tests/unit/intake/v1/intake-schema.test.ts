import { describe, expect, it } from 'vitest';
import baseline from '@/tests/fixtures/intakes/benign-baseline.json';
import klonopinDaily from '@/tests/fixtures/intakes/klonopin-daily-8-months.json';
import { formatIntakeIssues, IntakeSchema, localCalendarDate, makeIntakeSchema, type IntakeIssue } from '@/lib/intake';
import { testIntakeSchema } from '../../placement/intake-builder';
import { baselineWith, REMOVE, type JsonPath } from './raw-intake';

function issuesOf(input: unknown): IntakeIssue[] {
  const result = testIntakeSchema.safeParse(input);
  return result.success ? [] : formatIntakeIssues(result.error);
}
const issuesWith = (...edits: ReadonlyArray<readonly [JsonPath, unknown]>) => issuesOf(baselineWith(...edits));

const baselineSubstance = baseline.substances[0];

describe('IntakeSchema accepts', () => {
  it('the fixtures', () => {
    expect(issuesOf(baseline)).toEqual([]);
    expect(issuesOf(klonopinDaily)).toEqual([]);
  });

  it('optional fields and notes', () => {
    expect(
      issuesWith(
        [['patient', 'mrn'], 'MRN-001'],
        [['patient', 'phone'], '555-0100'],
        [['substances', 0, 'lastUse'], '2025-06-01'],
        [['notes'], { general: 'Arrived with family.', substances: '', medical: 'x'.repeat(4000) }],
      ),
    ).toEqual([]);
  });

  it('the edges of every number range', () => {
    expect(
      issuesWith(
        [['substances', 0, 'daysUsedLast30'], 30],
        [['substances', 0, 'durationMonths'], 600],
        [['withdrawal', 'ciwaAr'], 67],
        [['withdrawal', 'cows'], 48],
        [['withdrawal', 'ciwaB'], 80],
        [['mentalHealth', 'phq9'], 27],
        [['mentalHealth', 'phq9Item9'], 3],
        [['mentalHealth', 'gad7'], 21],
        [['relapse', 'priorTreatmentEpisodes'], 100],
      ),
    ).toEqual([]);
  });

  it('twelve substances with one primary', () => {
    const substances = Array.from({ length: 12 }, (_, index) => ({ ...baselineSubstance, primary: index === 5 }));
    expect(issuesWith([['substances'], substances])).toEqual([]);
  });

  it('trims names', () => {
    const parsed = testIntakeSchema.parse(baselineWith([['patient', 'firstName'], '  Alex ']));
    expect(parsed.patient.firstName).toBe('Alex');
  });
});

describe('IntakeSchema rejects, naming the field and the rule', () => {
  it.each([
    [['substances', 0, 'daysUsedLast30'], 31, 'Days used in the last 30 must be a whole number from 0 to 30'],
    [['substances', 0, 'daysUsedLast30'], -1, 'Days used in the last 30 must be a whole number from 0 to 30'],
    [['substances', 0, 'daysUsedLast30'], 2.5, 'Days used in the last 30 must be a whole number from 0 to 30'],
    [['substances', 0, 'daysUsedLast30'], '3', 'Days used in the last 30 must be a whole number from 0 to 30'],
    [['substances', 0, 'daysUsedLast30'], null, 'Days used in the last 30 must be a whole number from 0 to 30'],
    [['substances', 0, 'durationMonths'], 601, 'Months of regular use must be a whole number from 0 to 600'],
    [['withdrawal', 'ciwaAr'], 68, 'CIWA-Ar total must be a whole number from 0 to 67, or null if it was not done'],
    [['withdrawal', 'cows'], 49, 'COWS total must be a whole number from 0 to 48, or null if it was not done'],
    [['withdrawal', 'ciwaB'], 81, 'CIWA-B total must be a whole number from 0 to 80, or null if it was not done'],
    [['mentalHealth', 'phq9'], 28, 'PHQ-9 total must be a whole number from 0 to 27, or null if it was not done'],
    [
      ['mentalHealth', 'phq9Item9'],
      4,
      'PHQ-9 item 9 (thoughts of self-harm) must be a whole number from 0 to 3, or null if it was not done',
    ],
    [['mentalHealth', 'gad7'], 22, 'GAD-7 total must be a whole number from 0 to 21, or null if it was not done'],
    [['relapse', 'priorTreatmentEpisodes'], 101, 'Prior treatment episodes must be a whole number from 0 to 100'],
    [
      ['substances', 0, 'category'],
      'alcool',
      'Substance category must be one of: alcohol, benzodiazepine, other_sedative, opioid, stimulant, cannabis, other',
    ],
    [['substances', 0, 'route'], 'IV', 'Route must be one of: oral, intranasal, smoked, injected, other'],
    [['patient', 'sex'], 'F', 'Sex must be one of: female, male, other, unknown'],
    [
      ['readiness', 'stage'],
      'ready',
      'Stage of change must be one of: precontemplation, contemplation, preparation, action, maintenance',
    ],
    [['environment', 'housing'], 'shelter', 'Housing must be one of: stable, unstable, homeless'],
    [['environment', 'supportSystem'], 'some', 'Support system must be one of: supportive, limited, none'],
    [
      ['socialNeeds', 'employment'],
      'self-employed',
      'Employment must be one of: employed, unemployed, recent_job_loss, student, retired, disabled',
    ],
    [
      ['socialNeeds', 'legal'],
      'jail',
      'Legal situation must be one of: none, pending_charges, probation_parole, court_mandated',
    ],
    [['patient', 'pregnant'], 'no', 'Pregnant must be answered yes or no (true or false)'],
    [
      ['withdrawal', 'currentSeizureOrDelirium'],
      1,
      'Current seizure or delirium must be answered yes or no (true or false)',
    ],
    [
      ['environment', 'livesWithActiveUser'],
      null,
      'Lives with someone who actively uses must be answered yes or no (true or false)',
    ],
    [['patient', 'firstName'], '   ', 'First name cannot be blank'],
    [['patient', 'lastName'], 'x'.repeat(101), 'Last name must be at most 100 characters'],
    [['substances', 0, 'name'], 42, 'Substance name must be text'],
    [['biomedical', 'chronicConditions'], 'diabetes', 'Chronic conditions must be a list (an empty list if none)'],
    [['biomedical', 'chronicConditions', 0], '', 'Each chronic condition cannot be blank'],
    [['patient', 'mrn'], '', 'Medical record number cannot be blank'],
    [['notes'], { general: 'x'.repeat(4001) }, 'General notes must be at most 4000 characters'],
    [['patient'], 'Alex Rivera', 'The patient section must be a group of fields'],
  ] as const)('%j = %j', (path, value, message) => {
    const expectedPath = path
      .map((segment, index) => (typeof segment === 'number' ? `[${segment}]` : index === 0 ? segment : `.${segment}`))
      .join('');
    const fieldPath = path[path.length - 1] === 'notes' ? 'notes.general' : expectedPath;
    expect(issuesWith([path, value])).toEqual([{ path: fieldPath, message }]);
  });

  it.each([
    [['patient', 'firstName'], 'First name is required'],
    [['substances', 0, 'primary'], 'Primary substance is required'],
    [['withdrawal', 'ciwaAr'], 'CIWA-Ar total is required (null if it was not done)'],
    [['readiness', 'stage'], 'Stage of change is required'],
    [['socialNeeds'], 'The social needs section is required'],
    [['substances'], 'Substances are required'],
  ] as const)('a missing %j', (path, message) => {
    expect(issuesWith([path, REMOVE])).toEqual([{ path: path.join('.').replace('.0.', '[0].'), message }]);
  });

  it('no substances, or more than 12', () => {
    expect(issuesWith([['substances'], []])).toEqual([{ path: 'substances', message: 'List from 1 to 12 substances' }]);
    const thirteen = Array.from({ length: 13 }, (_, index) => ({ ...baselineSubstance, primary: index === 0 }));
    expect(issuesWith([['substances'], thirteen])).toEqual([
      { path: 'substances', message: 'List from 1 to 12 substances' },
    ]);
  });

  it('no primary substance, or more than one', () => {
    expect(issuesWith([['substances', 0, 'primary'], false])).toEqual([
      { path: 'substances', message: 'Mark exactly one substance as primary; none is marked' },
    ]);
    const twoPrimaries = [
      { ...baselineSubstance, name: 'Beer', category: 'alcohol' },
      { ...baselineSubstance, name: 'Weed' },
    ];
    expect(issuesWith([['substances'], twoPrimaries])).toEqual([
      { path: 'substances', message: 'Mark exactly one substance as primary; 2 are marked (Beer, Weed)' },
    ]);
  });

  it('unknown keys in any section, in a substance and in notes', () => {
    expect(
      issuesWith(
        [['withdrawal', 'ciwa'], 3],
        [['substances', 0, 'dose'], '2mg'],
        [['notes'], { misc: 'x' }],
        [['nickname'], 'Al'],
      ).map((issue) => issue.path),
    ).toEqual(['substances[0].dose', 'withdrawal.ciwa', 'notes.misc', 'nickname']);
  });
});

describe('dates (today is 2025-06-01 in tests)', () => {
  it.each(['2025-02-29', '2025-6-1', '01/06/2025', '2025-06-01T10:00:00Z'])(
    'refuses %j as a date of last use',
    (lastUse) => {
      expect(issuesWith([['substances', 0, 'lastUse'], lastUse])).toEqual([
        {
          path: 'substances[0].lastUse',
          message: 'Date of last use must be a real date written YYYY-MM-DD, for example 1984-03-09',
        },
      ]);
    },
  );

  it('allows today and refuses tomorrow', () => {
    expect(issuesWith([['substances', 0, 'lastUse'], '2025-06-01'])).toEqual([]);
    expect(issuesWith([['substances', 0, 'lastUse'], '2025-06-02'])).toEqual([
      { path: 'substances[0].lastUse', message: 'Date of last use cannot be in the future (today is 2025-06-01)' },
    ]);
  });

  it.each([
    ['2013-06-01', null],
    ['2013-06-02', 'Date of birth gives an age of 11; the patient must be 12 to 120 years old'],
    ['1904-06-02', null],
    ['1904-06-01', 'Date of birth gives an age of 121; the patient must be 12 to 120 years old'],
    ['2025-06-02', 'Date of birth cannot be in the future (today is 2025-06-01)'],
    ['1990-02-30', 'Date of birth must be a real date written YYYY-MM-DD, for example 1984-03-09'],
  ] as const)('date of birth %s', (dateOfBirth, message) => {
    expect(issuesWith([['patient', 'dateOfBirth'], dateOfBirth])).toEqual(
      message === null ? [] : [{ path: 'patient.dateOfBirth', message }],
    );
  });

  it('refuses a last use before the date of birth', () => {
    expect(
      issuesWith([['patient', 'dateOfBirth'], '2000-01-10'], [['substances', 0, 'lastUse'], '1999-12-31']),
    ).toEqual([
      {
        path: 'substances[0].lastUse',
        message: 'Date of last use (1999-12-31) cannot be before the date of birth (2000-01-10)',
      },
    ]);
  });

  it('the default IntakeSchema uses the current local date', () => {
    const today = localCalendarDate(new Date());
    expect(IntakeSchema.safeParse(baselineWith([['substances', 0, 'lastUse'], today])).success).toBe(true);
    expect(IntakeSchema.safeParse(baselineWith([['substances', 0, 'lastUse'], '2999-01-01'])).success).toBe(false);
  });

  it('a bad "today" is a programming error', () => {
    expect(() => makeIntakeSchema({ today: '2025-02-30' })).toThrow(RangeError);
  });
});

describe('rules across fields', () => {
  it('PHQ-9 item 9 cannot exceed the PHQ-9 total', () => {
    expect(issuesWith([['mentalHealth', 'phq9'], 2], [['mentalHealth', 'phq9Item9'], 3])).toEqual([
      {
        path: 'mentalHealth.phq9Item9',
        message: 'PHQ-9 item 9 (3) cannot be higher than the PHQ-9 total (2), which includes it',
      },
    ]);
    expect(issuesWith([['mentalHealth', 'phq9'], 3], [['mentalHealth', 'phq9Item9'], 3])).toEqual([]);
    expect(issuesWith([['mentalHealth', 'phq9'], null], [['mentalHealth', 'phq9Item9'], 3])).toEqual([]);
  });
});
