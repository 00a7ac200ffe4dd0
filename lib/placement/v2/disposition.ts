/**
 * Placement rules v2, disposition (docs/placement-rules-v2.md "Disposition"): an emergency comes
 * before the level, which applies after stabilisation.
 */
import type { RationaleEntry } from '../shared/rationale';
import type { FlagCodeV2 } from './flag-rules';

export const DISPOSITIONS = ['emergency_medical', 'emergency_psychiatric', 'placement'] as const;
export type Disposition = (typeof DISPOSITIONS)[number];

export const DISPOSITION_NAMES: Readonly<Record<Disposition, string>> = {
  emergency_medical: 'Emergency medical evaluation',
  emergency_psychiatric: 'Emergency psychiatric evaluation',
  placement: 'Placement',
};

/** Shown above the level when the disposition is an emergency. */
export const EMERGENCY_DISPOSITION_GUIDANCE =
  'send for emergency evaluation now; the level applies after stabilisation';

export function chooseDisposition(flags: readonly FlagCodeV2[]): {
  readonly disposition: Disposition;
  readonly rationale: RationaleEntry;
} {
  if (flags.includes('EMERGENCY_MEDICAL')) {
    return {
      disposition: 'emergency_medical',
      rationale: {
        dimension: 'disposition',
        rule: 'disposition.emergency-medical',
        because: 'EMERGENCY_MEDICAL is flagged',
      },
    };
  }
  if (flags.includes('EMERGENCY_PSYCHIATRIC')) {
    return {
      disposition: 'emergency_psychiatric',
      rationale: {
        dimension: 'disposition',
        rule: 'disposition.emergency-psychiatric',
        because: 'EMERGENCY_PSYCHIATRIC is flagged (and EMERGENCY_MEDICAL is not)',
      },
    };
  }
  return {
    disposition: 'placement',
    rationale: {
      dimension: 'disposition',
      rule: 'disposition.placement',
      because: 'Neither EMERGENCY_MEDICAL nor EMERGENCY_PSYCHIATRIC is flagged',
    },
  };
}
