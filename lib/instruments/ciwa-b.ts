/**
 * CIWA-B: Clinical Institute Withdrawal Assessment for Benzodiazepines, entered as a total (0-80).
 * Source: Busto UE, Sykora K, Sellers EM. A clinical scale to assess benzodiazepine withdrawal.
 * J Clin Psychopharmacol 1989;9(6):412-416. Bands as printed on the scale's scoring guide.
 */
import { scoreTotal, type TotalOnlyInstrument } from './instrument';

export const CIWA_B: TotalOnlyInstrument = {
  kind: 'total-only',
  id: 'ciwaB',
  name: 'CIWA-B',
  fullName: 'Clinical Institute Withdrawal Assessment for Benzodiazepines',
  source: 'Busto UE, Sykora K, Sellers EM. J Clin Psychopharmacol 1989;9(6):412-416',
  maxTotal: 80,
  // A total of 0 has no published band name; "no withdrawal" is ours.
  severityBands: [
    { id: 'none', label: 'No withdrawal', min: 0, max: 0 },
    { id: 'mild', label: 'Mild withdrawal', min: 1, max: 20 },
    { id: 'moderate', label: 'Moderate withdrawal', min: 21, max: 40 },
    { id: 'severe', label: 'Severe withdrawal', min: 41, max: 60 },
    { id: 'very-severe', label: 'Very severe withdrawal', min: 61, max: 80 },
  ],
};

export function scoreCiwaBTotal(total: unknown) {
  return scoreTotal(CIWA_B, total);
}
