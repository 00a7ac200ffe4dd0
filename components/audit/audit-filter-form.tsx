import Link from 'next/link';

import { describedBy, FieldErrors, inputClass } from '@/components/forms/field';
import { buttonClass } from '@/components/forms/button-styles';
import { AUDIT_ACTION_VALUES, AUDIT_ENTITY_TYPES, AUDIT_OUTCOMES } from '@/lib/audit/event-names';
import type { AuditFilterField, ParsedAuditQuery } from '@/lib/audit/filters';

type Option = { value: string; label: string };

function Select({ id, label, options, value, error }: { id: AuditFilterField; label: string; options: Option[]; value?: string; error?: string }) {
  const errors = error ? [error] : undefined;
  return (
    <div>
      <label htmlFor={`filter-${id}`} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <select
        id={`filter-${id}`}
        name={id}
        defaultValue={value ?? ''}
        aria-invalid={errors ? true : undefined}
        aria-describedby={describedBy(`filter-${id}`, { errors })}
        className={`mt-1 ${inputClass}`}
      >
        <option value="">Any</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldErrors id={`filter-${id}`} errors={errors} />
    </div>
  );
}

function Input({ id, label, type, value, error }: { id: AuditFilterField; label: string; type: 'text' | 'date'; value?: string; error?: string }) {
  const errors = error ? [error] : undefined;
  return (
    <div>
      <label htmlFor={`filter-${id}`} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <input
        id={`filter-${id}`}
        name={id}
        type={type}
        defaultValue={value ?? ''}
        spellCheck={false}
        aria-invalid={errors ? true : undefined}
        aria-describedby={describedBy(`filter-${id}`, { errors })}
        className={`mt-1 ${inputClass}`}
      />
      <FieldErrors id={`filter-${id}`} errors={errors} />
    </div>
  );
}

/** A plain GET form: the filters live in the URL (filter values only) and survive a reload. */
export function AuditFilterForm({ query, actors }: { query: ParsedAuditQuery; actors: Option[] }) {
  const { values, errors } = query;
  return (
    <form method="get" action="/audit" aria-label="Filter audit events" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Select id="actor" label="Staff member" options={actors} value={values.actor} error={errors.actor} />
        <Select id="action" label="Action" options={AUDIT_ACTION_VALUES.map((value) => ({ value, label: value }))} value={values.action} error={errors.action} />
        <Select id="entityType" label="Record type" options={AUDIT_ENTITY_TYPES.map((value) => ({ value, label: value }))} value={values.entityType} error={errors.entityType} />
        <Input id="entityId" label="Record id" type="text" value={values.entityId} error={errors.entityId} />
        <Select id="outcome" label="Outcome" options={AUDIT_OUTCOMES.map((value) => ({ value, label: value.toLowerCase() }))} value={values.outcome} error={errors.outcome} />
        <Input id="from" label="From (UTC date)" type="date" value={values.from} error={errors.from} />
        <Input id="to" label="To (UTC date, inclusive)" type="date" value={values.to} error={errors.to} />
        <div className="flex items-end gap-2">
          <button type="submit" className={buttonClass.primary}>
            Apply filters
          </button>
          <Link href="/audit" className={buttonClass.secondary}>
            Clear
          </Link>
        </div>
      </div>
    </form>
  );
}
