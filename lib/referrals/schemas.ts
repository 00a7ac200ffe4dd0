// The referral and emergency-disclosure forms' rules, shared by the forms and the services.
// Client-safe: zod and the placement vocabularies only.
import { z } from 'zod';

import { TREATMENT_LEVELS, WITHDRAWAL_MANAGEMENT_LEVELS } from '@/lib/placement/shared/vocabulary';
import { optionalText, text } from '@/lib/consent/schemas';

export const REFERRAL_FIELDS = [
  'caseId',
  'recipientName',
  'recipientAddress',
  'recipientContact',
  'reason',
  'requestedLevel',
  'requestedWm',
  'consentId',
] as const;
export type ReferralField = (typeof REFERRAL_FIELDS)[number];

export const REFERRAL_STATUS_FIELDS = ['referralId', 'status', 'reason'] as const;
export type ReferralStatusField = (typeof REFERRAL_STATUS_FIELDS)[number];

export const EMERGENCY_FIELDS = [
  'caseId',
  'recipientName',
  'recipientContact',
  'reason',
  'information',
  'disclosedAt',
] as const;
export type EmergencyField = (typeof EMERGENCY_FIELDS)[number];

export const ReferralInputSchema = z.object({
  recipientName: text('Name the program that receives the referral'),
  recipientAddress: optionalText,
  recipientContact: optionalText,
  reason: text('Give the reason for the referral'),
  requestedLevel: z.enum(TREATMENT_LEVELS, { error: 'Choose the level of care asked for' }),
  requestedWm: z.enum(WITHDRAWAL_MANAGEMENT_LEVELS, { error: 'Choose the withdrawal management level asked for' }),
  consentId: z.uuid({ error: 'Choose the consent that permits this referral' }),
});
export type ReferralInput = z.infer<typeof ReferralInputSchema>;

/** `disclosedAt` is a datetime-local value (YYYY-MM-DDTHH:mm, read as UTC by the service) or empty for now. */
export const EmergencyInputSchema = z.object({
  recipientName: text('Name who received the information'),
  recipientContact: optionalText,
  reason: text('Describe the medical emergency'),
  information: text('Describe what was disclosed'),
  disclosedAt: z
    .string()
    .trim()
    .regex(/^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?)?$/, 'Enter the time of disclosure as YYYY-MM-DDTHH:mm'),
});
export type EmergencyInput = z.infer<typeof EmergencyInputSchema>;
