'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';

import { defineFormAction } from '@/lib/actions/define-action';
import { PASSWORD_MAX_LENGTH } from '@/lib/auth/password-policy';
import { changeOwnPassword } from '@/lib/staff/service';

// Changing one's own password (issue 13 item 7): required after an administrator set it, and the
// only action allowed until then (lib/auth/guards.ts).

const password = (what: string) =>
  z
    .string()
    .min(1, { error: `Enter ${what}` })
    .max(PASSWORD_MAX_LENGTH, { error: `At most ${PASSWORD_MAX_LENGTH} characters` });

export const changeOwnPasswordAction = defineFormAction({
  name: 'staff.password_change',
  permission: 'account:password',
  fields: ['currentPassword', 'newPassword', 'confirmPassword'],
  input: z.object({
    currentPassword: password('the password you were given'),
    newPassword: password('a new password'),
    confirmPassword: password('the new password again'),
  }),
  invalidMessage: 'Your password was not changed. Check the highlighted fields.',
  handler: async (input, { staff, audit }) => {
    const result = await changeOwnPassword(staff.id, input, audit);
    if (!result.ok) return result;
    redirect('/dashboard');
  },
});
