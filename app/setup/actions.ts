'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';

import { defineFormAction } from '@/lib/actions/define-action';
import { signInPath } from '@/lib/auth/callback-url';
import { fail } from '@/lib/outcome';
import { FirstAdminSchema } from '@/lib/staff/schemas';
import { countStaff, createFirstAdmin, SETUP_CLOSED } from '@/lib/staff/service';

import { checkSetupCode, discardSetupCode } from './setup-code';

const SetupInputSchema = z
  .object({ setupCode: z.string().trim().min(1, 'Enter the setup code from the server console.').max(64) })
  .and(FirstAdminSchema);

/**
 * Creates the first administrator — public, but only while no account exists (checked again
 * under a lock inside createFirstAdmin) and only with the one-time setup code printed on the
 * server console (./setup-code.ts; wrong codes are counted and throttled). Afterwards it refuses
 * with 403 and changes nothing.
 */
export const createFirstAdminAction = defineFormAction({
  name: 'auth.setup',
  public: true,
  // Before the input is read or any hashing: a closed setup must not make the server do argon2 work.
  guard: async () => ((await countStaff()) > 0 ? fail('forbidden', SETUP_CLOSED) : null),
  fields: ['setupCode', 'email', 'displayName', 'password'],
  echo: ['email', 'displayName'],
  input: SetupInputSchema,
  invalidMessage: 'The account was not created. Check the highlighted fields.',
  handler: async ({ setupCode, ...input }, { audit }) => {
    // Before createFirstAdmin hashes the password: a wrong code costs the server nothing.
    const code = checkSetupCode(setupCode);
    if (!code.ok) return fail('invalid', code.message, { fieldErrors: { setupCode: [code.message] } });
    const result = await createFirstAdmin(input, audit);
    if (result.ok) {
      discardSetupCode();
      redirect(signInPath({ reason: 'setup' }));
    }
    return result;
  },
});
