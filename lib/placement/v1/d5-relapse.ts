/**
 * Placement rules v1, D5 Relapse, continued use or continued problem potential:
 * docs/placement-rules-v1.md "D5". maxDays and maxDur are taken over every substance entry.
 */
import { makeD5Rules } from '../shared/d5-relapse';
import type { PlacementFacts } from './facts';

export const D5_RULES = makeD5Rules<PlacementFacts>({
  counted: 'any substance',
  use: (facts) => ({
    entries: facts.intake.substances,
    priorTreatmentEpisodes: facts.intake.relapse.priorTreatmentEpisodes,
  }),
});
