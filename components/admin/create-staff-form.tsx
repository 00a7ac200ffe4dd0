'use client';

import { useActionState } from 'react';

import { createStaffAction } from '@/app/(staff)/admin/staff/actions';
import { SelectField, TextField } from '@/components/forms/field';
import { FormAlert } from '@/components/forms/form-alert';
import { SubmitButton } from '@/components/forms/submit-button';
import { PASSWORD_MIN_LENGTH } from '@/lib/auth/password-policy';
import { ROLE_LABELS, STAFF_ROLES } from '@/lib/auth/permissions';
import { INITIAL_FORM_STATE, type FormState } from '@/lib/outcome';
import type { NewStaffField } from '@/lib/staff/schemas';

export function CreateStaffForm() {
  const [state, action] = useActionState<FormState<NewStaffField>, FormData>(createStaffAction, INITIAL_FORM_STATE);
  const errors = state.fieldErrors ?? {};
  const values = state.status === 'error' ? (state.values ?? {}) : {};

  return (
    <form action={action} className="space-y-4" aria-labelledby="create-staff-heading">
      <h2 id="create-staff-heading" className="text-lg font-semibold text-slate-900">
        Add a staff member
      </h2>
      <FormAlert status={state.status} message={state.message} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          id="new-email"
          name="email"
          type="email"
          label="Email"
          autoComplete="off"
          required
          defaultValue={values.email}
          errors={errors.email}
        />
        <TextField
          id="new-displayName"
          name="displayName"
          label="Name"
          autoComplete="off"
          required
          defaultValue={values.displayName}
          errors={errors.displayName}
        />
        <SelectField
          id="new-role"
          name="role"
          label="Role"
          required
          key={values.role ?? 'none'}
          defaultValue={values.role ?? ''}
          errors={errors.role}
        >
          <option value="" disabled>
            Choose a role
          </option>
          {STAFF_ROLES.map((role) => (
            <option key={role} value={role}>
              {ROLE_LABELS[role]}
            </option>
          ))}
        </SelectField>
        <TextField
          id="new-password"
          name="password"
          type="password"
          label="Initial password"
          autoComplete="new-password"
          required
          hint={`At least ${PASSWORD_MIN_LENGTH} characters, not containing the part of the email before the @. Give it to the person privately.`}
          errors={errors.password}
        />
      </div>
      <SubmitButton pendingLabel="Creating…">Create account</SubmitButton>
    </form>
  );
}
