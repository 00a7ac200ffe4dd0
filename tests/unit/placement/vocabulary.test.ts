import { describe, expect, it } from 'vitest';
import {
  compareTreatmentLevels,
  compareWithdrawalManagementLevels,
  DIMENSION_NAMES,
  DIMENSION_RULE_TABLES,
  DIMENSIONS,
  isTreatmentLevel,
  isWithdrawalManagementLevel,
  LEVEL_RULES,
  RULES_LABEL,
  RULES_VERSION,
  TREATMENT_LEVEL_NAMES,
  TREATMENT_LEVELS,
  WITHDRAWAL_MANAGEMENT_LEVEL_NAMES,
  WITHDRAWAL_MANAGEMENT_LEVELS,
  WITHDRAWAL_MANAGEMENT_RULES,
} from '@/lib/placement';

describe('placement vocabulary', () => {
  it('labels the rules as local policy and versions them', () => {
    expect(RULES_VERSION).toBe('placement-v1');
    expect(RULES_LABEL).toBe('placement rules v1 (local policy, ASAM-informed)');
  });

  it('names the eight levels from least to most intensive', () => {
    expect(TREATMENT_LEVELS.map((level) => `${level} ${TREATMENT_LEVEL_NAMES[level]}`)).toEqual([
      '0.5 Early Intervention',
      '1 Outpatient',
      '2.1 Intensive Outpatient',
      '2.5 Partial Hospitalization',
      '3.1 Clinically Managed Low-Intensity Residential',
      '3.5 Clinically Managed High-Intensity Residential',
      '3.7 Medically Monitored Intensive Inpatient',
      '4 Medically Managed Intensive Inpatient',
    ]);
  });

  it('orders levels for comparison (e.g. an override to a more intensive level)', () => {
    expect(compareTreatmentLevels('2.5', '3.1')).toBeLessThan(0);
    expect(compareTreatmentLevels('4', '0.5')).toBeGreaterThan(0);
    expect(compareTreatmentLevels('1', '1')).toBe(0);
    expect([...TREATMENT_LEVELS].reverse().sort(compareTreatmentLevels)).toEqual([...TREATMENT_LEVELS]);
    expect(compareWithdrawalManagementLevels('2-WM', '3.2-WM')).toBeLessThan(0);
    expect(compareWithdrawalManagementLevels('none', '1-WM')).toBeLessThan(0);
  });

  it('recognises level codes and nothing else', () => {
    expect(TREATMENT_LEVELS.every(isTreatmentLevel)).toBe(true);
    for (const notALevel of ['3', '0', '3.7-WM', 3.7, null, undefined]) expect(isTreatmentLevel(notALevel)).toBe(false);
    expect(WITHDRAWAL_MANAGEMENT_LEVELS.every(isWithdrawalManagementLevel)).toBe(true);
    expect(isWithdrawalManagementLevel('3.7')).toBe(false);
    for (const level of WITHDRAWAL_MANAGEMENT_LEVELS) expect(WITHDRAWAL_MANAGEMENT_LEVEL_NAMES[level]).toBeTruthy();
  });

  it('names all six dimensions', () => {
    expect(DIMENSIONS.map((dimension) => DIMENSION_NAMES[dimension]).every((name) => name.length > 0)).toBe(true);
  });

  it('gives every rule a unique id and a description', () => {
    const rules = [
      ...DIMENSION_RULE_TABLES.flatMap((table) => [
        ...table.rules,
        ...(table.whenNoRuleApplies ? [table.whenNoRuleApplies] : []),
      ]),
      ...LEVEL_RULES,
      ...WITHDRAWAL_MANAGEMENT_RULES,
    ];
    const ids = rules.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of rules) expect(rule.description).toMatch(/\.$/);
    for (const table of DIMENSION_RULE_TABLES)
      for (const rule of table.rules) expect(rule.dimension).toBe(table.dimension);
  });
});
