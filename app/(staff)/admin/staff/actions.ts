'use server';

import { revalidatePath } from 'next/cache';

import { currentRequestContext } from '@/lib/audit/request-context';
import { authorizeAction } from '@/lib/auth/guards';
import { fieldErrorsOf, formString } from '@/lib/forms/form-data';
import { deniedState, type FormState } from '@/lib/forms/form-state';
import {
  ChangeRoleSchema,
  NewStaffSchema,
  ResetPasswordSchema,
  SetActiveSchema,
  type ChangeRoleField,
  type NewStaffField,
  type ResetPasswordField,
  type SetActiveField,
} from '@/lib/staff/schemas';
import { changeStaffRole, createStaff, resetStaffPassword, setStaffActive, type StaffChangeResult } from '@/lib/staff/service';

// Staff-account changes for the admin page. Each action: authorize (staff:manage), validate,
// change + audit in one transaction (lib/staff/service.ts), and report saved or not saved.

const PAGE = '/admin/staff';

function toState<Field extends string>(result: StaffChangeResult<Field>, values?: Partial<Record<Field, string>>): FormState<Field> {
  if (result.ok) return { status: 'success', message: result.message };
  return { status: 'error', message: result.message, fieldErrors: result.fieldErrors, values };
}

export async function createStaffAction(_previous: FormState<NewStaffField>, formData: FormData): Promise<FormState<NewStaffField>> {
  const auth = await authorizeAction('staff:manage');
  if (!auth.ok) return deniedState(auth);
  const values = { email: formString(formData, 'email'), displayName: formString(formData, 'displayName'), role: formString(formData, 'role') };
  const parsed = NewStaffSchema.safeParse({ ...values, password: formString(formData, 'password') });
  if (!parsed.success) {
    return { status: 'error', message: 'The account was not created. Check the highlighted fields.', fieldErrors: fieldErrorsOf(parsed.error), values };
  }
  const result = await createStaff(parsed.data, { id: auth.staff.id, via: 'admin' }, await currentRequestContext());
  if (result.ok) revalidatePath(PAGE);
  return toState(result, values);
}

export async function setStaffActiveAction(_previous: FormState<SetActiveField>, formData: FormData): Promise<FormState<SetActiveField>> {
  const auth = await authorizeAction('staff:manage');
  if (!auth.ok) return deniedState(auth);
  const parsed = SetActiveSchema.safeParse({ staffId: formString(formData, 'staffId'), active: formString(formData, 'active') });
  if (!parsed.success) return { status: 'error', message: 'Nothing was changed.', fieldErrors: fieldErrorsOf(parsed.error) };
  const result = await setStaffActive(parsed.data.staffId, parsed.data.active, { id: auth.staff.id, via: 'admin' }, await currentRequestContext());
  if (result.ok) revalidatePath(PAGE);
  return toState(result);
}

export async function resetStaffPasswordAction(_previous: FormState<ResetPasswordField>, formData: FormData): Promise<FormState<ResetPasswordField>> {
  const auth = await authorizeAction('staff:manage');
  if (!auth.ok) return deniedState(auth);
  const parsed = ResetPasswordSchema.safeParse({ staffId: formString(formData, 'staffId'), password: formString(formData, 'password') });
  if (!parsed.success) return { status: 'error', message: 'The password was not changed.', fieldErrors: fieldErrorsOf(parsed.error) };
  const result = await resetStaffPassword(parsed.data.staffId, parsed.data.password, { id: auth.staff.id, via: 'admin' }, await currentRequestContext());
  if (result.ok) revalidatePath(PAGE);
  return toState(result);
}

export async function changeStaffRoleAction(_previous: FormState<ChangeRoleField>, formData: FormData): Promise<FormState<ChangeRoleField>> {
  const auth = await authorizeAction('staff:manage');
  if (!auth.ok) return deniedState(auth);
  const parsed = ChangeRoleSchema.safeParse({ staffId: formString(formData, 'staffId'), role: formString(formData, 'role') });
  if (!parsed.success) return { status: 'error', message: 'The role was not changed.', fieldErrors: fieldErrorsOf(parsed.error) };
  const result = await changeStaffRole(parsed.data.staffId, parsed.data.role, { id: auth.staff.id, via: 'admin' }, await currentRequestContext());
  if (result.ok) revalidatePath(PAGE);
  return toState(result);
}
