/**
 * A bulk export job's status as the progress page polls it (GET /api/exports/<id>) and the words
 * for it. Pure and client-safe: the page's poller imports it, the server builds it
 * (lib/exports/bulk/jobs.ts). Case ids, reasons and counts only — never a patient name.
 */

export const EXPORT_JOB_STATUSES = ['queued', 'running', 'done', 'failed', 'cancelled'] as const;
export type ExportJobStatusValue = (typeof EXPORT_JOB_STATUSES)[number];

export const EXPORT_JOB_STATUS_LABELS: Readonly<Record<ExportJobStatusValue, string>> = {
  queued: 'Waiting to start',
  running: 'Running',
  done: 'Done',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

export const EXPORT_FORMAT_LABELS: Readonly<Record<'pdf' | 'fhir', string>> = {
  pdf: 'PDF summaries (ZIP)',
  fhir: 'FHIR Bundles (ZIP)',
};

export interface ExportJobStatusJson {
  readonly id: string;
  readonly status: ExportJobStatusValue;
  readonly format: 'pdf' | 'fhir';
  readonly total: number;
  readonly done: number;
  readonly exported: number;
  readonly skipped: ReadonlyArray<{ readonly caseId: string; readonly reason: string; readonly message: string }>;
  readonly error: string | null;
  readonly createdAt: string;
  readonly finishedAt: string | null;
  readonly downloadable: boolean;
}

/** Done, failed or cancelled: the runner will not touch the job again. */
export function isFinished(status: ExportJobStatusValue): boolean {
  return status === 'done' || status === 'failed' || status === 'cancelled';
}
