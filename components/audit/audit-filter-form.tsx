import Link from 'next/link';

import { SelectField, TextField } from '@/components/forms/field';
import { buttonClass } from '@/components/forms/styles';
import { AUDIT_ACTION_VALUES, AUDIT_ENTITY_TYPES, AUDIT_OUTCOMES } from '@/lib/audit/event-names';
import type { AuditFilterField, ParsedAuditQuery } from '@/lib/audit/filters';

type Option = { value: string; label: string };

interface FilterProps {
  readonly id: AuditFilterField;
  readonly label: string;
  readonly value?: string;
  readonly error?: string;
}

/** The field's id, name, current value and message, as the kit's fields take them. */
const filterField = ({ id, label, value, error }: FilterProps) => ({
  id: `filter-${id}`,
  name: id,
  label,
  defaultValue: value ?? '',
  errors: error ? [error] : undefined,
});

function Select({ options, ...filter }: FilterProps & { options: Option[] }) {
  return (
    <SelectField {...filterField(filter)}>
      <option value="">Any</option>
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </SelectField>
  );
}

function Input({ type, ...filter }: FilterProps & { type: 'text' | 'date' }) {
  return <TextField {...filterField(filter)} type={type} spellCheck={false} />;
}

/** A plain GET form: the filters live in the URL (filter values only) and survive a reload. */
export function AuditFilterForm({ query, actors }: { query: ParsedAuditQuery; actors: Option[] }) {
  const { values, errors } = query;
  return (
    <form
      method="get"
      action="/audit"
      aria-label="Filter audit events"
      className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
    >
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Select id="actor" label="Staff member" options={actors} value={values.actor} error={errors.actor} />
        <Select
          id="action"
          label="Action"
          options={AUDIT_ACTION_VALUES.map((value) => ({ value, label: value }))}
          value={values.action}
          error={errors.action}
        />
        <Select
          id="entityType"
          label="Record type"
          options={AUDIT_ENTITY_TYPES.map((value) => ({ value, label: value }))}
          value={values.entityType}
          error={errors.entityType}
        />
        <Input id="entityId" label="Record id" type="text" value={values.entityId} error={errors.entityId} />
        <Select
          id="outcome"
          label="Outcome"
          options={AUDIT_OUTCOMES.map((value) => ({ value, label: value.toLowerCase() }))}
          value={values.outcome}
          error={errors.outcome}
        />
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
