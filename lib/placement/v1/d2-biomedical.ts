/** Placement rules v1, D2 Biomedical conditions and complications: docs/placement-rules-v1.md "D2". */
import { makeD2Rules } from '../shared/d2-biomedical';
import { describeSubstanceUse, type PlacementFacts } from './facts';

export const D2_RULES = makeD2Rules<PlacementFacts>({
  pregnant: (facts) => facts.intake.patient.pregnant,
  regularCnsDepressants: (facts) => facts.regularCnsDepressants.map(describeSubstanceUse),
});
