import { describe, expect, it } from 'vitest';
import {
  CIWA_AR,
  CIWA_B,
  COWS,
  GAD7,
  INSTRUMENTS,
  PHQ9,
  severityBandFor,
  type ItemizedInstrument,
} from '@/lib/instruments';

const itemized: readonly ItemizedInstrument[] = [CIWA_AR, COWS, PHQ9, GAD7];

function allowedValues(instrument: ItemizedInstrument, itemId: string): number[] {
  const item = instrument.items.find((candidate) => candidate.id === itemId);
  if (!item) throw new Error(`no item ${itemId} in ${instrument.name}`);
  return item.options.map((option) => option.value);
}

describe('item definitions', () => {
  it.each([
    { instrument: CIWA_AR, itemCount: 10, maxTotal: 67 },
    { instrument: COWS, itemCount: 11, maxTotal: 48 },
    { instrument: PHQ9, itemCount: 9, maxTotal: 27 },
    { instrument: GAD7, itemCount: 7, maxTotal: 21 },
  ])('$instrument.name has $itemCount items and totals 0-$maxTotal', ({ instrument, itemCount, maxTotal }) => {
    expect(instrument.items).toHaveLength(itemCount);
    expect(instrument.maxTotal).toBe(maxTotal);
    const sumOfItemMaxima = instrument.items.reduce(
      (sum, item) => sum + Math.max(...item.options.map((o) => o.value)),
      0,
    );
    expect(sumOfItemMaxima).toBe(maxTotal);
  });

  it.each(itemized)('$name numbers its items 1..n with unique ids', (instrument) => {
    expect(instrument.items.map((item) => item.number)).toEqual(instrument.items.map((_, index) => index + 1));
    expect(new Set(instrument.items.map((item) => item.id)).size).toBe(instrument.items.length);
  });

  it('CIWA-Ar: nine items 0-7 and orientation 0-4, anchors on the published points', () => {
    for (const item of CIWA_AR.items.slice(0, 9))
      expect(item.options.map((o) => o.value)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(allowedValues(CIWA_AR, 'orientation')).toEqual([0, 1, 2, 3, 4]);
    const tremor = CIWA_AR.items.find((item) => item.id === 'tremor');
    expect(tremor?.options.filter((o) => o.anchor !== undefined).map((o) => o.value)).toEqual([0, 1, 4, 7]);
    expect(tremor?.options[1]?.anchor).toBe('not visible, but can be felt fingertip to fingertip');
  });

  it('COWS: each item allows only its published values', () => {
    expect(Object.fromEntries(COWS.items.map((item) => [item.id, item.options.map((o) => o.value)]))).toEqual({
      restingPulse: [0, 1, 2, 4],
      sweating: [0, 1, 2, 3, 4],
      restlessness: [0, 1, 3, 5],
      pupilSize: [0, 1, 2, 5],
      boneJointAches: [0, 1, 2, 4],
      runnyNoseTearing: [0, 1, 2, 4],
      giUpset: [0, 1, 2, 3, 5],
      tremor: [0, 1, 2, 4],
      yawning: [0, 1, 2, 4],
      anxietyIrritability: [0, 1, 2, 4],
      goosefleshSkin: [0, 3, 5],
    });
    for (const item of COWS.items) for (const option of item.options) expect(option.anchor).toBeTruthy();
  });

  it.each([PHQ9, GAD7])('$name items are answered 0-3 from "Not at all" to "Nearly every day"', (instrument) => {
    for (const item of instrument.items) {
      expect(item.options.map((o) => [o.value, o.anchor])).toEqual([
        [0, 'Not at all'],
        [1, 'Several days'],
        [2, 'More than half the days'],
        [3, 'Nearly every day'],
      ]);
    }
  });

  it('PHQ-9 item 9 is the self-harm item', () => {
    expect(PHQ9.items[8]?.label).toBe('Thoughts that you would be better off dead or of hurting yourself in some way');
  });

  it('lists every instrument by id', () => {
    expect(Object.values(INSTRUMENTS).map((instrument) => instrument.id)).toEqual([
      'ciwaAr',
      'cows',
      'ciwaB',
      'phq9',
      'gad7',
    ]);
    expect(CIWA_B.kind).toBe('total-only');
    expect(CIWA_B.maxTotal).toBe(80);
  });
});

describe('severity bands', () => {
  it.each(Object.values(INSTRUMENTS))(
    '$name bands cover every total from 0 to the maximum exactly once',
    (instrument) => {
      const bands = instrument.severityBands;
      expect(bands[0]?.min).toBe(0);
      expect(bands[bands.length - 1]?.max).toBe(instrument.maxTotal);
      bands.forEach((band, index) => {
        expect(band.min).toBeLessThanOrEqual(band.max);
        if (index > 0) expect(band.min).toBe((bands[index - 1]?.max ?? NaN) + 1);
      });
    },
  );

  const bandCases: ReadonlyArray<readonly [string, keyof typeof INSTRUMENTS, number, string]> = [
    ['PHQ-9', 'phq9', 0, 'minimal'],
    ['PHQ-9', 'phq9', 4, 'minimal'],
    ['PHQ-9', 'phq9', 5, 'mild'],
    ['PHQ-9', 'phq9', 9, 'mild'],
    ['PHQ-9', 'phq9', 10, 'moderate'],
    ['PHQ-9', 'phq9', 14, 'moderate'],
    ['PHQ-9', 'phq9', 15, 'moderately-severe'],
    ['PHQ-9', 'phq9', 19, 'moderately-severe'],
    ['PHQ-9', 'phq9', 20, 'severe'],
    ['PHQ-9', 'phq9', 27, 'severe'],
    ['GAD-7', 'gad7', 4, 'minimal'],
    ['GAD-7', 'gad7', 5, 'mild'],
    ['GAD-7', 'gad7', 9, 'mild'],
    ['GAD-7', 'gad7', 10, 'moderate'],
    ['GAD-7', 'gad7', 14, 'moderate'],
    ['GAD-7', 'gad7', 15, 'severe'],
    ['GAD-7', 'gad7', 21, 'severe'],
    // ASAM 2020, the thresholds of the placement rules: under 10 mild, 10-18 moderate, 19+ severe.
    ['CIWA-Ar', 'ciwaAr', 0, 'mild'],
    ['CIWA-Ar', 'ciwaAr', 9, 'mild'],
    ['CIWA-Ar', 'ciwaAr', 10, 'moderate'],
    ['CIWA-Ar', 'ciwaAr', 18, 'moderate'],
    ['CIWA-Ar', 'ciwaAr', 19, 'severe'],
    ['CIWA-Ar', 'ciwaAr', 67, 'severe'],
    ['COWS', 'cows', 4, 'none'],
    ['COWS', 'cows', 5, 'mild'],
    ['COWS', 'cows', 12, 'mild'],
    ['COWS', 'cows', 13, 'moderate'],
    ['COWS', 'cows', 24, 'moderate'],
    ['COWS', 'cows', 25, 'moderately-severe'],
    ['COWS', 'cows', 36, 'moderately-severe'],
    ['COWS', 'cows', 37, 'severe'],
    ['CIWA-B', 'ciwaB', 0, 'none'],
    ['CIWA-B', 'ciwaB', 1, 'mild'],
    ['CIWA-B', 'ciwaB', 20, 'mild'],
    ['CIWA-B', 'ciwaB', 21, 'moderate'],
    ['CIWA-B', 'ciwaB', 40, 'moderate'],
    ['CIWA-B', 'ciwaB', 41, 'severe'],
    ['CIWA-B', 'ciwaB', 60, 'severe'],
    ['CIWA-B', 'ciwaB', 61, 'very-severe'],
    ['CIWA-B', 'ciwaB', 80, 'very-severe'],
  ];
  it.each(bandCases)('%s total %i is in band %s', (_name, id, total, bandId) => {
    expect(severityBandFor(INSTRUMENTS[id], total).id).toBe(bandId);
  });

  it('CIWA-Ar bands change exactly where the placement rules change D1 (10 and 19), citing ASAM 2020', () => {
    expect(CIWA_AR.severityBands.map((band) => [band.id, band.min, band.max])).toEqual([
      ['mild', 0, 9],
      ['moderate', 10, 18],
      ['severe', 19, 67],
    ]);
    expect(CIWA_AR.source).toMatch(/ASAM/);
  });

  it.each([-1, 28, 2.5, Number.NaN])('refuses a PHQ-9 total of %d outside the scale', (total) => {
    expect(() => severityBandFor(PHQ9, total)).toThrow(/PHQ-9 total must be a whole number from 0 to 27/);
  });
});
