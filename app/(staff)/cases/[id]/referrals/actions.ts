'use server';

import { revalidatePath } from 'next/cache';

import { defineFormAction } from '@/lib/actions/define-action';
import { stringFields } from '@/lib/actions/string-fields';
import { CONSENT_FIELDS, REVOCATION_FIELDS } from '@/lib/consent/schemas';
import { accessActorFor } from '@/lib/cases/break-glass-session';
import { recordConsent, revokeConsent } from '@/lib/consent/service';
import { recordEmergencyDisclosure } from '@/lib/referrals/emergency';
import { EMERGENCY_FIELDS, REFERRAL_FIELDS, REFERRAL_STATUS_FIELDS } from '@/lib/referrals/schemas';
import { changeReferralStatus, createReferral } from '@/lib/referrals/service';

// Consent, referral and emergency-disclosure (42 CFR Part 2) actions of the case page. The wrapper checks the role and reads the
// form; lib/consent and lib/referrals validate and write with its audit event in one transaction.

/** CLINICIAN and up: record a signed consent to disclose. */
export const recordConsentAction = defineFormAction({
  name: 'consent.record',
  permission: 'case:consent',
  fields: CONSENT_FIELDS,
  echo: CONSENT_FIELDS.filter((field) => field !== 'caseId'),
  input: stringFields(CONSENT_FIELDS),
  invalidMessage: 'The consent was not saved. Check the fields marked below.',
  handler: async (input, { staff }) => {
    const result = await recordConsent(await accessActorFor(staff), input);
    if (!result.ok) return result;
    revalidatePath(`/cases/${input.caseId}`);
    return { ok: true, message: 'Consent recorded.' };
  },
});

/** CLINICIAN and up: record that the patient revoked a consent. */
export const revokeConsentAction = defineFormAction({
  name: 'consent.revoke',
  permission: 'case:consent',
  fields: REVOCATION_FIELDS,
  echo: ['method', 'revokedOn'],
  input: stringFields(REVOCATION_FIELDS),
  invalidMessage: 'The revocation was not saved.',
  handler: async (input, { staff }) => {
    const result = await revokeConsent(await accessActorFor(staff), input);
    if (!result.ok) return result;
    revalidatePath(`/cases/${result.caseId}`);
    return { ok: true, message: 'Revocation recorded: this consent no longer permits any disclosure.' };
  },
});

/** CLINICIAN and up: refer the patient under a consent that permits it now. */
export const createReferralAction = defineFormAction({
  name: 'referral.create',
  permission: 'case:consent',
  fields: REFERRAL_FIELDS,
  echo: REFERRAL_FIELDS.filter((field) => field !== 'caseId'),
  input: stringFields(REFERRAL_FIELDS),
  invalidMessage: 'The referral was not saved. Check the fields marked below.',
  handler: async (input, { staff }) => {
    const result = await createReferral(await accessActorFor(staff), input);
    if (!result.ok) return result;
    revalidatePath(`/cases/${input.caseId}`);
    return { ok: true, message: 'Referral created.' };
  },
});

/** CLINICIAN and up: move a referral to an allowed next BSeR status. */
export const changeReferralStatusAction = defineFormAction({
  name: 'referral.status',
  permission: 'case:consent',
  fields: REFERRAL_STATUS_FIELDS,
  echo: ['reason'],
  input: stringFields(REFERRAL_STATUS_FIELDS),
  invalidMessage: 'The status was not changed.',
  handler: async (input, { staff }) => {
    const result = await changeReferralStatus(await accessActorFor(staff), input);
    if (!result.ok) return result;
    revalidatePath(`/cases/${result.caseId}`);
    return { ok: true, message: 'Referral status changed.' };
  },
});

/** CLINICIAN and up: record a §2.51 disclosure without consent in a medical emergency. */
export const recordEmergencyDisclosureAction = defineFormAction({
  name: 'disclosure.emergency',
  permission: 'case:consent',
  fields: EMERGENCY_FIELDS,
  echo: EMERGENCY_FIELDS.filter((field) => field !== 'caseId'),
  input: stringFields(EMERGENCY_FIELDS),
  invalidMessage: 'The emergency disclosure was not saved. Check the fields marked below.',
  handler: async (input, { staff }) => {
    const result = await recordEmergencyDisclosure(await accessActorFor(staff), input);
    if (!result.ok) return result;
    revalidatePath(`/cases/${input.caseId}`);
    return { ok: true, message: 'Emergency disclosure recorded and flagged.' };
  },
});
