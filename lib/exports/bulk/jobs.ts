import 'server-only';

import fs from 'node:fs';

import { appendAuditEvent, type AuditRequestContext } from '@/lib/audit/append';
import { AUDIT_ACTIONS } from '@/lib/audit/event-names';
import { can } from '@/lib/auth/permissions';
import { caseAccessWhere, type AccessActor } from '@/lib/cases/access';
import { isUuid } from '@/lib/cases/actor';
import { getPrisma } from '@/lib/db/client';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { fail, OUTCOME_MESSAGES, type Outcome } from '@/lib/outcome';

import { skipReasonText, type SkippedCase } from './plan';
import type { ExportJobStatusJson, ExportJobStatusValue } from './status';

/**
 * Reading bulk export jobs (issue 11 item 6), for the progress page, its status JSON and the
 * download. A job is seen by the staff member who made it, and nobody else — supervisors
 * included: its skipped list and file are a disclosure made under that person's consent check,
 * and a job of someone else answers exactly like a missing one (not_found → 404). Supervisors
 * see who exported what in the audit log (`export.bulk`, `export.bulk_download`).
 */

export const NO_JOB = 'There is no such export, or it is not one of yours.';
export const NOT_FINISHED = 'The export has not finished: download it when it is done.';
export const FILE_GONE = 'The export file is no longer on the server. Start the export again.';

/** One job of its owner, as stored. */
export interface ExportJobRecord {
  readonly id: string;
  readonly createdAt: Date;
  readonly startedAt: Date | null;
  readonly finishedAt: Date | null;
  readonly format: 'pdf' | 'fhir';
  readonly recipientName: string;
  readonly status: ExportJobStatusValue;
  readonly total: number;
  readonly done: number;
  readonly skipped: readonly SkippedCase[];
  readonly exportedCaseIds: readonly string[];
  readonly consentIds: readonly string[];
  readonly error: string | null;
  readonly filePath: string | null;
}

export function exportJobStatusJson(job: ExportJobRecord): ExportJobStatusJson {
  return {
    id: job.id,
    status: job.status,
    format: job.format,
    total: job.total,
    done: job.done,
    exported: job.exportedCaseIds.length,
    skipped: job.skipped.map((entry) => ({
      caseId: entry.caseId,
      reason: entry.reason,
      message: skipReasonText(entry.reason),
    })),
    error: job.error,
    createdAt: job.createdAt.toISOString(),
    finishedAt: job.finishedAt?.toISOString() ?? null,
    downloadable: job.status === 'done' && job.filePath !== null,
  };
}

const JOB_SELECT = {
  id: true,
  createdAt: true,
  startedAt: true,
  finishedAt: true,
  format: true,
  recipientName: true,
  status: true,
  total: true,
  done: true,
  skipped: true,
  exportedCaseIds: true,
  consentIds: true,
  error: true,
  filePath: true,
} as const;

function toRecord(row: {
  skipped: unknown;
  status: string;
  format: string;
}): Pick<ExportJobRecord, 'skipped' | 'status' | 'format'> {
  return {
    skipped: Array.isArray(row.skipped) ? (row.skipped as SkippedCase[]) : [],
    status: row.status as ExportJobStatusValue,
    format: row.format as 'pdf' | 'fhir',
  };
}

/** The caller's own job (case:export), or not_found for any other id. */
export async function getOwnExportJob(
  actor: AccessActor,
  jobId: string,
  options: { readonly db?: PrismaClient } = {},
): Promise<Outcome<{ job: ExportJobRecord }>> {
  if (!can(actor.role, 'case:export')) return fail('forbidden', OUTCOME_MESSAGES.forbidden);
  if (!isUuid(jobId) || !isUuid(actor.id)) return fail('not_found', NO_JOB);
  const db = options.db ?? getPrisma();
  const row = await db.exportJob.findFirst({ where: { id: jobId, createdById: actor.id }, select: JOB_SELECT });
  if (!row) return fail('not_found', NO_JOB);
  return { ok: true, job: { ...row, ...toRecord(row) } };
}

/** The caller's most recent jobs, newest first (no case names: format, recipient, counts). */
export async function listOwnExportJobs(
  actor: AccessActor,
  options: { readonly db?: PrismaClient; readonly limit?: number } = {},
): Promise<readonly ExportJobRecord[]> {
  if (!can(actor.role, 'case:export') || !isUuid(actor.id)) return [];
  const db = options.db ?? getPrisma();
  const rows = await db.exportJob.findMany({
    where: { createdById: actor.id },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: options.limit ?? 20,
    select: JOB_SELECT,
  });
  return rows.map((row) => ({ ...row, ...toRecord(row) }));
}

/**
 * Patient names of a job's skipped cases that the caller may still open (the progress page names
 * them with the reason). Showing names is a view of those cases: audited as `case.list` with the
 * job and the case ids shown, like every list.
 */
export async function skippedCaseNames(
  actor: AccessActor,
  job: ExportJobRecord,
  options: { readonly db?: PrismaClient; readonly context?: AuditRequestContext } = {},
): Promise<ReadonlyMap<string, string>> {
  const ids = [...new Set(job.skipped.map((entry) => entry.caseId))].filter(isUuid);
  if (ids.length === 0 || !can(actor.role, 'case:read')) return new Map();
  const db = options.db ?? getPrisma();
  const rows = await db.case.findMany({
    where: { AND: [{ id: { in: ids } }, caseAccessWhere(actor)] },
    select: { id: true, patientFirstName: true, patientLastName: true },
  });
  if (rows.length > 0)
    await appendAuditEvent(
      {
        actorId: actor.id,
        action: AUDIT_ACTIONS.CASE_LIST,
        entityType: 'Case',
        outcome: 'SUCCESS',
        detail: {
          view: 'export_job',
          jobId: job.id,
          resultCount: rows.length,
          caseIds: rows.map((row) => row.id).join(','),
        },
      },
      { db, ...(options.context ? { context: options.context } : {}) },
    );
  return new Map(rows.map((row) => [row.id, `${row.patientLastName}, ${row.patientFirstName}`]));
}

/**
 * The finished file of the caller's own job, for GET /api/exports/<id>/download. Audited as
 * `export.bulk_download` (job, format, recipient, the cases and consents in the file) before a
 * byte is sent; refusals of a job id (not one's own, not finished, file gone) are audited DENIED.
 */
export async function openExportDownload(
  actor: AccessActor,
  jobId: string,
  options: { readonly db?: PrismaClient; readonly context?: AuditRequestContext } = {},
): Promise<Outcome<{ job: ExportJobRecord; file: string; size: number; fileName: string }>> {
  const db = options.db ?? getPrisma();
  const audit = (outcome: 'SUCCESS' | 'DENIED', detail: Record<string, string | number>) =>
    appendAuditEvent(
      {
        actorId: actor.id,
        action: AUDIT_ACTIONS.EXPORT_BULK_DOWNLOAD,
        entityType: 'ExportJob',
        ...(isUuid(jobId) ? { entityId: jobId } : {}),
        outcome,
        detail,
      },
      { db, ...(options.context ? { context: options.context } : {}) },
    );
  const found = await getOwnExportJob(actor, jobId, { db });
  if (!found.ok) {
    if (found.reason === 'not_found') await audit('DENIED', { reason: 'not_found' });
    return found;
  }
  const { job } = found;
  if (job.status !== 'done') {
    await audit('DENIED', { reason: 'not_finished', status: job.status });
    return fail('conflict', job.status === 'queued' || job.status === 'running' ? NOT_FINISHED : exportEndedText(job));
  }
  const file = job.filePath;
  const size = file ? fileSize(file) : null;
  if (!file || size === null) {
    await audit('DENIED', { reason: 'file_missing', status: job.status });
    return fail('conflict', FILE_GONE);
  }
  await audit('SUCCESS', {
    format: job.format,
    recipient: job.recipientName,
    caseIds: job.exportedCaseIds.join(','),
    consentIds: job.consentIds.join(','),
    exported: job.exportedCaseIds.length,
    bytes: size,
  });
  return { ok: true, job, file, size, fileName: `export-${job.id}-${job.format}.zip` };
}

function exportEndedText(job: ExportJobRecord): string {
  return job.status === 'cancelled'
    ? 'The export was cancelled: there is no file to download.'
    : 'The export failed: there is no file to download.';
}

function fileSize(file: string): number | null {
  try {
    return fs.statSync(file).size;
  } catch {
    return null;
  }
}
