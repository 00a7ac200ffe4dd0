import { describe, expect, it } from 'vitest';
import invalid from '@/tests/fixtures/intakes/v2-invalid-cross-field.json';
import { substanceEntry, v2IssuesOf, v2IssuesWith } from './v2-test-intake';

/** The baseline with only these substances (the first is primary). */
const withSubstances = (...entries: ReadonlyArray<Record<string, unknown> & { readonly category: string }>) =>
  [['substances'], entries.map((entry, index) => substanceEntry({ primary: index === 0, ...entry }))] as const;

describe('pregnancy and sex', () => {
  it.each(['yes', 'unknown'])('refuses pregnancy %j when sex is male, naming patient.pregnancy', (pregnancy) => {
    expect(v2IssuesWith([['patient', 'sex'], 'male'], [['patient', 'pregnancy'], pregnancy])).toEqual([
      { path: 'patient.pregnancy', message: `Pregnancy must be "no" when sex is male, not "${pregnancy}"` },
    ]);
  });

  it('accepts pregnancy "no" for a male patient', () => {
    expect(v2IssuesWith([['patient', 'sex'], 'male'], [['patient', 'pregnancy'], 'no'])).toEqual([]);
  });

  it.each(['female', 'other', 'unknown'])('accepts every pregnancy answer when sex is %s', (sex) => {
    for (const pregnancy of ['yes', 'no', 'unknown']) {
      expect(v2IssuesWith([['patient', 'sex'], sex], [['patient', 'pregnancy'], pregnancy])).toEqual([]);
    }
  });
});

describe('weeks of pregnancy', () => {
  it.each(['no', 'unknown'])('must be null when pregnancy is %j, naming patient.gestationalWeeks', (pregnancy) => {
    expect(v2IssuesWith([['patient', 'pregnancy'], pregnancy], [['patient', 'gestationalWeeks'], 12])).toEqual([
      {
        path: 'patient.gestationalWeeks',
        message: `Weeks of pregnancy must be null unless pregnancy is "yes" (it is "${pregnancy}")`,
      },
    ]);
    expect(v2IssuesWith([['patient', 'pregnancy'], pregnancy], [['patient', 'gestationalWeeks'], null])).toEqual([]);
  });

  it('a male patient marked pregnant with weeks gets one issue, on pregnancy', () => {
    expect(
      v2IssuesWith(
        [['patient', 'sex'], 'male'],
        [['patient', 'pregnancy'], 'yes'],
        [['patient', 'gestationalWeeks'], 20],
      ),
    ).toEqual([{ path: 'patient.pregnancy', message: 'Pregnancy must be "no" when sex is male, not "yes"' }]);
  });

  it('out-of-range weeks while not pregnant get only the range message', () => {
    expect(v2IssuesWith([['patient', 'gestationalWeeks'], 43])).toEqual([
      { path: 'patient.gestationalWeeks', message: 'Weeks of pregnancy must be a whole number from 1 to 42, or null' },
    ]);
  });
});

describe('date of last use and days used in the last 30 (assessed on 2025-06-01)', () => {
  const lastUse = (date: string, daysUsedLast30: number) =>
    withSubstances({ category: 'alcohol', lastUse: date, daysUsedLast30 });
  const issue = (message: string) => [{ path: 'substances[0].lastUse', message }];

  it.each([
    // d = days from lastUse to assessedOn; the edges are d = 0, 30 and 31.
    ['2025-06-01', 1, null],
    ['2025-06-01', 30, null],
    ['2025-05-02', 1, null],
    [
      '2025-05-01',
      1,
      'Date of last use (2025-05-01) is 31 days before the assessment date (2025-06-01), more than 30, but days used in the last 30 is 1; correct one of them',
    ],
    [
      '2024-06-01',
      12,
      'Date of last use (2024-06-01) is 365 days before the assessment date (2025-06-01), more than 30, but days used in the last 30 is 12; correct one of them',
    ],
    ['2025-05-01', 0, null],
    ['1999-01-01', 0, null],
    [
      '2025-05-02',
      0,
      'Date of last use (2025-05-02) is 30 days before the assessment date (2025-06-01), within the last 30 days, but days used in the last 30 is 0; correct one of them',
    ],
    [
      '2025-05-31',
      0,
      'Date of last use (2025-05-31) is 1 day before the assessment date (2025-06-01), within the last 30 days, but days used in the last 30 is 0; correct one of them',
    ],
    [
      '2025-06-01',
      0,
      'Date of last use (2025-06-01) is the assessment date, within the last 30 days, but days used in the last 30 is 0; correct one of them',
    ],
  ] as const)('last use %s with %i days', (date, days, message) => {
    expect(v2IssuesWith(lastUse(date, days))).toEqual(message === null ? [] : issue(message));
  });

  it('counts days across a leap day and a month end', () => {
    // 2024-02-01 → 2024-03-02 is 30 days (February 2024 has 29); 2023-02-01 → 2023-03-04 is 31.
    expect(v2IssuesWith([['assessedOn'], '2024-03-02'], lastUse('2024-02-01', 1))).toEqual([]);
    expect(v2IssuesWith([['assessedOn'], '2023-03-04'], lastUse('2023-02-01', 1))).toEqual(
      issue(
        'Date of last use (2023-02-01) is 31 days before the assessment date (2023-03-04), more than 30, but days used in the last 30 is 1; correct one of them',
      ),
    );
  });

  it('refuses a last use after the assessment date (even when it is not after today)', () => {
    expect(v2IssuesWith([['assessedOn'], '2025-05-20'], lastUse('2025-05-25', 3))).toEqual(
      issue('Date of last use (2025-05-25) cannot be after the assessment date (2025-05-20)'),
    );
    expect(v2IssuesWith([['assessedOn'], '2025-05-20'], lastUse('2025-05-20', 3))).toEqual([]);
  });

  it('names the entry by its index', () => {
    expect(
      v2IssuesWith(
        withSubstances(
          { category: 'alcohol', daysUsedLast30: 3, lastUse: '2025-05-30' },
          { category: 'cannabis', daysUsedLast30: 0, lastUse: '2025-05-30' },
          { category: 'opioid', daysUsedLast30: 2, lastUse: '2025-01-30' },
        ),
      ).map((entry) => entry.path),
    ).toEqual(['substances[1].lastUse', 'substances[2].lastUse']);
  });

  it('checks nothing when the date of last use is left out', () => {
    expect(
      v2IssuesWith(withSubstances({ category: 'alcohol', daysUsedLast30: 0 }), [['assessedOn'], '2025-01-01']),
    ).toEqual([]);
    expect(v2IssuesWith(withSubstances({ category: 'alcohol', daysUsedLast30: 30 }))).toEqual([]);
  });

  it('keeps the v1 refusal of a last use before the date of birth', () => {
    expect(v2IssuesWith([['patient', 'dateOfBirth'], '2000-01-10'], lastUse('1999-12-31', 0))).toEqual(
      issue('Date of last use (1999-12-31) cannot be before the date of birth (2000-01-10)'),
    );
  });

  it('out-of-range days get only the range message', () => {
    expect(v2IssuesWith(lastUse('2025-01-01', 31))).toEqual([
      { path: 'substances[0].daysUsedLast30', message: 'Days used in the last 30 must be a whole number from 0 to 30' },
    ]);
  });
});

describe('withdrawal scores need the substance they measure', () => {
  const ciwaArNeeds =
    'CIWA-Ar total needs a substance of category alcohol, benzodiazepine, other_sedative or ghb in the substances; add it, or set the total to null if the score does not apply';
  const ciwaBNeeds =
    'CIWA-B total needs a substance of category benzodiazepine, other_sedative or ghb in the substances; add it, or set the total to null if the score does not apply';
  const cowsNeeds =
    'COWS total needs a substance of category opioid in the substances; add it, or set the total to null if the score does not apply';

  it.each(['alcohol', 'benzodiazepine', 'other_sedative', 'ghb'])('CIWA-Ar is accepted with %s listed', (category) => {
    expect(v2IssuesWith(withSubstances({ category }), [['withdrawal', 'ciwaAr'], 12])).toEqual([]);
  });

  it.each(['opioid', 'gabapentinoid', 'stimulant', 'cannabis', 'other'])(
    'CIWA-Ar is refused with only %s listed',
    (category) => {
      expect(v2IssuesWith(withSubstances({ category }), [['withdrawal', 'ciwaAr'], 12])).toEqual([
        { path: 'withdrawal.ciwaAr', message: ciwaArNeeds },
      ]);
    },
  );

  it.each(['benzodiazepine', 'other_sedative', 'ghb'])('CIWA-B is accepted with %s listed', (category) => {
    expect(v2IssuesWith(withSubstances({ category }), [['withdrawal', 'ciwaB'], 30])).toEqual([]);
  });

  it.each(['alcohol', 'gabapentinoid', 'opioid'])('CIWA-B is refused with only %s listed', (category) => {
    expect(v2IssuesWith(withSubstances({ category }), [['withdrawal', 'ciwaB'], 30])).toEqual([
      { path: 'withdrawal.ciwaB', message: ciwaBNeeds },
    ]);
  });

  it('COWS is accepted with an opioid listed and refused without one', () => {
    expect(v2IssuesWith(withSubstances({ category: 'opioid' }), [['withdrawal', 'cows'], 8])).toEqual([]);
    expect(v2IssuesWith(withSubstances({ category: 'benzodiazepine' }), [['withdrawal', 'cows'], 8])).toEqual([
      { path: 'withdrawal.cows', message: cowsNeeds },
    ]);
  });

  it('"listed" means an entry of the category, whatever its days and whether prescribed', () => {
    expect(
      v2IssuesWith(
        withSubstances(
          { category: 'cannabis', daysUsedLast30: 20 },
          { category: 'opioid', daysUsedLast30: 0 },
          { category: 'ghb', prescribed: true },
        ),
        [['withdrawal', 'cows'], 3],
        [['withdrawal', 'ciwaB'], 3],
        [['withdrawal', 'ciwaAr'], 3],
      ),
    ).toEqual([]);
  });

  it('a total of 0 is a score too and needs its substance', () => {
    expect(v2IssuesWith([['withdrawal', 'cows'], 0])).toEqual([{ path: 'withdrawal.cows', message: cowsNeeds }]);
  });

  it('names each refused score', () => {
    expect(
      v2IssuesWith([['withdrawal', 'ciwaAr'], 1], [['withdrawal', 'ciwaB'], 1], [['withdrawal', 'cows'], 1]),
    ).toEqual([
      { path: 'withdrawal.ciwaAr', message: ciwaArNeeds },
      { path: 'withdrawal.ciwaB', message: ciwaBNeeds },
      { path: 'withdrawal.cows', message: cowsNeeds },
    ]);
  });

  it('an out-of-range score gets only the range message', () => {
    expect(v2IssuesWith([['withdrawal', 'cows'], 49])).toEqual([
      {
        path: 'withdrawal.cows',
        message: 'COWS total must be a whole number from 0 to 48, or null if it was not done',
      },
    ]);
  });
});

describe('PHQ-9 item 9 (kept from v1)', () => {
  it('cannot exceed the PHQ-9 total', () => {
    expect(v2IssuesWith([['mentalHealth', 'phq9'], 2], [['mentalHealth', 'phq9Item9'], 3])).toEqual([
      {
        path: 'mentalHealth.phq9Item9',
        message: 'PHQ-9 item 9 (3) cannot be higher than the PHQ-9 total (2), which includes it',
      },
    ]);
    expect(v2IssuesWith([['mentalHealth', 'phq9'], 3], [['mentalHealth', 'phq9Item9'], 3])).toEqual([]);
  });
});

describe('the invalid fixture', () => {
  it('gets one refusal per cross-field rule it breaks, each naming its path', () => {
    expect(v2IssuesOf(invalid).map((entry) => entry.path)).toEqual([
      'patient.pregnancy',
      'substances[0].lastUse',
      'substances[1].lastUse',
      'withdrawal.cows',
    ]);
  });
});

describe('unusual but allowed combinations are accepted (no refusals beyond v1 and issue 8 §1)', () => {
  it.each([
    ['an interpreter needed without a preferred language', [[['patient', 'interpreterNeeded'], true]]],
    ['a preferred language without an interpreter', [[['patient', 'preferredLanguage'], 'Farsi']]],
    ['pregnant with weeks not known', [[['patient', 'pregnancy'], 'yes']]],
    [
      'pregnant, sex unknown',
      [
        [['patient', 'sex'], 'unknown'],
        [['patient', 'pregnancy'], 'yes'],
        [['patient', 'gestationalWeeks'], 40],
      ],
    ],
    ['methadone taken now with no opioid listed', [[['treatment', 'currentMedication'], 'methadone']]],
    [
      'naltrexone with an opioid used daily',
      [[['treatment', 'currentMedication'], 'naltrexone'], withSubstances({ category: 'opioid', daysUsedLast30: 30 })],
    ],
    [
      'lost tolerance and uses alone with no opioid',
      [
        [['overdoseRisk', 'lostTolerance'], true],
        [['overdoseRisk', 'usesAlone'], true],
      ],
    ],
    ['naloxone on hand with no opioid', [[['overdoseRisk', 'naloxoneOnHand'], true]]],
    ['an overdose in the last 12 months with nothing used now', [[['overdoseRisk', 'overdoseLast12Months'], true]]],
    [
      'prescribed alcohol, cannabis and GHB',
      [
        withSubstances(
          { category: 'alcohol', prescribed: true },
          { category: 'cannabis', prescribed: true },
          { category: 'ghb', prescribed: true },
        ),
      ],
    ],
    [
      'COWS with prescribed methadone only',
      [withSubstances({ category: 'opioid', prescribed: true, daysUsedLast30: 30 }), [['withdrawal', 'cows'], 0]],
    ],
    [
      'CIWA-Ar with only a benzodiazepine',
      [withSubstances({ category: 'benzodiazepine', daysUsedLast30: 30 }), [['withdrawal', 'ciwaAr'], 22]],
    ],
    [
      'every withdrawal score at once',
      [
        withSubstances({ category: 'alcohol' }, { category: 'benzodiazepine' }, { category: 'opioid' }),
        [['withdrawal', 'ciwaAr'], 67],
        [['withdrawal', 'ciwaB'], 80],
        [['withdrawal', 'cows'], 48],
      ],
    ],
    [
      'one category in several rows',
      [
        withSubstances(
          { category: 'alcohol', name: 'Beer' },
          { category: 'alcohol', name: 'Vodka' },
          { category: 'alcohol', name: 'Beer' },
        ),
      ],
    ],
    ['a suicide attempt with no PHQ-9', [[['mentalHealth', 'suicideAttemptLast3Months'], true]]],
    ['homicidal ideation alone', [[['mentalHealth', 'homicidalIdeation'], true]]],
    [
      'no ambulatory support while stably housed with support',
      [[['environment', 'ambulatoryWithdrawalSupport'], false]],
    ],
    [
      'ambulatory support while homeless',
      [
        [['environment', 'housing'], 'homeless'],
        [['environment', 'ambulatoryWithdrawalSupport'], true],
      ],
    ],
    [
      'an emergency contact for a patient with no phone',
      [[['patient', 'emergencyContact'], { name: 'Sam', phone: '555-0100', relationship: 'Case manager' }]],
    ],
    [
      'gabapentinoid with CIWA-B null and a prescribed row',
      [withSubstances({ category: 'gabapentinoid', prescribed: true, daysUsedLast30: 30, durationMonths: 24 })],
    ],
  ] as const)('%s', (_title, edits) => {
    expect(v2IssuesWith(...edits)).toEqual([]);
  });
});
