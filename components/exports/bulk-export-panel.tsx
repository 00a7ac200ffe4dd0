'use client';

import Link from 'next/link';
import { useActionState, useState } from 'react';
import type { RowSelectionState } from '@tanstack/react-table';

import { startBulkExportAction, type BulkExportField } from '@/app/(staff)/exports/actions';
import { CaseTable, caseRowId, type CaseTableRowData, type FlagTitles } from '@/components/cases/list/case-table';
import { ChoiceGroup, TextField } from '@/components/forms/field';
import { FormAlert } from '@/components/forms/form-alert';
import { focusRing } from '@/components/forms/styles';
import { SubmitButton } from '@/components/forms/submit-button';
import type { CaseListState } from '@/lib/cases/list/params';
import type { FormState } from '@/lib/outcome';

const FORMATS = [
  { value: 'pdf', label: 'PDF summaries (one ZIP)' },
  { value: 'fhir', label: 'FHIR Bundles (one ZIP, a Bundle per case)' },
] as const;

/**
 * The case list with row selection and the bulk export form, for roles with `case:export` (the
 * page decides; the action checks again). The selection is this page's rows, sent as one hidden
 * field in the POST body — never in the URL.
 */
export function BulkExportPanel({
  rows,
  flagTitles,
  state,
}: {
  rows: readonly CaseTableRowData[];
  flagTitles: FlagTitles;
  state: CaseListState;
}) {
  const [rowSelection, setRowSelection] = useState<RowSelectionState>({});
  const [format, setFormat] = useState<string>('pdf');
  const [formState, action] = useActionState<FormState<BulkExportField>, FormData>(startBulkExportAction, {
    status: 'idle',
  });
  // Only rows on this page count: a selection never reaches cases the person cannot see here.
  const selected = rows.map(caseRowId).filter((id) => rowSelection[id]);
  const errors = (field: BulkExportField) =>
    formState.status === 'error' ? (formState.fieldErrors?.[field] ?? []) : [];

  return (
    <>
      <form
        action={action}
        aria-label="Export selected cases"
        className="space-y-3 rounded-lg border border-slate-300 bg-white p-4"
      >
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 className="text-lg font-semibold text-slate-900">Export selected cases</h2>
          <Link href="/exports" className={`font-medium text-sky-900 underline ${focusRing}`}>
            Your exports
          </Link>
        </div>
        <p className="text-slate-700">
          Tick cases in the list below. Each goes only under a signed consent that names this recipient for referral for
          treatment; cases without one are listed with the reason and skipped.
        </p>
        <input type="hidden" name="caseIds" value={selected.join(',')} />
        <p aria-live="polite" className="font-medium text-slate-900" data-testid="bulk-selected-count">
          {selected.length === 0
            ? 'No cases selected.'
            : `${selected.length} ${selected.length === 1 ? 'case' : 'cases'} selected.`}
        </p>
        <div aria-live="polite" className="text-sm font-medium text-red-800">
          {errors('caseIds').map((message) => (
            <p key={message}>{message}</p>
          ))}
        </div>
        <ChoiceGroup
          id="format"
          legend="Format"
          options={FORMATS}
          isChecked={(option) => option.value === format}
          onChoose={(option) => setFormat(option.value)}
          errors={errors('format')}
        />
        <TextField
          id="bulk-recipient"
          name="recipientName"
          label="Recipient (program or provider)"
          hint="As named on the patients' consents."
          defaultValue={formState.status === 'error' ? formState.values?.recipientName : undefined}
          errors={errors('recipientName')}
          controlClassName="max-w-xl"
          autoComplete="off"
        />
        <SubmitButton pendingLabel="Starting export…" disabled={selected.length === 0}>
          Export selected cases
        </SubmitButton>
        <FormAlert status={formState.status} message={formState.message} look="text" />
      </form>
      <CaseTable
        rows={rows}
        flagTitles={flagTitles}
        state={state}
        rowSelection={rowSelection}
        onRowSelectionChange={setRowSelection}
      />
    </>
  );
}
