'use client';

import type { FormEvent } from 'react';

import { useCaseListNavigate, CaseListLink } from '@/components/cases/list/list-navigation';
import { buttonClass, checkboxClass, focusRing, inputClass } from '@/components/forms/styles';
import type { AssigneeOption } from '@/lib/cases/list/assignees';
import {
  caseListHref,
  caseListQueryString,
  hasFilters,
  parseCaseListParams,
  type CaseListState,
} from '@/lib/cases/list/params';
import { CASE_STATUSES, CASE_STATUS_LABELS } from '@/lib/cases/status';
import {
  TREATMENT_LEVELS,
  TREATMENT_LEVEL_NAMES,
  WITHDRAWAL_MANAGEMENT_LEVELS,
  WITHDRAWAL_MANAGEMENT_LEVEL_NAMES,
} from '@/lib/placement/shared/vocabulary';

/**
 * The list's filters as a plain GET form: submitting it puts the filters in the URL (bookmarkable,
 * no script needed, every control reachable by keyboard in reading order). Sort and direction ride
 * along as hidden fields; the page cursor does not (new filters start at page 1). Search words are
 * never part of this form.
 *
 * A client component for the page's weight, not for behaviour: its props (the list state and the
 * assignee names) are a few hundred bytes of the page's React payload, where the rendered form
 * (~60 options and controls) would be sent twice, as HTML and again as payload (issue 10).
 *
 * With script, submitting navigates inside the list's transition (its loading state,
 * CaseListNavigation) to the tidy URL the page would redirect the plain GET to.
 */
export function CaseFilters({ state, assignees }: { state: CaseListState; assignees: readonly AssigneeOption[] }) {
  const { filters } = state;
  const navigate = useCaseListNavigate();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const params: Record<string, string[]> = {};
    for (const [name, value] of new FormData(event.currentTarget))
      if (typeof value === 'string' && value !== '') (params[name] ??= []).push(value);
    navigate(caseListHref({ ...parseCaseListParams(params), cursor: null }));
  };
  const assigned =
    filters.assigned === null ? '' : typeof filters.assigned === 'string' ? filters.assigned : filters.assigned.staffId;
  return (
    <form
      // A new list state remounts the form: its controls are uncontrolled, and after a client
      // navigation (say "Clear filters") they would keep what was ticked before.
      key={caseListQueryString({ ...state, cursor: null })}
      method="get"
      action="/cases"
      aria-label="Filter cases"
      onSubmit={submit}
      className="rounded-lg border border-slate-300 bg-white p-4"
    >
      <input type="hidden" name="sort" value={state.sort} />
      <input type="hidden" name="dir" value={state.dir} />
      <div className="flex flex-wrap items-end gap-4">
        <fieldset>
          <legend className="text-sm font-medium text-slate-900">Status</legend>
          <div className="mt-1 flex flex-wrap gap-3">
            {CASE_STATUSES.map((status) => (
              <label key={status} className="inline-flex items-center gap-1.5 text-sm text-slate-900">
                <input
                  type="checkbox"
                  name="status"
                  value={status}
                  defaultChecked={filters.statuses.includes(status)}
                  className={checkboxClass}
                />
                {CASE_STATUS_LABELS[status]}
              </label>
            ))}
          </div>
        </fieldset>
        <label className="text-sm font-medium text-slate-900">
          Level of care
          <select name="level" defaultValue={filters.level ?? ''} className={`${inputClass} mt-1 w-56`}>
            <option value="">Any level</option>
            {TREATMENT_LEVELS.map((level) => (
              <option key={level} value={level}>
                {level} · {TREATMENT_LEVEL_NAMES[level]}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm font-medium text-slate-900">
          Withdrawal management
          <select name="wm" defaultValue={filters.wm ?? ''} className={`${inputClass} mt-1 w-56`}>
            <option value="">Any</option>
            {WITHDRAWAL_MANAGEMENT_LEVELS.map((wm) => (
              <option key={wm} value={wm}>
                {wm === 'none'
                  ? WITHDRAWAL_MANAGEMENT_LEVEL_NAMES[wm]
                  : `${wm} · ${WITHDRAWAL_MANAGEMENT_LEVEL_NAMES[wm]}`}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm font-medium text-slate-900">
          Assigned to
          <select name="assigned" defaultValue={assigned} className={`${inputClass} mt-1 w-52`}>
            <option value="">Anyone or no one</option>
            <option value="me">Me</option>
            <option value="any">Someone</option>
            <option value="none">Unassigned</option>
            {assignees.length > 0 ? (
              <optgroup label="A staff member">
                {assignees.map((member) => (
                  <option key={member.id} value={member.id}>
                    {member.displayName}
                  </option>
                ))}
              </optgroup>
            ) : null}
          </select>
        </label>
        <label className="text-sm font-medium text-slate-900">
          Intake from
          <input type="date" name="from" defaultValue={filters.from ?? ''} className={`${inputClass} mt-1`} />
        </label>
        <label className="text-sm font-medium text-slate-900">
          Intake to
          <input type="date" name="to" defaultValue={filters.to ?? ''} className={`${inputClass} mt-1`} />
        </label>
        <label className="inline-flex items-center gap-1.5 pb-2 text-sm font-medium text-slate-900">
          <input type="checkbox" name="urgent" value="1" defaultChecked={filters.urgent} className={checkboxClass} />
          Urgent flags only
        </label>
        <div className="flex gap-2 pb-0.5">
          <button type="submit" className={buttonClass.primary}>
            Apply filters
          </button>
          {hasFilters(filters) ? (
            <CaseListLink href="/cases" className={`self-center font-medium text-sky-900 underline ${focusRing}`}>
              Clear filters
            </CaseListLink>
          ) : null}
        </div>
      </div>
    </form>
  );
}
