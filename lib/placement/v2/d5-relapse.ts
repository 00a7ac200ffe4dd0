/**
 * Placement rules v2, D5 (docs/placement-rules-v2.md "D5"): v1's rules, with maxDays and maxDur
 * taken over the entries that are not `prescribed: true` (each 0 when no entry is left).
 */
import { makeD5Rules } from '../shared/d5-relapse';
import type { PlacementFactsV2 } from './facts';

export const D5_RULES_V2 = makeD5Rules<PlacementFactsV2>({
  counted: 'entries not taken as prescribed',
  noEntry: 'every entry is taken as prescribed',
  use: (facts) => ({
    entries: facts.intake.substances.filter((entry) => !entry.prescribed),
    priorTreatmentEpisodes: facts.intake.relapse.priorTreatmentEpisodes,
  }),
});
