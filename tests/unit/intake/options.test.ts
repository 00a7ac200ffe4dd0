import { describe, expect, it } from 'vitest';
import {
  COVERAGE_TYPES,
  COVERAGE_TYPE_LABELS,
  CURRENT_MEDICATIONS,
  CURRENT_MEDICATION_LABELS,
  PREGNANCY_STATUSES,
  PREGNANCY_STATUS_LABELS,
  SUBSTANCE_CATEGORIES,
  SUBSTANCE_CATEGORIES_V2,
  SUBSTANCE_CATEGORY_HINTS,
  SUBSTANCE_CATEGORY_LABELS,
} from '@/lib/intake';

describe('option lists', () => {
  it.each([
    ['substance categories (v2)', SUBSTANCE_CATEGORIES_V2, SUBSTANCE_CATEGORY_LABELS],
    ['pregnancy', PREGNANCY_STATUSES, PREGNANCY_STATUS_LABELS],
    ['coverage', COVERAGE_TYPES, COVERAGE_TYPE_LABELS],
    ['current medication', CURRENT_MEDICATIONS, CURRENT_MEDICATION_LABELS],
  ] as const)('every %s option has a label and no label is left over', (_name, options, labels) => {
    expect(Object.keys(labels).sort()).toEqual([...options].sort());
    for (const option of options) expect((labels as Record<string, string>)[option]).toMatch(/^[A-Z]/);
  });

  it('v1 keeps its seven categories; v2 adds ghb and gabapentinoid', () => {
    expect(SUBSTANCE_CATEGORIES).toEqual([
      'alcohol',
      'benzodiazepine',
      'other_sedative',
      'opioid',
      'stimulant',
      'cannabis',
      'other',
    ]);
    expect(
      SUBSTANCE_CATEGORIES_V2.filter((category) => !(SUBSTANCE_CATEGORIES as readonly string[]).includes(category)),
    ).toEqual(['ghb', 'gabapentinoid']);
    expect(SUBSTANCE_CATEGORY_LABELS.ghb).toBe('GHB/GBL');
    expect(SUBSTANCE_CATEGORY_LABELS.gabapentinoid).toMatch(/gabapentin, pregabalin/);
  });

  it('tells staff to enter kratom as an opioid', () => {
    expect(SUBSTANCE_CATEGORY_HINTS.opioid).toMatch(/kratom as an opioid/i);
    for (const category of Object.keys(SUBSTANCE_CATEGORY_HINTS)) expect(SUBSTANCE_CATEGORIES_V2).toContain(category);
  });
});
