// The staff-account forms' rules, shared by the admin page's actions, /setup and the command line.

import { z } from 'zod';

import { PASSWORD_MAX_LENGTH, passwordPolicyProblems } from '@/lib/auth/password-policy';
import { STAFF_ROLES } from '@/lib/auth/permissions';
import { hasNoUnsafeCharacters, unsafeCharacterMessage } from '@/lib/security/unsafe-characters';

const EmailSchema = z
  .string({ error: 'Enter an email address.' })
  .trim()
  .toLowerCase()
  .min(1, { error: 'Enter an email address.' })
  .max(254, { error: 'An email address has at most 254 characters.' })
  .pipe(z.email({ error: 'Enter an email address like name@clinic.org.' }));

const DisplayNameSchema = z
  .string({ error: 'Enter the name to show for this person.' })
  .trim()
  .min(1, { error: 'Enter the name to show for this person.' })
  .max(100, { error: 'Use at most 100 characters for the name.' })
  .refine(hasNoUnsafeCharacters, { error: (issue) => `${unsafeCharacterMessage('The name', issue.input)}.` });

const RoleSchema = z.enum(STAFF_ROLES, { error: 'Choose a role.' });

export const StaffIdSchema = z.uuid({ error: 'That staff account could not be found. Reload the page.' });

const PasswordSchema = z
  .string({ error: 'Enter a password.' })
  .min(1, { error: 'Enter a password.' })
  .max(PASSWORD_MAX_LENGTH * 4, { error: `Use at most ${PASSWORD_MAX_LENGTH} characters.` });

/** Adds the password policy's messages (which need the email) to the password field. */
function checkPassword(value: { email: string; password: string }, context: z.RefinementCtx): void {
  for (const message of passwordPolicyProblems(value.password, typeof value.email === 'string' ? value.email : '')) {
    context.addIssue({ code: 'custom', path: ['password'], message });
  }
}

/**
 * Run the policy even when other fields are wrong, so the person sees every problem at once
 * (zod skips object refinements after a field error unless told when to run them).
 */
const policyWhenPasswordIsText = {
  when: (payload: { value: unknown }) => typeof (payload.value as { password?: unknown } | null)?.password === 'string',
};

export const NewStaffSchema = z
  .object({ email: EmailSchema, displayName: DisplayNameSchema, role: RoleSchema, password: PasswordSchema })
  .superRefine(checkPassword, policyWhenPasswordIsText);
export type NewStaff = z.infer<typeof NewStaffSchema>;
export type NewStaffField = keyof NewStaff;

/** The first account is always an administrator. */
export const FirstAdminSchema = z
  .object({ email: EmailSchema, displayName: DisplayNameSchema, password: PasswordSchema })
  .superRefine(checkPassword, policyWhenPasswordIsText);
export type FirstAdmin = z.infer<typeof FirstAdminSchema>;
export type FirstAdminField = keyof FirstAdmin;

export const ResetPasswordSchema = z.object({ staffId: StaffIdSchema, password: PasswordSchema });
export type ResetPasswordField = 'staffId' | 'password';

export const ChangeRoleSchema = z.object({ staffId: StaffIdSchema, role: RoleSchema });
export type ChangeRoleField = 'staffId' | 'role';

export const SetActiveSchema = z.object({
  staffId: StaffIdSchema,
  active: z
    .enum(['true', 'false'], { error: 'Choose whether the account is active.' })
    .transform((value) => value === 'true'),
});
export type SetActiveField = 'staffId' | 'active';
