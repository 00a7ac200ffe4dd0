'use client';

import { useActionState, useId, useState } from 'react';

import {
  changeStaffRoleAction,
  resetStaffPasswordAction,
  setStaffActiveAction,
} from '@/app/(staff)/admin/staff/actions';
import { TextField } from '@/components/forms/field';
import { FormAlert } from '@/components/forms/form-alert';
import { buttonClass, inputClass } from '@/components/forms/styles';
import { SubmitButton } from '@/components/forms/submit-button';
import { PASSWORD_MIN_LENGTH } from '@/lib/auth/password-policy';
import { ROLE_LABELS, STAFF_ROLES, type StaffRole } from '@/lib/auth/permissions';
import { INITIAL_FORM_STATE, type FormState } from '@/lib/outcome';
import type { ChangeRoleField, ResetPasswordField, SetActiveField } from '@/lib/staff/schemas';

function Outcome({ state, id }: { state: FormState; id: string }) {
  return <FormAlert id={id} status={state.status} message={state.message} look="text" />;
}

/** Role, activation and password controls for one staff member's row. */
export function StaffRowActions({
  staff,
  self = false,
}: {
  staff: { id: string; email: string; role: StaffRole; active: boolean };
  /** The signed-in administrator's own row: no role control (the service refuses it too). */
  self?: boolean;
}) {
  const id = useId();
  const [roleState, roleAction] = useActionState<FormState<ChangeRoleField>, FormData>(
    changeStaffRoleAction,
    INITIAL_FORM_STATE,
  );
  const [activeState, activeAction] = useActionState<FormState<SetActiveField>, FormData>(
    setStaffActiveAction,
    INITIAL_FORM_STATE,
  );
  const [resetOpen, setResetOpen] = useState(false);
  const [resetState, resetAction] = useActionState<FormState<ResetPasswordField>, FormData>(
    async (previous, formData) => {
      const next = await resetStaffPasswordAction(previous, formData);
      if (next.status === 'success') setResetOpen(false); // React clears the password field itself
      return next;
    },
    INITIAL_FORM_STATE,
  );

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-start gap-2">
        {self ? (
          <p className="py-1.5 text-sm text-slate-600">Another administrator can change your role.</p>
        ) : (
          <form action={roleAction} className="flex items-center gap-2">
            <input type="hidden" name="staffId" value={staff.id} />
            <label htmlFor={`${id}-role`} className="sr-only">
              Role for {staff.email}
            </label>
            <select
              id={`${id}-role`}
              name="role"
              defaultValue={staff.role}
              key={staff.role}
              aria-invalid={roleState.fieldErrors?.role ? true : undefined}
              aria-describedby={`${id}-role-outcome`}
              className={`${inputClass} w-auto py-1.5 text-sm`}
            >
              {STAFF_ROLES.map((role) => (
                <option key={role} value={role}>
                  {ROLE_LABELS[role]}
                </option>
              ))}
            </select>
            <SubmitButton variant="secondary" pendingLabel="Saving…">
              Change role
            </SubmitButton>
          </form>
        )}

        <form action={activeAction}>
          <input type="hidden" name="staffId" value={staff.id} />
          <input type="hidden" name="active" value={staff.active ? 'false' : 'true'} />
          <SubmitButton
            variant={staff.active ? 'danger' : 'secondary'}
            pendingLabel={staff.active ? 'Deactivating…' : 'Reactivating…'}
          >
            {staff.active ? 'Deactivate' : 'Reactivate'}
          </SubmitButton>
        </form>

        <button
          type="button"
          aria-expanded={resetOpen}
          aria-controls={`${id}-reset`}
          onClick={() => setResetOpen((open) => !open)}
          className={buttonClass.secondary}
        >
          Reset password
        </button>
      </div>
      <Outcome state={roleState} id={`${id}-role-outcome`} />
      <Outcome state={activeState} id={`${id}-active-outcome`} />

      <form id={`${id}-reset`} hidden={!resetOpen} action={resetAction} className="flex flex-wrap items-start gap-2">
        <input type="hidden" name="staffId" value={staff.id} />
        <TextField
          id={`${id}-password`}
          name="password"
          type="password"
          label={`New password for ${staff.email}`}
          hiddenLabel
          autoComplete="new-password"
          placeholder={`New password (${PASSWORD_MIN_LENGTH}+ characters)`}
          required
          errors={resetState.fieldErrors?.password}
          controlClassName="w-64 py-1.5 text-sm"
        />
        <SubmitButton variant="secondary" pendingLabel="Saving…">
          Set password and sign out everywhere
        </SubmitButton>
      </form>
      <Outcome state={resetState} id={`${id}-reset-outcome`} />
    </div>
  );
}
