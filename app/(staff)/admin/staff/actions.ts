'use server';

import { revalidatePath } from 'next/cache';

import { z } from 'zod';

import { defineFormAction } from '@/lib/actions/define-action';
import {
  ChangeRoleSchema,
  NewStaffSchema,
  ResetPasswordSchema,
  SetActiveSchema,
  StaffIdSchema,
} from '@/lib/staff/schemas';
import { changeStaffRole, createStaff, resetStaffPassword, setStaffActive } from '@/lib/staff/service';
import { resetTwoFactorFor, setTwoFactorRequired } from '@/lib/staff/two-factor';

// Staff-account changes for the admin page: staff:manage, validated by lib/staff/schemas.ts, each
// change and its audit event one transaction (lib/staff/service.ts).

const PAGE = '/admin/staff';

/** Revalidates the staff page after a saved change and passes the outcome on. */
async function refreshed<T extends { ok: boolean }>(outcome: Promise<T>): Promise<T> {
  const result = await outcome;
  if (result.ok) revalidatePath(PAGE);
  return result;
}

export const createStaffAction = defineFormAction({
  name: 'staff.create',
  permission: 'staff:manage',
  fields: ['email', 'displayName', 'role', 'password'],
  echo: ['email', 'displayName', 'role'],
  input: NewStaffSchema,
  invalidMessage: 'The account was not created. Check the highlighted fields.',
  handler: (input, { staff, audit }) => refreshed(createStaff(input, { id: staff.id, via: 'admin' }, audit)),
});

export const setStaffActiveAction = defineFormAction({
  name: 'staff.set_active',
  permission: 'staff:manage',
  fields: ['staffId', 'active'],
  input: SetActiveSchema,
  invalidMessage: 'Nothing was changed.',
  handler: (input, { staff, audit }) =>
    refreshed(setStaffActive(input.staffId, input.active, { id: staff.id, via: 'admin' }, audit)),
});

export const resetStaffPasswordAction = defineFormAction({
  name: 'staff.password_reset',
  permission: 'staff:manage',
  fields: ['staffId', 'password'],
  input: ResetPasswordSchema,
  invalidMessage: 'The password was not changed.',
  handler: (input, { staff, audit }) =>
    refreshed(resetStaffPassword(input.staffId, input.password, { id: staff.id, via: 'admin' }, audit)),
});

export const changeStaffRoleAction = defineFormAction({
  name: 'staff.role_change',
  permission: 'staff:manage',
  fields: ['staffId', 'role'],
  input: ChangeRoleSchema,
  invalidMessage: 'The role was not changed.',
  handler: (input, { staff, audit }) =>
    refreshed(changeStaffRole(input.staffId, input.role, { id: staff.id, via: 'admin' }, audit)),
});

/** Lost phone: clears the member's two-factor and ends their sessions (audited auth.2fa_reset). */
export const resetTwoFactorAction = defineFormAction({
  name: 'auth.2fa_reset',
  permission: 'staff:manage',
  fields: ['staffId'],
  input: z.object({ staffId: StaffIdSchema }),
  invalidMessage: 'Two-factor sign-in was not reset.',
  handler: async (input, { staff, audit }) => {
    const result = await refreshed(resetTwoFactorFor(staff.id, input.staffId, audit));
    return result.ok
      ? { ok: true as const, message: 'Two-factor sign-in was reset; the person was signed out.' }
      : result;
  },
});

/** The setting "two-factor sign-in required for all staff". */
export const setTwoFactorRequiredAction = defineFormAction({
  name: 'settings.two_factor_required',
  permission: 'staff:manage',
  fields: ['required'],
  input: z.object({
    required: z
      .enum(['true', 'false'], { error: 'Choose whether two-factor sign-in is required.' })
      .transform((value) => value === 'true'),
  }),
  invalidMessage: 'The setting was not changed.',
  handler: async (input, { staff, audit }) => {
    await setTwoFactorRequired(input.required, staff.id, audit);
    revalidatePath(PAGE);
    return {
      ok: true as const,
      message: input.required ? 'Two-factor sign-in is now required.' : 'Two-factor sign-in is now optional.',
    };
  },
});
