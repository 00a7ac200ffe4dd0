/**
 * Which cases of a bulk export may go (issue 11 item 6): each needs a consent that permits the
 * disclosure to the job's recipient for the job's purpose at the time it is made (lib/consent
 * permits). The others are listed with the reason and skipped — never silently exported. Pure.
 */
import {
  CONSENT_REFUSALS,
  eventsOccurredFor,
  permits,
  type ConsentRefusal,
  type ConsentTerms,
} from '@/lib/consent/permits';
import type { ConsentPurpose } from '@/lib/consent/part2-wording';

export type SkipReason = ConsentRefusal | 'not_found';

export interface SkippedCase {
  readonly caseId: string;
  readonly reason: SkipReason;
  readonly message: string;
}

export const NOT_FOUND_MESSAGE = 'The case does not exist or is outside your access.';

/** The reason a case was skipped, in plain words for the person (e.g. on the progress page). */
export function skipReasonText(reason: string): string {
  return Object.hasOwn(CONSENT_REFUSALS, reason) ? CONSENT_REFUSALS[reason as ConsentRefusal] : NOT_FOUND_MESSAGE;
}

/** The consent to use for one case, or why there is none. Newest permitting consent wins. */
export function chooseConsent<C extends ConsentTerms & { readonly id: string }>(
  caseStatus: string,
  consents: readonly C[],
  disclosure: { readonly recipientName: string; readonly purpose: ConsentPurpose },
  now: Date,
):
  | { readonly ok: true; readonly consent: C }
  | { readonly ok: false; readonly reason: ConsentRefusal; readonly message: string } {
  const full = { ...disclosure, eventsOccurred: eventsOccurredFor(caseStatus) };
  if (consents.length === 0) return { ok: false, reason: 'no_consent', message: CONSENT_REFUSALS.no_consent };
  let first: { reason: ConsentRefusal; message: string } | null = null;
  for (const consent of consents) {
    const result = permits(consent, full, now);
    if (result.ok) return { ok: true, consent };
    first ??= { reason: result.reason, message: result.message };
  }
  return { ok: false, ...(first ?? { reason: 'no_consent', message: CONSENT_REFUSALS.no_consent }) };
}
