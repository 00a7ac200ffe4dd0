// Whether a consent permits one disclosure (42 CFR 2.31–2.33). Pure: time is passed in.
import { calendarDateOf } from '@/lib/format/date-time';

import { PURPOSES, type ConsentPurpose } from './part2-wording';

export type ConsentKind = 'named' | 'tpo';
export type ExpiryKind = 'date' | 'event' | 'none';

/** What the check needs of a stored consent. */
export interface ConsentTerms {
  readonly kind: ConsentKind;
  readonly recipientName: string;
  readonly purpose: string;
  readonly expiryKind: ExpiryKind;
  /** YYYY-MM-DD, the last day the consent permits a disclosure (expiryKind 'date'). */
  readonly expiresOn: string | null;
  readonly expiryEvent: string | null;
  readonly signedAt: Date;
  /** When the patient revoked it; null while in force. */
  readonly revokedAt: Date | null;
}

export interface Disclosure {
  readonly recipientName: string;
  readonly purpose: ConsentPurpose;
  /** Expiry events that have happened (e.g. "end of treatment" once the case is closed). */
  readonly eventsOccurred?: readonly string[];
}

export const CONSENT_REFUSALS = {
  no_consent: 'There is no signed consent for this disclosure.',
  not_yet_signed: 'The consent is dated after this disclosure.',
  revoked: 'The consent was revoked.',
  expired: 'The consent has expired.',
  wrong_recipient: 'The consent does not name this recipient.',
  wrong_purpose: 'The consent does not cover this purpose.',
} as const;
export type ConsentRefusal = keyof typeof CONSENT_REFUSALS;

export type PermitResult =
  { readonly ok: true } | { readonly ok: false; readonly reason: ConsentRefusal; readonly message: string };

const refuse = (reason: ConsentRefusal): PermitResult => ({ ok: false, reason, message: CONSENT_REFUSALS[reason] });

/** Names compared without case, accents, punctuation or spacing differences. */
export function sameRecipient(a: string, b: string): boolean {
  const key = (value: string) =>
    value
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
  return key(a) !== '' && key(a) === key(b);
}

/** A TPO consent covers treatment (a referral for treatment is one) as well as payment and operations. */
const TPO_COVERS: readonly ConsentPurpose[] = [PURPOSES.tpo, PURPOSES.referral];

/**
 * ok, or the first reason the consent does not permit the disclosure, in this order: no consent,
 * not yet signed, revoked, expired, wrong recipient, wrong purpose.
 */
export function permits(
  consent: ConsentTerms | null | undefined,
  disclosure: Disclosure,
  now: Date,
  options: { readonly timeZone?: string } = {},
): PermitResult {
  if (!consent) return refuse('no_consent');
  if (consent.signedAt.getTime() > now.getTime()) return refuse('not_yet_signed');
  if (consent.revokedAt !== null && consent.revokedAt.getTime() <= now.getTime()) return refuse('revoked');
  if (consent.expiryKind === 'date') {
    const today = calendarDateOf(now, options);
    if (consent.expiresOn === null || today > consent.expiresOn) return refuse('expired');
  }
  if (consent.expiryKind === 'event') {
    const happened = disclosure.eventsOccurred ?? [];
    if (consent.expiryEvent === null || happened.some((event) => sameRecipient(event, consent.expiryEvent ?? '')))
      return refuse('expired');
  }
  if (consent.kind === 'named') {
    if (!sameRecipient(consent.recipientName, disclosure.recipientName)) return refuse('wrong_recipient');
    if (consent.purpose !== disclosure.purpose) return refuse('wrong_purpose');
    return { ok: true };
  }
  // TPO: the recipient is the class "my treating providers, health plans, …", which any
  // treating provider or payer falls within.
  if (!TPO_COVERS.includes(disclosure.purpose)) return refuse('wrong_purpose');
  return { ok: true };
}

/** The events a case's state has already brought about. */
export function eventsOccurredFor(caseStatus: string): readonly string[] {
  return caseStatus === 'CLOSED' ? ['end of treatment'] : [];
}
