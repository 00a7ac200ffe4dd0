/**
 * D6 of placement rules v2: v1's D6 (docs/placement-rules-v1.md "D6"), whose ratings v2 keeps
 * unchanged, plus one explaining note. v1's rationale for a rating of 0 reads only "Housing:
 * stable" even when support is limited, as if support had not been asked (issue 12 item 6); v2
 * also names the support system when it does not change the rating (docs/placement-rules-v2.md
 * "D6"). A note never changes a rating.
 */
import { SUPPORT_SYSTEM_LABELS } from '@/lib/intake/options';
import { D6_RULES, type EnvironmentFacts } from '../shared/d6-environment';
import type { DimensionRuleTable } from '../shared/rating-rule';

export const D6_RULES_V2: DimensionRuleTable<EnvironmentFacts> = {
  ...D6_RULES,
  rules: [
    ...D6_RULES.rules,
    {
      id: 'd6.support-system-noted',
      dimension: 'd6',
      scope: 'intake',
      description: 'Note: a support system other than "none" adds nothing (only "none" adds 1).',
      effect: { kind: 'note' },
      condition: (facts) => facts.intake.environment.supportSystem !== 'none',
      because: (facts) =>
        `Support system: ${SUPPORT_SYSTEM_LABELS[facts.intake.environment.supportSystem].toLowerCase()} (adds nothing; only no support system adds 1)`,
    },
  ],
};
