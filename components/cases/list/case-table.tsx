'use client';

import { ArrowDown, ArrowUp, ArrowUpDown, OctagonAlert } from 'lucide-react';
import {
  createColumnHelper,
  rowSelectionFeature,
  rowSortingFeature,
  tableFeatures,
  useTable,
  type OnChangeFn,
  type RowSelectionState,
  type SortingState,
} from '@tanstack/react-table';
import { useEffect, useMemo, useRef, type ComponentProps } from 'react';

import { checkboxClass, focusRing } from '@/components/forms/styles';
import { useCaseListNavigate } from '@/components/cases/list/list-navigation';
import { useFollowLink } from '@/components/navigation/soft-links';
import { caseListHref, type CaseListSort, type CaseListState, CASE_LIST_SORT_LABELS } from '@/lib/cases/list/params';

/**
 * One row as the server sends it: display strings only (dates already formatted on the server, in
 * the program's zone), as a tuple — the page's React payload carries 50 of these, and as objects
 * their 13 key names were ~40 % of the rows' bytes (issue 10). Urgent flags are codes; their
 * titles come once per page in `flagTitles`. Times are epoch milliseconds for `<time dateTime>`
 * (`toISOString` gives the same text on the server and in the browser).
 */
export type CaseTableRowData = readonly [
  id: string,
  patientName: string,
  dateOfBirth: string,
  mrn: string | null,
  urgentFlags: readonly string[],
  level: string,
  overridden: boolean,
  status: string,
  assignedTo: string | null,
  intakeAt: number,
  intakeLabel: string,
  updatedAt: number,
  updatedLabel: string,
];

/** Urgent flag code → its title (worded on the server, in the case's rules version). */
export type FlagTitles = Readonly<Record<string, string>>;

/** One row as the table renders it (decoded from CaseTableRowData). */
export interface CaseTableRow {
  readonly id: string;
  readonly patientName: string;
  readonly dateOfBirth: string;
  readonly mrn: string | null;
  readonly urgentFlags: ReadonlyArray<{ readonly code: string; readonly title: string }>;
  readonly level: string;
  readonly overridden: boolean;
  readonly status: string;
  readonly assignedTo: string | null;
  readonly intakeIso: string;
  readonly intakeLabel: string;
  readonly updatedIso: string;
  readonly updatedLabel: string;
}

/** The id of a row as sent (the selection is keyed by it). */
export function caseRowId(row: CaseTableRowData): string {
  return row[0];
}

function decodeRow(row: CaseTableRowData, flagTitles: FlagTitles): CaseTableRow {
  const [
    id,
    patientName,
    dateOfBirth,
    mrn,
    flags,
    level,
    overridden,
    status,
    assignedTo,
    intakeAt,
    intakeLabel,
    updatedAt,
    updatedLabel,
  ] = row;
  return {
    id,
    patientName,
    dateOfBirth,
    mrn,
    urgentFlags: flags.map((code) => ({ code, title: flagTitles[code] ?? code })),
    level,
    overridden,
    status,
    assignedTo,
    intakeIso: new Date(intakeAt).toISOString(),
    intakeLabel,
    updatedIso: new Date(updatedAt).toISOString(),
    updatedLabel,
  };
}

/** Icon + words on dark red, never colour alone (as components/cases/flag-badges.tsx). */
function UrgentFlags({ flags }: { flags: CaseTableRow['urgentFlags'] }) {
  if (flags.length === 0) return '—';
  return (
    <ul className="flex flex-wrap gap-1">
      {flags.map((flag) => (
        <li
          key={flag.code}
          className="inline-flex items-center gap-1 rounded bg-red-800 px-2 py-0.5 text-xs font-bold text-white"
          data-flag={flag.code}
        >
          <OctagonAlert aria-hidden="true" className="h-3.5 w-3.5" />
          {flag.title}
        </li>
      ))}
    </ul>
  );
}

const features = tableFeatures({ rowSortingFeature, rowSelectionFeature });
const column = createColumnHelper<typeof features, CaseTableRow>();

/** Column id → the server sort it asks for (the table never sorts rows itself). */
const SORT_OF: Readonly<Record<string, CaseListSort>> = {
  patientName: 'name',
  level: 'level',
  status: 'status',
  intakeIso: 'intake',
  updatedIso: 'updated',
};
const COLUMN_OF: Readonly<Record<CaseListSort, string>> = {
  name: 'patientName',
  level: 'level',
  status: 'status',
  intake: 'intakeIso',
  updated: 'updatedIso',
};

/**
 * The columns, for TanStack's header groups, sorting and selection. Body cells are not rendered
 * through column `cell` functions and FlexRender (one component and one context object per cell,
 * 500 per page): `CaseRow` writes the row's cells in this order (issue 10, the page's CPU).
 */
const columns = column.columns([
  column.accessor('patientName', { header: 'Patient' }),
  column.accessor('dateOfBirth', { header: 'Date of birth', enableSorting: false }),
  column.accessor('mrn', { header: 'MRN', enableSorting: false }),
  column.accessor('urgentFlags', { header: 'Urgent flags', enableSorting: false }),
  column.accessor('level', { header: 'Level · WM' }),
  column.accessor('status', { header: 'Status' }),
  column.accessor('assignedTo', { header: 'Assigned to', enableSorting: false }),
  column.accessor('intakeIso', { header: 'Intake' }),
  column.accessor('updatedIso', { header: 'Last update' }),
]);

/**
 * Cell looks set once on the table instead of on each of 500 cells. Which cells do not wrap is
 * counted from the row's end (`nth-last-child`), so it holds with or without the select column:
 * last update (1), intake (2), MRN (7), date of birth (8).
 */
const TABLE_CLASS =
  'min-w-full divide-y divide-slate-200 text-left text-sm [&_td]:px-3 [&_td]:py-2 [&_td]:text-slate-800 [&_th]:px-3 [&_th]:py-2 [&_thead_th]:whitespace-nowrap [&_td:nth-last-child(-n+2)]:whitespace-nowrap [&_td:nth-last-child(7)]:whitespace-nowrap [&_td:nth-last-child(8)]:whitespace-nowrap [&_tbody_th]:font-medium [&_tbody_a]:text-sky-900 [&_tbody_a]:underline [&_tbody_a]:underline-offset-2 [&_tbody_a:focus-visible]:outline-2 [&_tbody_a:focus-visible]:outline-sky-700 [&_tbody_a:focus-visible]:outline [&_tbody_th]:min-w-40 [&_tbody_th]:wrap-anywhere';

/** One row's cells, in the order of `columns` (the select column first when there is one). */
function CaseRow({
  row,
  selection,
}: {
  row: CaseTableRow;
  selection: { checked: boolean; onChange: (event: unknown) => void } | undefined;
}) {
  return (
    <tr>
      {selection ? (
        <td>
          <input
            type="checkbox"
            className={checkboxClass}
            aria-label={`Select ${row.patientName}`}
            checked={selection.checked}
            onChange={selection.onChange}
          />
        </td>
      ) : null}
      <th scope="row">
        <a href={`/cases/${row.id}`}>{row.patientName}</a>
      </th>
      <td>{row.dateOfBirth}</td>
      <td>{row.mrn ?? '—'}</td>
      <td>
        <UrgentFlags flags={row.urgentFlags} />
      </td>
      <td>
        {row.level}
        {row.overridden ? (
          <span className="ml-1 rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-950">overridden</span>
        ) : null}
      </td>
      <td>{row.status}</td>
      <td>{row.assignedTo ?? '—'}</td>
      <td>
        <time dateTime={row.intakeIso}>{row.intakeLabel}</time>
      </td>
      <td>
        <time dateTime={row.updatedIso}>{row.updatedLabel}</time>
      </td>
    </tr>
  );
}

/** A checkbox that can also show "some selected" (indeterminate is a DOM property, not an attribute). */
function SelectBox({ indeterminate = false, ...input }: ComponentProps<'input'> & { indeterminate?: boolean }) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = indeterminate;
  }, [indeterminate]);
  return <input ref={ref} type="checkbox" className={checkboxClass} {...input} />;
}

/** The row-selection column, only for roles that may export (the page decides). */
const selectColumn = column.display({
  id: 'select',
  header: ({ table }) => (
    <SelectBox
      aria-label="Select all cases on this page"
      checked={table.getIsAllPageRowsSelected()}
      indeterminate={table.getIsSomePageRowsSelected() && !table.getIsAllPageRowsSelected()}
      onChange={table.getToggleAllPageRowsSelectedHandler()}
    />
  ),
});
const selectableColumns = column.columns([selectColumn, ...columns]);

/**
 * The case list table. TanStack Table holds the table state with manual sorting: a click on a
 * sortable header asks the server for that sort (a new URL, first page); rows are only ever the
 * one page the server rendered, never loaded or sorted in the browser. With `rowSelection` and
 * its change handler (components/exports/bulk-export-panel.tsx), each row and the header get a
 * checkbox (TanStack's row selection, keyed by case id).
 */
export function CaseTable({
  rows: sent,
  flagTitles,
  state,
  rowSelection,
  onRowSelectionChange,
}: {
  rows: readonly CaseTableRowData[];
  flagTitles: FlagTitles;
  state: CaseListState;
  rowSelection?: RowSelectionState;
  onRowSelectionChange?: OnChangeFn<RowSelectionState>;
}) {
  const rows = useMemo(() => sent.map((row) => decodeRow(row, flagTitles)), [sent, flagTitles]);
  // A new sort shows the list's loading state (CaseListNavigation); a row's link opens a case.
  const navigate = useCaseListNavigate();
  const followLink = useFollowLink();
  const sorting: SortingState = [{ id: COLUMN_OF[state.sort], desc: state.dir === 'desc' }];
  const selectable = onRowSelectionChange !== undefined;
  const table = useTable({
    features,
    columns: selectable ? selectableColumns : columns,
    data: rows,
    getRowId: (row) => row.id,
    manualSorting: true,
    enableMultiSort: false,
    enableSortingRemoval: false,
    enableRowSelection: selectable,
    enableRowRangeSelection: false,
    state: { sorting, rowSelection: rowSelection ?? {} },
    ...(onRowSelectionChange ? { onRowSelectionChange } : {}),
    onSortingChange: (updater) => {
      const next = typeof updater === 'function' ? updater(sorting) : updater;
      const first = next[0];
      const sort = first ? SORT_OF[first.id] : undefined;
      if (!first || !sort) return;
      navigate(caseListHref({ ...state, sort, dir: first.desc ? 'desc' : 'asc', cursor: null }));
    },
  });

  return (
    // One click handler for the whole table (rows are plain links, see `followLink`): 50 <Link>
    // components per page cost more to render than the rows themselves (issue 10).
    <div className="relative overflow-x-auto rounded-lg border border-slate-300 bg-white" onClick={followLink}>
      <table className={TABLE_CLASS}>
        <caption className="sr-only">
          Cases sorted by {CASE_LIST_SORT_LABELS[state.sort].toLowerCase()},{' '}
          {state.dir === 'asc' ? 'ascending' : 'descending'}. Sortable columns have a button in their heading.
        </caption>
        <thead className="bg-slate-100 font-semibold text-slate-900">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const sorted = header.column.getIsSorted();
                if (header.column.id === 'select')
                  return (
                    <th key={header.id} scope="col" className="w-8">
                      <table.FlexRender header={header} />
                    </th>
                  );
                const label = String(header.column.columnDef.header ?? '');
                return (
                  <th
                    key={header.id}
                    scope="col"
                    aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
                  >
                    {header.column.getCanSort() ? (
                      <button
                        type="button"
                        onClick={header.column.getToggleSortingHandler()}
                        className={`inline-flex items-center gap-1 rounded font-semibold ${focusRing}`}
                      >
                        {label}
                        {sorted === 'asc' ? (
                          <ArrowUp aria-hidden="true" className="h-4 w-4" />
                        ) : sorted === 'desc' ? (
                          <ArrowDown aria-hidden="true" className="h-4 w-4" />
                        ) : (
                          <ArrowUpDown aria-hidden="true" className="h-4 w-4 text-slate-500" />
                        )}
                        <span className="sr-only">{sorted ? '' : ', sort by this column'}</span>
                      </button>
                    ) : (
                      label
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody className="divide-y divide-slate-200">
          {table.getRowModel().rows.map((row) => (
            <CaseRow
              key={row.id}
              row={row.original}
              selection={
                selectable ? { checked: row.getIsSelected(), onChange: row.getToggleSelectedHandler() } : undefined
              }
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}
