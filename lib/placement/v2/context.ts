import type { IntakeV2 } from '@/lib/intake';
import type { DimensionRatings, TreatmentLevel, WithdrawalManagementLevel } from '../shared/vocabulary';
import type { PlacementFactsV2 } from './facts';
import type { IncompleteItem } from './incomplete';

/** What v2 service and flag rules may read: the intake facts and the computed ratings, levels and gaps. */
export interface RecommendationContextV2 {
  readonly facts: PlacementFactsV2;
  readonly intake: IntakeV2;
  readonly dimensions: DimensionRatings;
  readonly treatmentLevel: TreatmentLevel;
  readonly withdrawalManagement: WithdrawalManagementLevel;
  readonly incomplete: readonly { readonly item: IncompleteItem; readonly because: string }[];
}
