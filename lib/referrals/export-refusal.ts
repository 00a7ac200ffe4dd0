// Why an export was refused, as the HTTP status and the plain words the export route answers
// (issue 11 item 7). Pure: the consent terms and the refusal are passed in.
import type { ConsentRefusal, ConsentTerms } from '@/lib/consent/permits';
import { formatCalendarDate, formatDate } from '@/lib/format/date-time';

export type ExportRefusal =
  | { readonly kind: 'forbidden'; readonly message: string }
  /** `needToKnow`: the case exists but is outside the actor's access — answered like a missing one. */
  | { readonly kind: 'not_found'; readonly message: string; readonly needToKnow?: boolean }
  | { readonly kind: 'consent'; readonly reason: ConsentRefusal; readonly message: string };

export const EXPORT_FORBIDDEN = 'Your role may not export referral summaries.';
export const EXPORT_NOT_FOUND = 'There is no such referral for this case.';

/** 403 without `case:export`, 404 for a missing case or referral (or a case outside need-to-know), 409 when the consent does not permit it. */
export const EXPORT_REFUSAL_STATUS: Readonly<Record<ExportRefusal['kind'], 403 | 404 | 409>> = {
  forbidden: 403,
  not_found: 404,
  consent: 409,
};

/** The reason a consent refused this disclosure, in words that name the date or recipient. */
export function consentRefusalMessage(
  reason: ConsentRefusal,
  consent: (ConsentTerms & { readonly revokedAt: Date | null }) | null,
  recipientName: string,
  options: { readonly timeZone?: string } = {},
): string {
  switch (reason) {
    case 'no_consent':
      return `There is no signed consent that permits disclosure to ${recipientName}.`;
    case 'not_yet_signed':
      return 'The consent is dated after this disclosure.';
    case 'revoked':
      return consent?.revokedAt
        ? `Consent was revoked on ${formatDate(consent.revokedAt, options)}.`
        : 'Consent was revoked.';
    case 'expired':
      if (consent?.expiryKind === 'date' && consent.expiresOn)
        return `Consent expired after ${formatCalendarDate(consent.expiresOn)}.`;
      if (consent?.expiryKind === 'event' && consent.expiryEvent) return `Consent expired at “${consent.expiryEvent}”.`;
      return 'Consent has expired.';
    case 'wrong_recipient':
      return `The consent does not name ${recipientName} as a recipient.`;
    case 'wrong_purpose':
      return 'The consent does not cover a referral for treatment.';
  }
}
