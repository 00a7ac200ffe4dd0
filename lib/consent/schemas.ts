// The consent form's rules (§2.31 elements), shared by the form and the service. Pure.
import { z } from 'zod';

import {
  EXPIRY_EVENT_END_OF_TREATMENT,
  PURPOSES,
  REVOCATION_TEXT,
  TPO_RECIPIENT_CLASS,
  TPO_REDISCLOSURE_TEXT,
} from './part2-wording';

export const CONSENT_FIELDS = [
  'caseId',
  'kind',
  'information',
  'recipientName',
  'recipientContact',
  'purpose',
  'expiryKind',
  'expiresOn',
  'expiryEvent',
  'signatureMethod',
  'signatureName',
  'signedOn',
] as const;
export type ConsentField = (typeof CONSENT_FIELDS)[number];

/** The longest free text of a disclosure's records (consents, referrals, emergency disclosures). */
export const TEXT_MAX = 2_000;
/** A required free-text field of a disclosure record: trimmed, `message` when empty. */
export const text = (message: string) =>
  z.string().trim().min(1, message).max(TEXT_MAX, `At most ${TEXT_MAX} characters`);
/** An optional free-text field: trimmed, null when empty. */
export const optionalText = z
  .string()
  .trim()
  .max(TEXT_MAX, `At most ${TEXT_MAX} characters`)
  .transform((value) => (value === '' ? null : value));
const calendarDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter a date as YYYY-MM-DD');

/** What the form sends (strings). `today` (YYYY-MM-DD) bounds the dates. */
export function makeConsentInputSchema(today: string) {
  return z
    .object({
      kind: z.enum(['named', 'tpo'], { error: 'Choose the kind of consent' }),
      information: text('Describe the information to be disclosed'),
      recipientName: z.string().trim().max(TEXT_MAX),
      recipientContact: optionalText,
      purpose: z.string().trim(),
      expiryKind: z.enum(['date', 'event', 'none'], { error: 'Choose when the consent expires' }),
      expiresOn: z.string().trim(),
      expiryEvent: z.string().trim().max(TEXT_MAX),
      signatureMethod: z.enum(['typed', 'paper'], { error: 'Choose how the patient signed' }),
      signatureName: text('Type the name the patient signed with'),
      signedOn: z.string().trim(),
    })
    .superRefine((value, ctx) => {
      const issue = (path: ConsentField, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
      if (value.kind === 'named') {
        if (value.recipientName === '') issue('recipientName', 'Name the program or provider that receives it');
        if (value.recipientContact === null) issue('recipientContact', 'Give the recipient’s address or contact');
        if (value.purpose !== PURPOSES.referral && value.purpose !== PURPOSES.patientRequest)
          issue('purpose', 'Choose the purpose');
        if (value.expiryKind === 'none') issue('expiryKind', 'Only a TPO consent may have no expiry');
      }
      if (value.expiryKind === 'date') {
        if (!calendarDate.safeParse(value.expiresOn).success) issue('expiresOn', 'Enter the expiry date as YYYY-MM-DD');
        else if (value.expiresOn < today) issue('expiresOn', 'The expiry date is in the past');
      }
      if (value.expiryKind === 'event' && value.expiryEvent === '') issue('expiryEvent', 'Name the event');
      if (value.signatureMethod === 'paper') {
        if (!calendarDate.safeParse(value.signedOn).success) issue('signedOn', 'Enter the date signed as YYYY-MM-DD');
        else if (value.signedOn > today) issue('signedOn', 'The date signed is in the future');
      }
    });
}
export type ConsentInput = z.infer<ReturnType<typeof makeConsentInputSchema>>;

/** The consent as stored, every §2.31 element spelled out. */
export interface ConsentRecordData {
  readonly kind: 'named' | 'tpo';
  readonly patientName: string;
  readonly discloser: string;
  readonly information: string;
  readonly recipientName: string;
  readonly recipientContact: string | null;
  readonly purpose: string;
  readonly revocationText: string;
  readonly expiryKind: 'date' | 'event' | 'none';
  readonly expiresOn: string | null;
  readonly expiryEvent: string | null;
  readonly signatureMethod: 'typed' | 'paper';
  readonly signatureName: string;
  readonly signedAt: Date;
  readonly redisclosureText: string | null;
}

/**
 * The stored consent from valid input. A typed signature is signed now; one on paper on the day
 * given (noon UTC, so the calendar day reads the same in every US zone).
 */
export function toConsentRecord(
  input: ConsentInput,
  context: { readonly patientName: string; readonly discloser: string; readonly now: Date },
): ConsentRecordData {
  const tpo = input.kind === 'tpo';
  return {
    kind: input.kind,
    patientName: context.patientName,
    discloser: context.discloser,
    information: input.information,
    recipientName: tpo ? TPO_RECIPIENT_CLASS : input.recipientName,
    recipientContact: tpo ? null : input.recipientContact,
    purpose: tpo ? PURPOSES.tpo : input.purpose,
    revocationText: REVOCATION_TEXT,
    expiryKind: input.expiryKind,
    expiresOn: input.expiryKind === 'date' ? input.expiresOn : null,
    expiryEvent: input.expiryKind === 'event' ? input.expiryEvent || EXPIRY_EVENT_END_OF_TREATMENT : null,
    signatureMethod: input.signatureMethod,
    signatureName: input.signatureName,
    signedAt: input.signatureMethod === 'typed' ? context.now : new Date(`${input.signedOn}T12:00:00Z`),
    redisclosureText: tpo ? TPO_REDISCLOSURE_TEXT : null,
  };
}

export const REVOCATION_FIELDS = ['consentId', 'method', 'revokedOn'] as const;
export type RevocationField = (typeof REVOCATION_FIELDS)[number];
