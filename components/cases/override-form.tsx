'use client';

import { useActionState } from 'react';

import { overrideCaseAction } from '@/app/(staff)/cases/actions';
import { button, focusRing, textInputClass } from '@/components/intake/ui';
import type { OverrideField } from '@/lib/cases/override-case';
import type { FormState } from '@/lib/outcome';
import { TREATMENT_LEVELS, TREATMENT_LEVEL_NAMES, WITHDRAWAL_MANAGEMENT_LEVELS, WITHDRAWAL_MANAGEMENT_LEVEL_NAMES } from '@/lib/placement';

function Problems({ id, errors }: { id: string; errors?: readonly string[] }) {
  return (
    <div id={id} aria-live="polite" className="text-sm font-medium text-red-800">
      {errors?.map((error) => (
        <p key={error}>{error}</p>
      ))}
    </div>
  );
}

/**
 * For CLINICIAN and up (the page shows it only to them; the action checks again): a new final
 * treatment level and/or WM level, a reason of 10+ characters, and a confirmation. The form names
 * the case version it shows, so a change made meanwhile by someone else is not overwritten.
 */
export function OverrideForm({ caseId, version, finalLevel, finalWm }: { caseId: string; version: number; finalLevel: string; finalWm: string }) {
  const [state, action, pending] = useActionState<FormState<OverrideField>, FormData>(overrideCaseAction, { status: 'idle' });
  const errors = state.status === 'error' ? state.fieldErrors : undefined;
  const values = state.status === 'error' ? state.values : undefined;
  const described = (field: OverrideField, hint?: string) => [hint, errors?.[field]?.length ? `override-${field}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <form action={action} className="space-y-4 rounded-lg border-2 border-slate-400 bg-white p-4" aria-labelledby="override-heading">
      <h3 id="override-heading" className="text-lg font-semibold text-slate-900">
        Override the recommendation
      </h3>
      <p className="text-sm text-slate-800">
        The computed recommendation stays on record. Your override, your name, the time and your reason are kept with it.
      </p>
      <input type="hidden" name="caseId" value={caseId} />
      <input type="hidden" name="version" value={version} />
      <div className="grid gap-4 md:grid-cols-2">
        <div>
          <label htmlFor="override-level" className="block font-medium text-slate-900">
            Final treatment level
          </label>
          <select
            id="override-level"
            name="level"
            defaultValue={values?.level ?? ''}
            aria-describedby={described('level')}
            aria-invalid={Boolean(errors?.level?.length) || undefined}
            className={`mt-1 ${textInputClass}`}
          >
            <option value="">Keep {finalLevel}</option>
            {TREATMENT_LEVELS.map((level) => (
              <option key={level} value={level}>
                {level} — {TREATMENT_LEVEL_NAMES[level]}
              </option>
            ))}
          </select>
          <Problems id="override-level-error" errors={errors?.level} />
        </div>
        <div>
          <label htmlFor="override-wm" className="block font-medium text-slate-900">
            Final withdrawal-management level
          </label>
          <select
            id="override-wm"
            name="wm"
            defaultValue={values?.wm ?? ''}
            aria-describedby={described('wm')}
            aria-invalid={Boolean(errors?.wm?.length) || undefined}
            className={`mt-1 ${textInputClass}`}
          >
            <option value="">Keep {finalWm}</option>
            {WITHDRAWAL_MANAGEMENT_LEVELS.map((level) => (
              <option key={level} value={level}>
                {level} — {WITHDRAWAL_MANAGEMENT_LEVEL_NAMES[level]}
              </option>
            ))}
          </select>
          <Problems id="override-wm-error" errors={errors?.wm} />
        </div>
      </div>
      <div>
        <label htmlFor="override-reason" className="block font-medium text-slate-900">
          Reason (required, at least 10 characters)
        </label>
        <textarea
          id="override-reason"
          name="reason"
          rows={3}
          defaultValue={values?.reason ?? ''}
          aria-describedby={described('reason')}
          aria-invalid={Boolean(errors?.reason?.length) || undefined}
          className={`mt-1 ${textInputClass} max-w-2xl`}
        />
        <Problems id="override-reason-error" errors={errors?.reason} />
      </div>
      <div>
        <label className="flex items-start gap-2 font-medium text-slate-900">
          <input
            type="checkbox"
            name="confirmed"
            value="yes"
            aria-describedby={described('confirmed')}
            aria-invalid={Boolean(errors?.confirmed?.length) || undefined}
            className={`mt-1 h-4 w-4 ${focusRing}`}
          />
          I am overriding the computed recommendation on my clinical judgement.
        </label>
        <Problems id="override-confirmed-error" errors={errors?.confirmed} />
      </div>
      <button type="submit" className={button.primary} disabled={pending}>
        {pending ? 'Saving the override…' : 'Save override'}
      </button>
      {state.status !== 'idle' && state.message ? (
        <p role={state.status === 'success' ? 'status' : 'alert'} className={`rounded-md border-2 px-3 py-2 font-medium ${state.status === 'success' ? 'border-emerald-700 bg-emerald-50 text-emerald-950' : 'border-red-700 bg-red-50 text-red-900'}`}>
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
