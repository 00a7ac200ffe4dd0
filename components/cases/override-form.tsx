'use client';

import { useActionState } from 'react';

import { overrideCaseAction } from '@/app/(staff)/cases/actions';
import { CheckboxField, SelectField, TextAreaField } from '@/components/forms/field';
import { FormAlert } from '@/components/forms/form-alert';
import { SubmitButton } from '@/components/forms/submit-button';
import { formatCount } from '@/lib/format/date-time';
import { OVERRIDE_REASON_MAX, OVERRIDE_REASON_MIN, type OverrideField } from '@/lib/cases/schemas';
import type { FormState } from '@/lib/outcome';
import {
  TREATMENT_LEVELS,
  TREATMENT_LEVEL_NAMES,
  WITHDRAWAL_MANAGEMENT_LEVELS,
  WITHDRAWAL_MANAGEMENT_LEVEL_NAMES,
} from '@/lib/placement';

/**
 * "Keep <current>", then each level with its name. One string per option: text split over several
 * JSX children is rendered with a `<!-- -->` marker between the parts.
 */
function levelOptions<Level extends string>(
  current: string,
  levels: readonly Level[],
  names: Readonly<Record<Level, string>>,
) {
  return [
    <option key="" value="">
      {`Keep ${current}`}
    </option>,
    ...levels.map((level) => (
      <option key={level} value={level}>
        {`${level} — ${names[level]}`}
      </option>
    )),
  ];
}

/**
 * For CLINICIAN and up (the page shows it only to them; the action checks again): a new final
 * treatment level and/or WM level, a reason of OVERRIDE_REASON_MIN+ characters, and a
 * confirmation. The form names the case version it shows, so a change made meanwhile by someone
 * else is not overwritten. noValidate: the server's messages, next to each field, say what is
 * wrong; the browser's own bubbles would stop the form before them and are not reliably read out.
 */
export function OverrideForm({
  caseId,
  version,
  finalLevel,
  finalWm,
}: {
  caseId: string;
  version: number;
  finalLevel: string;
  finalWm: string;
}) {
  const [state, action] = useActionState<FormState<OverrideField>, FormData>(overrideCaseAction, { status: 'idle' });
  const errors = state.status === 'error' ? state.fieldErrors : undefined;
  const values = state.status === 'error' ? state.values : undefined;
  return (
    <form
      action={action}
      noValidate
      className="space-y-4 rounded-lg border-2 border-slate-400 bg-white p-4"
      aria-labelledby="override-heading"
    >
      <h2 id="override-heading" className="text-xl font-semibold text-slate-900">
        Override the recommendation
      </h2>
      <p className="text-sm text-slate-800">
        The computed recommendation stays on record. Your override, your name, the time and your reason are kept with
        it.
      </p>
      <input type="hidden" name="caseId" value={caseId} />
      <input type="hidden" name="version" value={version} />
      <div className="grid gap-4 md:grid-cols-2">
        <SelectField
          id="override-level"
          name="level"
          label="Final treatment level"
          defaultValue={values?.level ?? ''}
          errors={errors?.level}
        >
          {levelOptions(finalLevel, TREATMENT_LEVELS, TREATMENT_LEVEL_NAMES)}
        </SelectField>
        <SelectField
          id="override-wm"
          name="wm"
          label="Final withdrawal-management level"
          defaultValue={values?.wm ?? ''}
          errors={errors?.wm}
        >
          {levelOptions(finalWm, WITHDRAWAL_MANAGEMENT_LEVELS, WITHDRAWAL_MANAGEMENT_LEVEL_NAMES)}
        </SelectField>
      </div>
      <TextAreaField
        id="override-reason"
        name="reason"
        label={`Reason (required, at least ${OVERRIDE_REASON_MIN} characters)`}
        hint={`At most ${formatCount(OVERRIDE_REASON_MAX)} characters.`}
        rows={3}
        minLength={OVERRIDE_REASON_MIN}
        maxLength={OVERRIDE_REASON_MAX}
        defaultValue={values?.reason ?? ''}
        errors={errors?.reason}
        controlClassName="max-w-2xl"
      />
      <CheckboxField
        id="override-confirmed"
        name="confirmed"
        value="yes"
        label="I am overriding the computed recommendation on my clinical judgement."
        errors={errors?.confirmed ?? []}
      />
      <SubmitButton pendingLabel="Saving the override…">Save override</SubmitButton>
      <FormAlert status={state.status} message={state.message} />
    </form>
  );
}
