/**
 * The case-list CSV (issue 11 item 5): columns, row mapping and cell escaping. Pure and
 * framework-free; lib/cases/export/csv-stream.ts feeds it rows page by page.
 *
 * - RFC 4180: fields joined by commas, rows end with CRLF, a field holding a comma, quote, CR or
 *   LF is quoted and its quotes doubled.
 * - Formula injection (OWASP "CSV injection"): a cell starting with `=`, `+`, `-`, `@`, tab or CR
 *   gets a leading `'` and is quoted, so a spreadsheet shows it as text and never evaluates it.
 * - De-identified (HIPAA Safe Harbor, 45 CFR 164.514(b)(2), as read in docs/referrals-and-exports.md):
 *   no case id, names, date of birth, MRN, phone or contact; every date reduced to its year.
 */

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One cell, neutralised and quoted as needed. */
export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  if (FORMULA_START.test(text)) return `"'${text.replace(/"/g, '""')}"`;
  if (NEEDS_QUOTES.test(text)) return `"${text.replace(/"/g, '""')}"`;
  return text;
}

/** One CSV line (with its CRLF). */
export function csvLine(cells: ReadonlyArray<string | number | boolean | null | undefined>): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

/** What the export query reads of a case; the identifying fields are absent when de-identified. */
export interface CsvCaseRow {
  readonly id: string;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  readonly status: string;
  readonly finalLevel: string;
  readonly finalWm: string;
  readonly computedLevel: string;
  readonly computedWm: string;
  readonly flags: readonly string[];
  readonly assignedToName: string | null;
  readonly patientFirstName?: string;
  readonly patientLastName?: string;
  /** YYYY-MM-DD */
  readonly patientDateOfBirth?: string;
  readonly patientMrn?: string | null;
  readonly patientPhone?: string | null;
  readonly contactName?: string | null;
  readonly contactPhone?: string | null;
}

export interface CsvLabels {
  /** Status value → label (lib/cases/status). */
  readonly status: Readonly<Record<string, string>>;
  /** Urgent flag code → title; codes not in it are not urgent and are left out. */
  readonly urgentFlag: Readonly<Record<string, string>>;
  /** Instant → program-zone date-time text (lib/format). */
  readonly dateTime: (at: Date) => string;
  /** Instant → year in the program zone. */
  readonly year: (at: Date) => string;
}

const SHARED_HEADER = ['Status', 'Level of care', 'WM level', 'Overridden', 'Urgent flags', 'Assigned to'] as const;

export const IDENTIFIED_HEADER = [
  'Case id',
  'Last name',
  'First name',
  'Date of birth',
  'MRN',
  'Phone',
  'Emergency contact',
  'Emergency contact phone',
  'Intake',
  'Last update',
  ...SHARED_HEADER,
] as const;

export const DEIDENTIFIED_HEADER = ['Intake year', 'Last update year', ...SHARED_HEADER] as const;

export function csvHeader(deidentified: boolean): string {
  return csvLine(deidentified ? DEIDENTIFIED_HEADER : IDENTIFIED_HEADER);
}

/** The titles of the urgent flags among `flags`, joined by "; " (no array per row). */
function urgentTitles(flags: readonly string[], titles: CsvLabels['urgentFlag']): string {
  let text = '';
  for (const code of flags) {
    const title = titles[code];
    if (title !== undefined) text = text === '' ? title : `${text}; ${title}`;
  }
  return text;
}

/**
 * One case as a CSV line. De-identified reads none of the identifying fields. Called 100,000 times
 * per export: one array of cells per row, nothing else built (docs/performance.md, CSV section).
 */
export function csvCaseLine(row: CsvCaseRow, deidentified: boolean, labels: CsvLabels): string {
  const status = labels.status[row.status] ?? row.status;
  const overridden = row.finalLevel !== row.computedLevel || row.finalWm !== row.computedWm ? 'yes' : 'no';
  const urgent = urgentTitles(row.flags, labels.urgentFlag);
  if (deidentified)
    return csvLine([
      labels.year(row.createdAt),
      labels.year(row.updatedAt),
      status,
      row.finalLevel,
      row.finalWm,
      overridden,
      urgent,
      row.assignedToName,
    ]);
  return csvLine([
    row.id,
    row.patientLastName,
    row.patientFirstName,
    row.patientDateOfBirth ?? '',
    row.patientMrn,
    row.patientPhone,
    row.contactName,
    row.contactPhone,
    labels.dateTime(row.createdAt),
    labels.dateTime(row.updatedAt),
    status,
    row.finalLevel,
    row.finalWm,
    overridden,
    urgent,
    row.assignedToName,
  ]);
}
