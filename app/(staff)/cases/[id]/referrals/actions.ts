'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';

import { defineFormAction } from '@/lib/actions/define-action';
import { CONSENT_FIELDS, REVOCATION_FIELDS } from '@/lib/consent/schemas';
import { accessActorFor } from '@/lib/cases/break-glass-session';
import { recordConsent, revokeConsent } from '@/lib/consent/service';

// Consent (42 CFR Part 2) actions of the case page. The wrapper checks the role and reads the
// form; lib/consent validates and writes with its audit event in one transaction.

const strings = <const Field extends string>(fields: readonly Field[]) =>
  z.object(Object.fromEntries(fields.map((field) => [field, z.string()])) as Record<Field, z.ZodString>);

/** CLINICIAN and up: record a signed consent to disclose. */
export const recordConsentAction = defineFormAction({
  name: 'consent.record',
  permission: 'case:consent',
  fields: CONSENT_FIELDS,
  echo: CONSENT_FIELDS.filter((field) => field !== 'caseId'),
  input: strings(CONSENT_FIELDS),
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
  input: strings(REVOCATION_FIELDS),
  invalidMessage: 'The revocation was not saved.',
  handler: async (input, { staff }) => {
    const result = await revokeConsent(await accessActorFor(staff), input);
    if (!result.ok) return result;
    revalidatePath(`/cases/${result.caseId}`);
    return { ok: true, message: 'Revocation recorded: this consent no longer permits any disclosure.' };
  },
});
