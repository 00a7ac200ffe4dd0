/**
 * What staff see for a service or flag of a recommendation of either version, read from that
 * version's rule table, so a stored case shows the words of the rules that scored it.
 */
import type { FlagRule, FlagUrgency } from './shared/outcome-rules';
import type { TreatmentLevel } from './shared/vocabulary';
import { FLAG_RULES } from './v1/flag-rules';
import { SERVICE_LABELS } from './v1/service-rules';
import { RULES_VERSION } from './v1/version';
import { FLAG_RULES_V2 } from './v2/flag-rules';
import { SERVICE_LABELS_V2 } from './v2/service-rules';
import { RULES_VERSION_V2 } from './v2/version';
import type { AnyRulesVersion } from './recommend-placement';

const FLAG_TABLES: Readonly<Record<AnyRulesVersion, readonly FlagRule<never>[]>> = {
  [RULES_VERSION]: FLAG_RULES,
  [RULES_VERSION_V2]: FLAG_RULES_V2,
};

const SERVICE_LABEL_TABLES: Readonly<Record<AnyRulesVersion, Readonly<Record<string, string>>>> = {
  [RULES_VERSION]: SERVICE_LABELS,
  [RULES_VERSION_V2]: SERVICE_LABELS_V2,
};

export interface FlagWords {
  readonly title: string;
  readonly guidance: string;
  readonly urgency: FlagUrgency;
}

/** Title, guidance and urgency of a flag, or null when that version has no such flag. */
export function flagWordsFor(
  rulesVersion: AnyRulesVersion,
  code: string,
  treatmentLevel: TreatmentLevel,
): FlagWords | null {
  const rule = FLAG_TABLES[rulesVersion].find((candidate) => candidate.flag === code);
  return rule ? { title: rule.title, guidance: rule.guidance({ treatmentLevel }), urgency: rule.urgency } : null;
}

/** The label of a service, or null when that version has no such service. */
export function serviceLabelFor(rulesVersion: AnyRulesVersion, code: string): string | null {
  return SERVICE_LABEL_TABLES[rulesVersion][code] ?? null;
}
