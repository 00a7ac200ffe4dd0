import { describe, expect, it } from 'vitest';
import type { IntakePatch, SubstancePatch } from './intake-builder';
import { becauseFor, recommendFor, rulesFor } from './recommendation-helpers';

const d1 = (patch: IntakePatch) => recommendFor(patch).dimensions.d1;
const only = (entry: SubstancePatch): IntakePatch => ({ substances: [entry] });
const complicatedHistories = [
  { historySeizures: true },
  { historyDeliriumTremens: true },
  { historyHallucinations: true },
] as const;

describe('D1 alcohol', () => {
  it('regular use starts at 20 of the last 30 days: 19 → 0, 20 → 1', () => {
    expect(d1(only({ category: 'alcohol', daysUsedLast30: 19 }))).toBe(0);
    expect(d1(only({ category: 'alcohol', daysUsedLast30: 20 }))).toBe(1);
  });

  it.each(complicatedHistories)('regular use with a complicated history (%o) → 3; not regular → 0', (history) => {
    expect(d1({ ...only({ category: 'alcohol', daysUsedLast30: 20 }), withdrawal: history })).toBe(3);
    expect(d1({ ...only({ category: 'alcohol', daysUsedLast30: 19 }), withdrawal: history })).toBe(0);
  });

  it.each([
    [null, 0],
    [0, 0],
    [9, 0],
    [10, 2],
    [18, 2],
    [19, 3],
    [67, 3],
  ] as const)('CIWA-Ar %s with alcohol listed (not used lately) → %i', (ciwaAr, rating) => {
    expect(d1({ ...only({ category: 'alcohol', daysUsedLast30: 0 }), withdrawal: { ciwaAr } })).toBe(rating);
  });

  it.each(complicatedHistories)('CIWA-Ar 19 or more with a complicated history (%o) → 4; 18 → 2', (history) => {
    const alcohol = only({ category: 'alcohol', daysUsedLast30: 0 });
    expect(d1({ ...alcohol, withdrawal: { ciwaAr: 19, ...history } })).toBe(4);
    expect(d1({ ...alcohol, withdrawal: { ciwaAr: 18, ...history } })).toBe(2);
  });

  it('CIWA-Ar counts only when alcohol is listed, and says so when it is not counted', () => {
    const recommendation = recommendFor({
      ...only({ category: 'opioid', daysUsedLast30: 2 }),
      withdrawal: { ciwaAr: 30 },
    });
    expect(recommendation.dimensions.d1).toBe(0);
    expect(rulesFor(recommendation, 'd1')).toEqual(['d1.ciwa-ar-not-counted', 'd1.no-withdrawal-risk-found']);
    expect(becauseFor(recommendation, 'd1')[0]).toBe(
      'CIWA-Ar 30 was not counted because no alcohol is listed; check the substance list',
    );
  });
});

describe.each(['benzodiazepine', 'other_sedative'] as const)('D1 each sedative (%s)', (category) => {
  it('regular for less than a month → 1; 19 days → 0', () => {
    expect(d1(only({ category, daysUsedLast30: 19, durationMonths: 24 }))).toBe(0);
    expect(d1(only({ category, daysUsedLast30: 20, durationMonths: 0 }))).toBe(1);
  });

  it('regular for 1 to 5 months → 2; 6 months → 3', () => {
    expect(d1(only({ category, daysUsedLast30: 20, durationMonths: 1 }))).toBe(2);
    expect(d1(only({ category, daysUsedLast30: 20, durationMonths: 5 }))).toBe(2);
    expect(d1(only({ category, daysUsedLast30: 20, durationMonths: 6 }))).toBe(3);
  });

  it('regular for 1 month while another CNS depressant is regular → 3 by the sedative rule', () => {
    const recommendation = recommendFor({
      substances: [
        { category, name: 'Sedative', daysUsedLast30: 20, durationMonths: 1 },
        { category: 'opioid', name: 'Oxycodone', daysUsedLast30: 20 },
      ],
    });
    expect(recommendation.dimensions.d1).toBe(3);
    expect(rulesFor(recommendation, 'd1')).toContain('d1.sedative.regular-6-months-or-with-other-depressant');
    expect(becauseFor(recommendation, 'd1')).toContain(
      `Sedative (${category === 'benzodiazepine' ? 'benzodiazepine' : 'other sedative'}) used on 20 of the last 30 days for 1 month: regular use together with regular use of Oxycodone (opioid)`,
    );
  });

  it('another CNS depressant used on only 19 days does not count; the sedative itself is not "another"', () => {
    expect(
      d1({
        substances: [
          { category, daysUsedLast30: 20, durationMonths: 1 },
          { category: 'alcohol', daysUsedLast30: 19 },
        ],
      }),
    ).toBe(2);
  });

  it('a regular stimulant is not a CNS depressant: sedative stays at 2', () => {
    expect(
      d1({
        substances: [
          { category, daysUsedLast30: 20, durationMonths: 1 },
          { category: 'stimulant', daysUsedLast30: 30, durationMonths: 60 },
        ],
      }),
    ).toBe(2);
  });

  it.each(complicatedHistories)(
    'regular with a complicated history (%o) → 3 even under a month; 19 days → 0',
    (history) => {
      expect(d1({ ...only({ category, daysUsedLast30: 20 }), withdrawal: history })).toBe(3);
      expect(d1({ ...only({ category, daysUsedLast30: 19 }), withdrawal: history })).toBe(0);
    },
  );

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
  ] as const)('CIWA-B %i with the sedative listed → %i', (ciwaB, rating) => {
    expect(d1({ ...only({ category, daysUsedLast30: 0 }), withdrawal: { ciwaB } })).toBe(rating);
  });
});

describe('D1 CIWA-B without a sedative', () => {
  it('is not counted, and the rationale says so', () => {
    const recommendation = recommendFor({
      ...only({ category: 'alcohol', daysUsedLast30: 3 }),
      withdrawal: { ciwaB: 70 },
    });
    expect(recommendation.dimensions.d1).toBe(0);
    expect(rulesFor(recommendation, 'd1')).toEqual(['d1.ciwa-b-not-counted', 'd1.no-withdrawal-risk-found']);
  });
});

describe('D1 opioid', () => {
  it('regular use: 19 → 0, 20 → 1', () => {
    expect(d1(only({ category: 'opioid', daysUsedLast30: 19, durationMonths: 100 }))).toBe(0);
    expect(d1(only({ category: 'opioid', daysUsedLast30: 20 }))).toBe(1);
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
    expect(d1({ ...only({ category: 'opioid', daysUsedLast30: 0 }), withdrawal: { cows } })).toBe(rating);
  });

  it('COWS without an opioid listed is not counted', () => {
    const recommendation = recommendFor({
      ...only({ category: 'stimulant', daysUsedLast30: 30 }),
      withdrawal: { cows: 30 },
    });
    expect(recommendation.dimensions.d1).toBe(0);
    expect(rulesFor(recommendation, 'd1')).toEqual(['d1.cows-not-counted', 'd1.no-withdrawal-risk-found']);
  });

  it('a regular opioid with a complicated history stays at 1 (the history rule is for alcohol and sedatives)', () => {
    expect(d1({ ...only({ category: 'opioid', daysUsedLast30: 30 }), withdrawal: { historySeizures: true } })).toBe(1);
  });
});

describe('D1 other substances and combinations', () => {
  it.each(['stimulant', 'cannabis', 'other'] as const)('%s used daily for 50 years gives no D1 rating', (category) => {
    const recommendation = recommendFor({
      ...only({ category, daysUsedLast30: 30, durationMonths: 600 }),
      withdrawal: { historySeizures: true, historyDeliriumTremens: true },
    });
    expect(recommendation.dimensions.d1).toBe(0);
    expect(rulesFor(recommendation, 'd1')).toEqual(['d1.no-withdrawal-risk-found']);
  });

  it('two regular CNS depressants → 3; one of them at 19 days → 1', () => {
    const twoRegular = recommendFor({
      substances: [
        { category: 'alcohol', name: 'Vodka', daysUsedLast30: 20 },
        { category: 'opioid', name: 'Heroin', daysUsedLast30: 25 },
      ],
    });
    expect(twoRegular.dimensions.d1).toBe(3);
    expect(rulesFor(twoRegular, 'd1')).toContain('d1.two-or-more-regular-cns-depressants');
    expect(
      d1({
        substances: [
          { category: 'alcohol', daysUsedLast30: 20 },
          { category: 'opioid', daysUsedLast30: 19 },
        ],
      }),
    ).toBe(1);
  });

  it('counts substance entries: two regular benzodiazepines used under a month → 3', () => {
    expect(
      d1({
        substances: [
          { category: 'benzodiazepine', name: 'Xanax', daysUsedLast30: 20 },
          { category: 'benzodiazepine', name: 'Klonopin', daysUsedLast30: 20 },
        ],
      }),
    ).toBe(3);
  });

  it('a current seizure or delirium → 4 whatever the substances', () => {
    expect(
      d1({ ...only({ category: 'cannabis', daysUsedLast30: 1 }), withdrawal: { currentSeizureOrDelirium: true } }),
    ).toBe(4);
  });

  it('a rating of 0 is explained with the substance use and scores that were considered', () => {
    const recommendation = recommendFor({
      ...only({ category: 'alcohol', name: 'Beer', daysUsedLast30: 12, durationMonths: 4 }),
      withdrawal: { ciwaAr: 9 },
    });
    expect(becauseFor(recommendation, 'd1')).toEqual([
      'No withdrawal rule applied: Beer (alcohol) used on 12 of the last 30 days for 4 months; no alcohol, sedative or opioid is used regularly (20 or more days), and stimulants, cannabis and other substances do not rate D1 by use alone; withdrawal scores: CIWA-Ar 9 (below 10); no current seizure or delirium',
    ]);
  });

  it('explains a rating with the values that decided it', () => {
    const recommendation = recommendFor({
      ...only({ category: 'alcohol', name: 'Vodka', daysUsedLast30: 28, durationMonths: 40 }),
      withdrawal: { ciwaAr: 21, historyDeliriumTremens: true },
    });
    expect(recommendation.dimensions.d1).toBe(4);
    expect(becauseFor(recommendation, 'd1')).toEqual([
      'Vodka (alcohol) used on 28 of the last 30 days for 40 months: regular use, with history of delirium tremens',
      'CIWA-Ar 21 (19 or more) with alcohol listed and history of delirium tremens',
    ]);
  });
});
