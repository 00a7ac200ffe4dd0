import { describe, expect, it } from 'vitest';
import adolescent from '@/tests/fixtures/intakes/v2-adolescent-14-suicide-attempt.json';
import alcoholHistory from '@/tests/fixtures/intakes/v2-alcohol-19-days-seizure-dt-history.json';
import clonazepam from '@/tests/fixtures/intakes/v2-prescribed-clonazepam-as-directed.json';
import pregnantOpioids from '@/tests/fixtures/intakes/v2-pregnant-heroin-fentanyl-xanax.json';
import methadone from '@/tests/fixtures/intakes/v2-stable-methadone.json';
import { IntakeV2Schema, localCalendarDate, makeIntakeV2Schema } from '@/lib/intake';
import {
  REMOVE,
  substanceEntry,
  v2Baseline,
  v2BaselineWith,
  v2IssuesOf,
  v2IssuesWith,
  type JsonPath,
} from './v2-test-intake';

const pathText = (path: JsonPath) =>
  path
    .map((segment, index) => (typeof segment === 'number' ? `[${segment}]` : index === 0 ? segment : `.${segment}`))
    .join('');
const pregnant = [['patient', 'pregnancy'], 'yes'] as const;

describe('IntakeV2Schema accepts', () => {
  it.each([
    ['v2-benign-baseline', v2Baseline],
    ['v2-pregnant-heroin-fentanyl-xanax', pregnantOpioids],
    ['v2-prescribed-clonazepam-as-directed', clonazepam],
    ['v2-stable-methadone', methadone],
    ['v2-alcohol-19-days-seizure-dt-history', alcoholHistory],
    ['v2-adolescent-14-suicide-attempt', adolescent],
  ])('the fixture %s', (_name, fixture) => {
    expect(v2IssuesOf(fixture)).toEqual([]);
  });

  it('keeps the new answers as given', () => {
    const parsed = IntakeV2Schema.parse(pregnantOpioids);
    expect(parsed.intakeVersion).toBe(2);
    expect(parsed.patient).toMatchObject({
      pregnancy: 'yes',
      gestationalWeeks: 18,
      coverage: 'medicaid',
      interpreterNeeded: false,
    });
    expect(parsed.patient.emergencyContact).toEqual({
      name: 'Grace Okafor',
      phone: '555-0142',
      relationship: 'Mother',
    });
    expect(parsed.substances.map((entry) => entry.prescribed)).toEqual([false, false, false]);
    expect(parsed.overdoseRisk).toEqual({
      overdoseLast12Months: true,
      lostTolerance: false,
      usesAlone: true,
      naloxoneOnHand: false,
    });
    expect(parsed.treatment.currentMedication).toBe('none');
  });

  it('trims the preferred language and the emergency contact', () => {
    const parsed = makeIntakeV2Schema({ today: '2025-06-01' }).parse(
      v2BaselineWith(
        [['patient', 'preferredLanguage'], '  Tagalog '],
        [['patient', 'emergencyContact'], { name: ' Sam ', phone: ' 555-0100', relationship: 'Friend ' }],
      ),
    );
    expect(parsed.patient.preferredLanguage).toBe('Tagalog');
    expect(parsed.patient.emergencyContact).toEqual({ name: 'Sam', phone: '555-0100', relationship: 'Friend' });
  });

  it.each([
    // Each new field on the allowed side of each of its limits.
    ['1 week of pregnancy', [pregnant, [['patient', 'gestationalWeeks'], 1]]],
    ['42 weeks of pregnancy', [pregnant, [['patient', 'gestationalWeeks'], 42]]],
    ['pregnant, weeks not known', [pregnant, [['patient', 'gestationalWeeks'], null]]],
    ['a 1-character preferred language', [[['patient', 'preferredLanguage'], 'x']]],
    ['a 40-character preferred language', [[['patient', 'preferredLanguage'], 'x'.repeat(40)]]],
    ['no preferred language', [[['patient', 'preferredLanguage'], REMOVE]]],
    ['an interpreter needed', [[['patient', 'interpreterNeeded'], true]]],
    [
      'a 1-character emergency contact',
      [[['patient', 'emergencyContact'], { name: 'N', phone: '5', relationship: 'R' }]],
    ],
    [
      'an emergency contact at its length limits',
      [
        [
          ['patient', 'emergencyContact'],
          { name: 'x'.repeat(100), phone: 'x'.repeat(64), relationship: 'x'.repeat(100) },
        ],
      ],
    ],
    ['pregnancy unknown', [[['patient', 'pregnancy'], 'unknown']]],
    ['a prescribed entry', [[['substances', 0, 'prescribed'], true]]],
    ['category ghb', [[['substances', 0, 'category'], 'ghb']]],
    ['category gabapentinoid', [[['substances', 0, 'category'], 'gabapentinoid']]],
    ['a suicide attempt in the last 3 months', [[['mentalHealth', 'suicideAttemptLast3Months'], true]]],
    ['homicidal ideation', [[['mentalHealth', 'homicidalIdeation'], true]]],
    ['an overdose in the last 12 months', [[['overdoseRisk', 'overdoseLast12Months'], true]]],
    ['lost tolerance', [[['overdoseRisk', 'lostTolerance'], true]]],
    ['uses alone', [[['overdoseRisk', 'usesAlone'], true]]],
    ['naloxone on hand', [[['overdoseRisk', 'naloxoneOnHand'], true]]],
    ['no naloxone on hand', [[['overdoseRisk', 'naloxoneOnHand'], false]]],
    ['no ambulatory withdrawal support', [[['environment', 'ambulatoryWithdrawalSupport'], false]]],
    ['assessed today', [[['assessedOn'], '2025-06-01']]],
    ['assessed long ago', [[['assessedOn'], '2000-01-01']]],
  ] as const)('%s', (_title, edits) => {
    expect(v2IssuesWith(...edits)).toEqual([]);
  });

  it.each(['medicaid', 'medicare', 'commercial', 'military', 'uninsured', 'other', 'unknown'])(
    'coverage %s',
    (coverage) => {
      expect(v2IssuesWith([['patient', 'coverage'], coverage])).toEqual([]);
    },
  );

  it.each(['none', 'methadone', 'buprenorphine', 'naltrexone'])('current medication %s', (currentMedication) => {
    expect(v2IssuesWith([['treatment', 'currentMedication'], currentMedication])).toEqual([]);
  });
});

describe('IntakeV2Schema refuses a new field outside its rule, naming it', () => {
  it.each([
    [['patient', 'gestationalWeeks'], 0, 'Weeks of pregnancy must be a whole number from 1 to 42, or null'],
    [['patient', 'gestationalWeeks'], 43, 'Weeks of pregnancy must be a whole number from 1 to 42, or null'],
    [['patient', 'gestationalWeeks'], 20.5, 'Weeks of pregnancy must be a whole number from 1 to 42, or null'],
    [['patient', 'gestationalWeeks'], '20', 'Weeks of pregnancy must be a whole number from 1 to 42, or null'],
    [['patient', 'pregnancy'], true, 'Pregnancy must be one of: yes, no, unknown'],
    [['patient', 'pregnancy'], 'maybe', 'Pregnancy must be one of: yes, no, unknown'],
    [['patient', 'preferredLanguage'], '', 'Preferred language cannot be blank'],
    [['patient', 'preferredLanguage'], '   ', 'Preferred language cannot be blank'],
    [['patient', 'preferredLanguage'], 'x'.repeat(41), 'Preferred language must be at most 40 characters'],
    [['patient', 'preferredLanguage'], null, 'Preferred language must be text'],
    [['patient', 'interpreterNeeded'], 'no', 'Interpreter needed must be answered yes or no (true or false)'],
    [
      ['patient', 'coverage'],
      'private',
      'Coverage must be one of: medicaid, medicare, commercial, military, uninsured, other, unknown',
    ],
    [['patient', 'emergencyContact'], 'Mum, 555-0100', 'The emergency contact must be a group of fields'],
    [
      ['substances', 0, 'category'],
      'kratom',
      'Substance category must be one of: alcohol, benzodiazepine, other_sedative, ghb, gabapentinoid, opioid, stimulant, cannabis, other',
    ],
    [['substances', 0, 'prescribed'], 'yes', 'Taken as prescribed must be answered yes or no (true or false)'],
    [
      ['mentalHealth', 'suicideAttemptLast3Months'],
      null,
      'Suicide attempt in the last 3 months must be answered yes or no (true or false)',
    ],
    [
      ['mentalHealth', 'homicidalIdeation'],
      0,
      'Thoughts of seriously harming or killing someone now must be answered yes or no (true or false)',
    ],
    [
      ['mentalHealth', 'psychosis'],
      'stable',
      'Psychotic symptoms now that are new or not controlled must be answered yes or no (true or false)',
    ],
    [
      ['overdoseRisk', 'overdoseLast12Months'],
      null,
      'Overdose in the last 12 months must be answered yes or no (true or false)',
    ],
    [
      ['overdoseRisk', 'lostTolerance'],
      'no',
      'Lost tolerance (released in the last 30 days after a time without use) must be answered yes or no (true or false)',
    ],
    [['overdoseRisk', 'usesAlone'], 1, 'Uses alone must be answered yes or no (true or false)'],
    [
      ['overdoseRisk', 'naloxoneOnHand'],
      'unknown',
      'Naloxone on hand must be answered yes or no (true or false), or null if it is not known',
    ],
    [
      ['treatment', 'currentMedication'],
      'suboxone',
      'Current medication for opioid or alcohol use disorder must be one of: none, methadone, buprenorphine, naltrexone',
    ],
    [
      ['environment', 'ambulatoryWithdrawalSupport'],
      'yes',
      'Safe place and daily check-ins for withdrawal at home must be answered yes or no (true or false)',
    ],
    [['intakeVersion'], 1, 'Intake version must be 2 for a version 2 intake'],
    [['intakeVersion'], '2', 'Intake version must be 2 for a version 2 intake'],
    [['assessedOn'], '2025-06-02', 'Assessment date cannot be in the future (today is 2025-06-01)'],
    [['assessedOn'], '2025-02-29', 'Assessment date must be a real date written YYYY-MM-DD, for example 1984-03-09'],
    [['assessedOn'], '1 June 2025', 'Assessment date must be a real date written YYYY-MM-DD, for example 1984-03-09'],
    [['treatment'], 'none', 'The treatment section must be a group of fields'],
    [['overdoseRisk'], [], 'The overdose risk section must be a group of fields'],
  ] as const)('%j = %j', (path, value, message) => {
    const edits = path[1] === 'gestationalWeeks' ? [pregnant, [path, value] as const] : [[path, value] as const];
    expect(v2IssuesWith(...edits)).toEqual([{ path: pathText(path), message }]);
  });

  it.each([
    [['intakeVersion'], 'Intake version is required (2)'],
    [['assessedOn'], 'Assessment date is required'],
    [['patient', 'pregnancy'], 'Pregnancy is required'],
    [['patient', 'gestationalWeeks'], 'Weeks of pregnancy is required (null if it does not apply or is not known)'],
    [['patient', 'interpreterNeeded'], 'Interpreter needed is required'],
    [['patient', 'coverage'], 'Coverage is required'],
    [['patient', 'emergencyContact'], 'The emergency contact is required'],
    [['substances', 0, 'prescribed'], 'Taken as prescribed is required'],
    [['mentalHealth', 'suicideAttemptLast3Months'], 'Suicide attempt in the last 3 months is required'],
    [['mentalHealth', 'homicidalIdeation'], 'Thoughts of seriously harming or killing someone now is required'],
    [['overdoseRisk'], 'The overdose risk section is required'],
    [['overdoseRisk', 'naloxoneOnHand'], 'Naloxone on hand is required (null if it is not known)'],
    [['treatment'], 'The treatment section is required'],
    [['treatment', 'currentMedication'], 'Current medication for opioid or alcohol use disorder is required'],
    [
      ['environment', 'ambulatoryWithdrawalSupport'],
      'Safe place and daily check-ins for withdrawal at home is required',
    ],
  ] as const)('a missing %j', (path, message) => {
    expect(v2IssuesWith([path, REMOVE])).toEqual([{ path: pathText(path), message }]);
  });

  it('checks each emergency contact field', () => {
    expect(
      v2IssuesWith([['patient', 'emergencyContact'], { name: '', relationship: 'x'.repeat(101), email: 'a@b.c' }]),
    ).toEqual([
      { path: 'patient.emergencyContact.name', message: 'Emergency contact name cannot be blank' },
      { path: 'patient.emergencyContact.phone', message: 'Emergency contact phone number is required' },
      {
        path: 'patient.emergencyContact.relationship',
        message: 'Emergency contact relationship must be at most 100 characters',
      },
      {
        path: 'patient.emergencyContact.email',
        message: '"email" is not a field of the intake; remove it or check its spelling',
      },
    ]);
    expect(
      v2IssuesWith([['patient', 'emergencyContact'], { name: 'Sam', phone: 'x'.repeat(65), relationship: 'Friend' }]),
    ).toEqual([
      {
        path: 'patient.emergencyContact.phone',
        message: 'Emergency contact phone number must be at most 64 characters',
      },
    ]);
  });

  it("refuses v1's pregnant field, which v2 replaced with pregnancy", () => {
    expect(v2IssuesWith([['patient', 'pregnant'], false])).toEqual([
      { path: 'patient.pregnant', message: '"pregnant" is not a field of the intake; remove it or check its spelling' },
    ]);
  });

  it('keeps the limits of v1 fields', () => {
    expect(v2IssuesWith([['substances', 0, 'daysUsedLast30'], 31])).toEqual([
      { path: 'substances[0].daysUsedLast30', message: 'Days used in the last 30 must be a whole number from 0 to 30' },
    ]);
    expect(v2IssuesWith([['withdrawal', 'ciwaAr'], 68])).toEqual([
      {
        path: 'withdrawal.ciwaAr',
        message: 'CIWA-Ar total must be a whole number from 0 to 67, or null if it was not done',
      },
    ]);
    const thirteen = Array.from({ length: 13 }, (_, index) =>
      substanceEntry({ category: 'cannabis', primary: index === 0 }),
    );
    expect(v2IssuesWith([['substances'], thirteen])).toEqual([
      { path: 'substances', message: 'List from 1 to 12 substances' },
    ]);
    expect(v2IssuesWith([['substances', 0, 'primary'], false])).toEqual([
      { path: 'substances', message: 'Mark exactly one substance as primary; none is marked' },
    ]);
  });
});

describe('today', () => {
  it('the default IntakeV2Schema uses the current local date', () => {
    const today = localCalendarDate(new Date());
    expect(IntakeV2Schema.safeParse(v2BaselineWith([['assessedOn'], today])).success).toBe(true);
    expect(IntakeV2Schema.safeParse(v2BaselineWith([['assessedOn'], '2999-01-01'])).success).toBe(false);
  });

  it('a bad "today" is a programming error', () => {
    expect(() => makeIntakeV2Schema({ today: '2025-02-30' })).toThrow(RangeError);
  });
});
