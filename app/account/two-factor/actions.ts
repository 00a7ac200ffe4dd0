'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';

import { defineCallAction, defineFormAction } from '@/lib/actions/define-action';
import { PASSWORD_MAX_LENGTH } from '@/lib/auth/password-policy';
import { confirmEnrolment, disableOwnTwoFactor } from '@/lib/staff/two-factor';

// One's own two-factor sign-in (issue 13 item 8): confirming enrolment (answers the recovery codes,
// shown once) and turning it off with the password and a code. 'account:two_factor' is the only
// permission allowed while enrolment is required (lib/auth/guards.ts).

const code = z
  .string()
  .trim()
  .min(1, { error: 'Enter the code from your authenticator app' })
  .max(32, { error: 'At most 32 characters' });

export const confirmTwoFactorAction = defineCallAction({
  name: 'auth.2fa_enrol',
  permission: 'account:two_factor',
  input: z.object({ code }),
  invalidMessage: 'Two-factor sign-in was not set up. Check the code.',
  handler: async (input, { staff, audit }) => confirmEnrolment(staff.id, input.code, audit),
});

export const disableTwoFactorAction = defineFormAction({
  name: 'auth.2fa_disable',
  permission: 'account:two_factor',
  fields: ['password', 'code'],
  input: z.object({
    password: z
      .string()
      .min(1, { error: 'Enter your password' })
      .max(PASSWORD_MAX_LENGTH, { error: `At most ${PASSWORD_MAX_LENGTH} characters` }),
    code,
  }),
  invalidMessage: 'Two-factor sign-in was not turned off. Check the highlighted fields.',
  handler: async (input, { staff, audit }) => {
    const result = await disableOwnTwoFactor(staff.id, input, audit);
    if (!result.ok) return result;
    redirect('/account/two-factor');
  },
});
