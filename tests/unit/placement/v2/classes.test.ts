import { describe, expect, it } from 'vitest';
import { derivePlacementFactsV2 } from '@/lib/placement';
import { buildIntakeV2, only, recommendV2, type SubstanceV2Patch } from './intake-builder';

const classesOf = (...substances: SubstanceV2Patch[]) => derivePlacementFactsV2(buildIntakeV2({ substances })).classes;

describe('substance classes (v2)', () => {
  it('groups categories: sedative = benzodiazepine, other sedative and GHB/GBL', () => {
    const classes = classesOf(
      { category: 'ghb', daysUsedLast30: 3 },
      { category: 'other_sedative' },
      { category: 'gabapentinoid' },
    );
    expect(classes.sedative.entries.map((s) => s.entry.category)).toEqual(['ghb', 'other_sedative']);
    expect(classes.gabapentinoid.listed).toBe(true);
    expect(classes.alcohol.listed).toBe(false);
    expect(classes.opioid).toMatchObject({
      listed: false,
      days: 0,
      duration: 0,
      own: false,
      prescribed: false,
      used: false,
    });
  });

  it('is listed whatever its days', () => {
    expect(classesOf({ category: 'opioid', daysUsedLast30: 0 }).opioid).toMatchObject({ listed: true, used: false });
  });

  it('takes days and duration as two separate maxima, which may come from different rows (prescribed rows included)', () => {
    const classes = classesOf(
      { category: 'benzodiazepine', daysUsedLast30: 25, durationMonths: 0, prescribed: true },
      { category: 'other_sedative', daysUsedLast30: 2, durationMonths: 9 },
    );
    expect(classes.sedative).toMatchObject({ days: 25, duration: 9, regular: true, own: true, prescribed: false });
  });

  it('used from 1 day, frequent from 12, regular from 20', () => {
    for (const [days, used, frequent, regular] of [
      [0, false, false, false],
      [1, true, false, false],
      [11, true, false, false],
      [12, true, true, false],
      [19, true, true, false],
      [20, true, true, true],
    ] as const) {
      expect(classesOf({ category: 'alcohol', daysUsedLast30: days }).alcohol).toMatchObject({
        used,
        frequent,
        regular,
      });
    }
  });

  it('is prescribed when every entry is prescribed, and own when one entry is not', () => {
    const prescribed = { category: 'opioid', prescribed: true } as const;
    expect(classesOf(prescribed, prescribed).opioid).toMatchObject({ prescribed: true, own: false });
    expect(classesOf(prescribed, { category: 'opioid', prescribed: false }).opioid).toMatchObject({
      prescribed: false,
      own: true,
    });
  });

  it('two rows of one class count once: beer and vodka as one row or two give the same result', () => {
    const oneRow = recommendV2(
      only({ category: 'alcohol', name: 'Beer and vodka', daysUsedLast30: 30, durationMonths: 24 }),
    );
    const twoRows = recommendV2({
      substances: [
        { category: 'alcohol', name: 'Beer', daysUsedLast30: 30, durationMonths: 24 },
        { category: 'alcohol', name: 'Vodka', daysUsedLast30: 30, durationMonths: 24 },
      ],
    });
    // Everything but the words of the rationale, which name the rows.
    expect({ ...twoRows, rationale: [] }).toEqual({ ...oneRow, rationale: [] });
    expect(twoRows.rationale.map((entry) => entry.rule)).toEqual(oneRow.rationale.map((entry) => entry.rule));
  });

  it('two benzodiazepine rows are one class: never "two or more classes"', () => {
    const r = recommendV2({
      substances: [
        { category: 'benzodiazepine', name: 'Xanax', daysUsedLast30: 25 },
        { category: 'benzodiazepine', name: 'Klonopin', daysUsedLast30: 25 },
      ],
    });
    expect(r.rationale.map((entry) => entry.rule)).not.toContain('d1.two-or-more-own-classes-regular');
    expect(r.dimensions.d1).toBe(1);
  });
});
