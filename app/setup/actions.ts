'use server';

import { redirect } from 'next/navigation';

import { currentRequestContext } from '@/lib/audit/request-context';
import { signInPath } from '@/lib/auth/callback-url';
import { fieldErrorsOf, formString } from '@/lib/forms/form-data';
import type { FormState } from '@/lib/forms/form-state';
import { FirstAdminSchema, type FirstAdminField } from '@/lib/staff/schemas';
import { countStaff, createFirstAdmin } from '@/lib/staff/service';

const SETUP_CLOSED = 'Setup has already been completed. Sign in instead.';

/**
 * Creates the first administrator — public, but only while no account exists (checked again
 * under a lock inside createFirstAdmin). Afterwards it refuses with 403 and changes nothing.
 */
export async function createFirstAdminAction(_previous: FormState<FirstAdminField>, formData: FormData): Promise<FormState<FirstAdminField>> {
  // Before any hashing: a closed setup must not be a way to make the server do argon2 work.
  if ((await countStaff()) > 0) return { status: 'error', message: SETUP_CLOSED, authError: 403 };

  const values = { email: formString(formData, 'email'), displayName: formString(formData, 'displayName') };
  const parsed = FirstAdminSchema.safeParse({ ...values, password: formString(formData, 'password') });
  if (!parsed.success) {
    return { status: 'error', message: 'The account was not created. Check the highlighted fields.', fieldErrors: fieldErrorsOf(parsed.error), values };
  }
  const result = await createFirstAdmin(parsed.data, await currentRequestContext());
  if (!result.ok) {
    if (result.setupClosed) return { status: 'error', message: SETUP_CLOSED, authError: 403 };
    return { status: 'error', message: result.message, fieldErrors: result.fieldErrors, values };
  }
  redirect(signInPath({ reason: 'setup' }));
}
