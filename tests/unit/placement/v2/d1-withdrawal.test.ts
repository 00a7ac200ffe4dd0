import { describe, expect, it } from 'vitest';
import {
  becauseForV2,
  only,
  recommendV2,
  rulesForV2,
  type IntakeV2Patch,
  type SubstanceV2Patch,
} from './intake-builder';

const d1 = (patch: IntakeV2Patch) => recommendV2(patch).dimensions.d1;
const withEntries = (...substances: SubstanceV2Patch[]): IntakeV2Patch => ({ substances });
const seizures = { historySeizures: true } as const;

describe('D1 v2: alcohol', () => {
  it('regular from 20 days: 19 → 0, 20 → 1', () => {
    expect(d1(only({ category: 'alcohol', daysUsedLast30: 19 }))).toBe(0);
    expect(d1(only({ category: 'alcohol', daysUsedLast30: 20 }))).toBe(1);
  });

  it.each([
    [null, 0],
    [9, 0],
    [10, 2],
    [18, 2],
    [19, 3],
    [67, 3],
  ] as const)('CIWA-Ar %s with alcohol listed → %i', (ciwaAr, rating) => {
    expect(d1({ ...only({ category: 'alcohol' }), withdrawal: { ciwaAr } })).toBe(rating);
  });

  it('CIWA-Ar counts with a sedative listed (no alcohol): CIWA-Ar 22 with a benzodiazepine → 3', () => {
    expect(d1({ ...only({ category: 'benzodiazepine', daysUsedLast30: 5 }), withdrawal: { ciwaAr: 22 } })).toBe(3);
    expect(d1({ ...only({ category: 'ghb' }), withdrawal: { ciwaAr: 12 } })).toBe(2);
  });

  it('CIWA-Ar 19 or more with a complicated history → 4; 18 with the same history stays below 4', () => {
    expect(d1({ ...only({ category: 'alcohol' }), withdrawal: { ciwaAr: 19, historyDeliriumTremens: true } })).toBe(4);
    expect(d1({ ...only({ category: 'alcohol' }), withdrawal: { ciwaAr: 18, historyDeliriumTremens: true } })).toBe(2);
    expect(d1({ ...only({ category: 'alcohol' }), withdrawal: { ciwaAr: 19 } })).toBe(3);
  });
});

describe('D1 v2: sedatives', () => {
  it('sedative regular → 1, prescribed or not (19 → 0, 20 → 1)', () => {
    expect(d1(only({ category: 'benzodiazepine', daysUsedLast30: 19, prescribed: true }))).toBe(0);
    expect(d1(only({ category: 'benzodiazepine', daysUsedLast30: 20, prescribed: true, durationMonths: 24 }))).toBe(1);
    expect(d1(only({ category: 'other_sedative', daysUsedLast30: 20 }))).toBe(1);
  });

  it('own sedative regular with duration >= 1 → 2 (duration 0 → 1)', () => {
    expect(d1(only({ category: 'benzodiazepine', daysUsedLast30: 20, durationMonths: 0 }))).toBe(1);
    expect(d1(only({ category: 'benzodiazepine', daysUsedLast30: 20, durationMonths: 1 }))).toBe(2);
    expect(d1(only({ category: 'benzodiazepine', daysUsedLast30: 20, durationMonths: 5 }))).toBe(2);
  });

  it('own sedative regular with duration >= 6 → 3', () => {
    expect(d1(only({ category: 'benzodiazepine', daysUsedLast30: 20, durationMonths: 6 }))).toBe(3);
  });

  it('own sedative regular for 1-5 months with another own CNS-depressant class regular → 3 (the other at 19 days → 2)', () => {
    const benzo = { category: 'benzodiazepine', daysUsedLast30: 20, durationMonths: 2 } as const;
    expect(d1(withEntries(benzo, { category: 'gabapentinoid', daysUsedLast30: 20 }))).toBe(3);
    expect(d1(withEntries(benzo, { category: 'gabapentinoid', daysUsedLast30: 19 }))).toBe(2);
    // A prescribed other class is not own.
    expect(d1(withEntries(benzo, { category: 'gabapentinoid', daysUsedLast30: 20, prescribed: true }))).toBe(2);
  });

  it('one own row makes the class own; duration may come from the prescribed row', () => {
    const r = recommendV2(
      withEntries(
        { category: 'benzodiazepine', name: 'Clonazepam', daysUsedLast30: 30, durationMonths: 8, prescribed: true },
        { category: 'benzodiazepine', name: 'Street Xanax', daysUsedLast30: 2, durationMonths: 0 },
      ),
    );
    expect(r.dimensions.d1).toBe(3);
    expect(rulesForV2(r, 'd1')).toContain('d1.own-sedative.regular-6-months-or-with-other-own-class');
  });

  it('prescribed clonazepam 0.5 mg as directed, daily for years → 1 (sedative regular only)', () => {
    expect(d1(only({ category: 'benzodiazepine', daysUsedLast30: 30, durationMonths: 30, prescribed: true }))).toBe(1);
  });

  it.each([
    [0, 0],
    [1, 1],
    [20, 1],
    [21, 2],
    [40, 2],
    [41, 3],
    [60, 3],
    [61, 4],
    [80, 4],
  ] as const)('CIWA-B %i with a sedative listed (prescribed or not) → %i', (ciwaB, rating) => {
    expect(d1({ ...only({ category: 'benzodiazepine', prescribed: true }), withdrawal: { ciwaB } })).toBe(rating);
  });

  it('any GHB entry on 20 or more days → 3, prescribed or not (19 → 0)', () => {
    expect(d1(only({ category: 'ghb', daysUsedLast30: 19 }))).toBe(0);
    expect(d1(only({ category: 'ghb', daysUsedLast30: 20, prescribed: true }))).toBe(3);
    expect(d1(only({ category: 'ghb', daysUsedLast30: 20 }))).toBe(3);
  });
});

describe('D1 v2: opioids and gabapentinoids', () => {
  it('own opioid regular → 1; prescribed (methadone from the program) → 0', () => {
    expect(d1(only({ category: 'opioid', daysUsedLast30: 19 }))).toBe(0);
    expect(d1(only({ category: 'opioid', daysUsedLast30: 20 }))).toBe(1);
    expect(d1(only({ category: 'opioid', daysUsedLast30: 30, durationMonths: 48, prescribed: true }))).toBe(0);
  });

  it.each([
    [4, 0],
    [5, 1],
    [12, 1],
    [13, 2],
    [24, 2],
    [25, 3],
    [48, 3],
  ] as const)('COWS %i with an opioid listed → %i', (cows, rating) => {
    expect(d1({ ...only({ category: 'opioid', prescribed: true }), withdrawal: { cows } })).toBe(rating);
  });

  it('own gabapentinoid regular → 1 (19 days → 0; prescribed → 0)', () => {
    expect(d1(only({ category: 'gabapentinoid', daysUsedLast30: 19 }))).toBe(0);
    expect(d1(only({ category: 'gabapentinoid', daysUsedLast30: 20 }))).toBe(1);
    expect(d1(only({ category: 'gabapentinoid', daysUsedLast30: 20, prescribed: true }))).toBe(0);
  });
});

describe('D1 v2: complicated history by the higher of the alcohol and sedative days', () => {
  it.each([
    [0, 0],
    [1, 1],
    [4, 1],
    [5, 2],
    [11, 2],
    [12, 3],
    [19, 3],
  ] as const)('alcohol on %i days with a seizure history → %i', (days, rating) => {
    expect(d1({ ...only({ category: 'alcohol', daysUsedLast30: days }), withdrawal: seizures })).toBe(rating);
  });

  it('takes the higher of alcohol and sedative days, each class its own maximum', () => {
    const r = recommendV2({
      ...withEntries(
        { category: 'alcohol', daysUsedLast30: 4 },
        { category: 'other_sedative', daysUsedLast30: 12, prescribed: true },
      ),
      withdrawal: { historyHallucinations: true },
    });
    expect(r.dimensions.d1).toBe(3);
    expect(becauseForV2(r, 'd1')).toContain(
      'The higher of the alcohol and sedative days 12 (12 or more) (alcohol 4, sedatives 12) with history of withdrawal hallucinations',
    );
  });

  it('without a complicated history the days alone do not count (alcohol 19 days → 0)', () => {
    expect(d1(only({ category: 'alcohol', daysUsedLast30: 19 }))).toBe(0);
  });

  it('opioid days do not count for the history rule', () => {
    expect(d1({ ...only({ category: 'opioid', daysUsedLast30: 12 }), withdrawal: seizures })).toBe(0);
  });
});

describe('D1 v2: combined classes', () => {
  it('two or more own CNS-depressant classes regular → 3', () => {
    expect(
      d1(withEntries({ category: 'opioid', daysUsedLast30: 20 }, { category: 'gabapentinoid', daysUsedLast30: 20 })),
    ).toBe(3);
    expect(
      d1(withEntries({ category: 'opioid', daysUsedLast30: 20 }, { category: 'gabapentinoid', daysUsedLast30: 19 })),
    ).toBe(1);
  });

  it('two or more own classes frequent (12 days), one of them alcohol or sedative → 2; 11 days → 0', () => {
    expect(
      d1(withEntries({ category: 'alcohol', daysUsedLast30: 12 }, { category: 'opioid', daysUsedLast30: 12 })),
    ).toBe(2);
    expect(
      d1(withEntries({ category: 'alcohol', daysUsedLast30: 11 }, { category: 'opioid', daysUsedLast30: 12 })),
    ).toBe(0);
    // Neither is alcohol or a sedative.
    expect(
      d1(withEntries({ category: 'gabapentinoid', daysUsedLast30: 15 }, { category: 'opioid', daysUsedLast30: 15 })),
    ).toBe(0);
    // A prescribed class is not own.
    expect(
      d1(
        withEntries(
          { category: 'alcohol', daysUsedLast30: 12 },
          { category: 'opioid', daysUsedLast30: 12, prescribed: true },
        ),
      ),
    ).toBe(0);
  });
});

describe('D1 v2: age 65 or more on the assessment date', () => {
  const drinker = only({ category: 'alcohol', daysUsedLast30: 20 });
  const onAssessment = (dateOfBirth: string, assessedOn = '2025-06-01'): IntakeV2Patch => ({
    ...drinker,
    assessedOn,
    patient: { dateOfBirth },
  });

  it('64 → 1, 65 → 2 (own alcohol regular)', () => {
    expect(d1(onAssessment('1960-06-02'))).toBe(1);
    expect(d1(onAssessment('1960-06-01'))).toBe(2);
  });

  it('born 29 February: 65 on 1 March in a non-leap year, not on 28 February', () => {
    expect(d1(onAssessment('1960-02-29', '2025-02-28'))).toBe(1);
    expect(d1(onAssessment('1960-02-29', '2025-03-01'))).toBe(2);
    // In a leap year the birthday itself.
    expect(d1(onAssessment('1959-02-28', '2024-02-28'))).toBe(2);
    expect(d1(onAssessment('1960-02-29', '2024-02-28'))).toBe(1);
  });

  it('own sedative regular counts; prescribed does not; the assessment date decides, not today', () => {
    expect(
      d1({ ...only({ category: 'benzodiazepine', daysUsedLast30: 20 }), patient: { dateOfBirth: '1950-01-01' } }),
    ).toBe(2);
    expect(
      d1({
        ...only({ category: 'benzodiazepine', daysUsedLast30: 20, prescribed: true }),
        patient: { dateOfBirth: '1950-01-01' },
      }),
    ).toBe(1);
    expect(d1({ ...drinker, assessedOn: '2024-06-01', patient: { dateOfBirth: '1960-01-01' } })).toBe(1);
  });
});

describe('D1 v2: current seizure or delirium, and the reason for 0', () => {
  it('current seizure or delirium → 4', () => {
    expect(d1({ withdrawal: { currentSeizureOrDelirium: true } })).toBe(4);
  });

  it('explains a 0 with the classes and scores it checked', () => {
    const r = recommendV2(
      only({ category: 'opioid', name: 'Methadone', daysUsedLast30: 30, durationMonths: 48, prescribed: true }),
    );
    expect(rulesForV2(r, 'd1')).toEqual(['d1.no-withdrawal-risk-found']);
    expect(becauseForV2(r, 'd1')[0]).toContain(
      'opioids (Methadone (prescribed)): used on 30 of the last 30 days, for 48 months, all taken as prescribed',
    );
  });
});
