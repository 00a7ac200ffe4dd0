/**
 * D2 Biomedical conditions and complications: docs/placement-rules-v1.md "D2". v2 keeps the rules
 * and changes two definitions (docs/placement-rules-v2.md "D2"): what "pregnant" and "any regular
 * CNS depressant" mean, which each version passes in.
 */
import type { DimensionRuleTable, RuleFacts } from './rating-rule';
import { joinWords } from './words';

export interface BiomedicalFacts extends RuleFacts {
  readonly intake: {
    readonly biomedical: {
      readonly unstableMedical: boolean;
      readonly needs24hMedical: boolean;
      readonly chronicConditions: readonly string[];
    };
  };
}

export interface BiomedicalDefinitions<F extends BiomedicalFacts> {
  readonly pregnant: (facts: F) => boolean;
  /** The CNS depressants used regularly, each in words; empty when there are none. */
  readonly regularCnsDepressants: (facts: F) => readonly string[];
}

export function makeD2Rules<F extends BiomedicalFacts>(definitions: BiomedicalDefinitions<F>): DimensionRuleTable<F> {
  const { pregnant, regularCnsDepressants } = definitions;
  return {
    dimension: 'd2',
    rules: [
      {
        id: 'd2.unstable-medical',
        dimension: 'd2',
        scope: 'intake',
        description: 'Unstable medical condition → 4.',
        effect: { kind: 'atLeast', rating: 4 },
        condition: (facts) => facts.intake.biomedical.unstableMedical,
        because: () => 'Unstable medical condition',
      },
      {
        id: 'd2.needs-24h-medical',
        dimension: 'd2',
        scope: 'intake',
        description: 'Needs 24-hour medical care → 3.',
        effect: { kind: 'atLeast', rating: 3 },
        condition: (facts) => facts.intake.biomedical.needs24hMedical,
        because: () => 'Needs 24-hour medical care',
      },
      {
        id: 'd2.pregnant-with-regular-cns-depressant',
        dimension: 'd2',
        scope: 'intake',
        description: 'Pregnant with any CNS depressant used regularly → 3.',
        effect: { kind: 'atLeast', rating: 3 },
        condition: (facts) => pregnant(facts) && regularCnsDepressants(facts).length > 0,
        because: (facts) => `Pregnant, with regular use of ${joinWords(regularCnsDepressants(facts))}`,
      },
      {
        id: 'd2.chronic-condition',
        dimension: 'd2',
        scope: 'intake',
        description: 'Any chronic condition → 1.',
        effect: { kind: 'atLeast', rating: 1 },
        condition: (facts) => facts.intake.biomedical.chronicConditions.length > 0,
        because: (facts) => `Chronic conditions: ${joinWords(facts.intake.biomedical.chronicConditions)}`,
      },
      {
        id: 'd2.pregnant',
        dimension: 'd2',
        scope: 'intake',
        description: 'Pregnant → 1.',
        effect: { kind: 'atLeast', rating: 1 },
        condition: (facts) => pregnant(facts),
        because: () => 'Pregnant',
      },
    ],
    whenNoRuleApplies: {
      id: 'd2.no-biomedical-concern-found',
      dimension: 'd2',
      scope: 'intake',
      description: 'No D2 rule applies → 0.',
      because: () =>
        'Not medically unstable, no need for 24-hour medical care, not pregnant and no chronic conditions listed',
    },
  };
}
