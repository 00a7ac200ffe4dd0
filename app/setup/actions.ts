'use server';

import { redirect } from 'next/navigation';

import { defineFormAction } from '@/lib/actions/define-action';
import { signInPath } from '@/lib/auth/callback-url';
import { fail } from '@/lib/outcome';
import { FirstAdminSchema } from '@/lib/staff/schemas';
import { countStaff, createFirstAdmin, SETUP_CLOSED } from '@/lib/staff/service';

/**
 * Creates the first administrator — public, but only while no account exists (checked again
 * under a lock inside createFirstAdmin). Afterwards it refuses with 403 and changes nothing.
 */
export const createFirstAdminAction = defineFormAction({
  name: 'auth.setup',
  public: true,
  // Before the input is read or any hashing: a closed setup must not make the server do argon2 work.
  guard: async () => ((await countStaff()) > 0 ? fail('forbidden', SETUP_CLOSED) : null),
  fields: ['email', 'displayName', 'password'],
  echo: ['email', 'displayName'],
  input: FirstAdminSchema,
  invalidMessage: 'The account was not created. Check the highlighted fields.',
  handler: async (input, { audit }) => {
    const result = await createFirstAdmin(input, audit);
    if (result.ok) redirect(signInPath({ reason: 'setup' }));
    return result;
  },
});
