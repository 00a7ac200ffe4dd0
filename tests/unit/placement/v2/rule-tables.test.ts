import { describe, expect, it } from 'vitest';
import {
  DIMENSION_RULE_TABLES_V2,
  DIMENSIONS,
  FLAG_RULES_V2,
  INCOMPLETE_ITEMS,
  INCOMPLETE_RULES,
  LEVEL_RULES,
  RULES_LABEL_V2,
  RULES_VERSION_V2,
  SERVICE_RULES_V2,
  WITHDRAWAL_MANAGEMENT_STEPS_V2,
} from '@/lib/placement';
import { recommendV2 } from './intake-builder';

describe('placement rules v2 tables', () => {
  it('labels the rules as local policy and versions them', () => {
    expect(RULES_VERSION_V2).toBe('placement-v2');
    expect(RULES_LABEL_V2).toBe('placement rules v2 (local policy, ASAM-informed)');
  });

  it('has one table per dimension, in order, each rule in its table', () => {
    expect(DIMENSION_RULE_TABLES_V2.map((table) => table.dimension)).toEqual([...DIMENSIONS]);
    for (const table of DIMENSION_RULE_TABLES_V2)
      for (const rule of table.rules) expect(rule.dimension).toBe(table.dimension);
  });

  it('gives every rule a unique id and a description in the words of the spec', () => {
    const rules = [
      ...DIMENSION_RULE_TABLES_V2.flatMap((table) => [
        ...table.rules,
        ...(table.whenNoRuleApplies ? [table.whenNoRuleApplies] : []),
      ]),
      ...LEVEL_RULES,
      ...WITHDRAWAL_MANAGEMENT_STEPS_V2,
      ...SERVICE_RULES_V2,
      ...FLAG_RULES_V2,
    ];
    const ids = rules.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of [...rules, ...INCOMPLETE_RULES]) expect(rule.description).toMatch(/\.$/);
  });

  it('has one incomplete rule per item, and the items sorted', () => {
    expect(INCOMPLETE_RULES.map((rule) => rule.item).sort()).toEqual([...INCOMPLETE_ITEMS]);
    expect([...INCOMPLETE_ITEMS].sort()).toEqual([...INCOMPLETE_ITEMS]);
  });

  it('prescribed clonazepam with no one to check on the patient at home → 3.2-WM, level still 1', () => {
    const r = recommendV2({
      substances: [
        {
          category: 'benzodiazepine',
          name: 'Clonazepam 0.5 mg',
          daysUsedLast30: 30,
          durationMonths: 30,
          prescribed: true,
        },
      ],
      withdrawal: { ciwaB: 4 },
      environment: { ambulatoryWithdrawalSupport: false },
    });
    expect(r).toMatchObject({ treatmentLevel: '1', withdrawalManagement: '3.2-WM' });
  });
});
