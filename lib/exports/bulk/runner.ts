import 'server-only';

import fs from 'node:fs';
import path from 'node:path';

import yazl from 'yazl';

import { appendAuditEvent } from '@/lib/audit/append';
import { AUDIT_ACTIONS } from '@/lib/audit/event-names';
import { can } from '@/lib/auth/permissions';
import { getPrisma } from '@/lib/db/client';
import { PURPOSES } from '@/lib/consent/part2-wording';
import { buildReferralBundle } from '@/lib/fhir/referral-bundle';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { describeError, logger } from '@/lib/logger';
import type { ReferralExportSource } from '@/lib/referrals/export-source';
import { renderReferralSummaryPdf } from '@/lib/referrals/pdf/render-pdf';

import { loadBulkExportSource } from './load-source';
import type { SkippedCase } from './plan';

/**
 * The bulk-export runner (issue 11 item 6): one job at a time, in this server process. A job is
 * claimed (queued → running), each case is loaded through the consent check AGAIN (a consent may
 * have been revoked since the job was made), turned into a file by the format's step and added to
 * a ZIP written under `.data/exports/` with mode 0600. Between cases the job's row is re-read: a
 * cancelled job stops, its partial file is deleted. One `export.bulk` audit event per job when it
 * ends (done, cancelled or failed) names the cases, the format, the recipient and the consents.
 * Before a new job is scheduled (`recoverExportJobs`), jobs left `running` by a process that is
 * gone are failed with a clear reason and queued ones are run. Several processes share the table
 * (one per app server worker, several app servers): a running job belongs to a live process while
 * its `heartbeatAt` — stamped at the claim and after each case — is fresh, and is left alone.
 */
export const EXPORT_DIR = path.join(process.cwd(), '.data', 'exports');
export const RESTART_REASON = 'The server restarted while this export ran. Start the export again.';
/** A running job whose heartbeat is older than this has lost its process (a case takes seconds). */
export const RUNNER_STALE_MS = 2 * 60_000;

class StepError extends Error {}

type ExportFormatValue = 'fhir' | 'pdf';

/** One file per case. The file name holds the job's index and the case id, never a name. */
const STEPS: Readonly<
  Record<ExportFormatValue, (source: ReferralExportSource) => Promise<{ ext: string; data: Buffer }>>
> = {
  fhir: async (source) => ({
    ext: 'json',
    data: Buffer.from(JSON.stringify(buildReferralBundle(source), null, 2), 'utf8'),
  }),
  pdf: async (source) => ({ ext: 'pdf', data: Buffer.from(await renderReferralSummaryPdf(source)) }),
};

export interface RunOptions {
  readonly db?: PrismaClient;
  readonly dir?: string;
  readonly now?: () => Date;
  /** Called after each case (tests cancel mid-run here). */
  readonly afterCase?: (done: number) => Promise<void> | void;
}

function writeZip(zip: yazl.ZipFile, file: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const out = fs.createWriteStream(file, { mode: 0o600, flags: 'wx' });
    out.on('error', reject);
    out.on('close', () => resolve());
    zip.outputStream.on('error', reject).pipe(out);
  });
}

/** Runs one job to its end. Returns its final status. */
export async function runExportJob(jobId: string, options: RunOptions = {}): Promise<string> {
  const db = options.db ?? getPrisma();
  const dir = options.dir ?? EXPORT_DIR;
  const now = options.now ?? (() => new Date());
  const claimed = await db.exportJob.updateMany({
    where: { id: jobId, status: 'queued' },
    data: { status: 'running', startedAt: now(), heartbeatAt: now() },
  });
  if (claimed.count === 0) return (await db.exportJob.findUnique({ where: { id: jobId } }))?.status ?? 'missing';
  const job = await db.exportJob.findUniqueOrThrow({ where: { id: jobId } });
  const staff = await db.staffUser.findUnique({ where: { id: job.createdById } });
  const skipped: SkippedCase[] = [...((job.skipped as unknown as SkippedCase[] | null) ?? [])];
  const exported: string[] = [];
  const consentIds = new Set<string>();
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = path.join(dir, `${job.id}.zip`);
  const zip = new yazl.ZipFile();
  const written = writeZip(zip, file);
  let status: 'done' | 'failed' | 'cancelled' = 'done';
  let error: string | null = null;
  try {
    if (!staff || !staff.active || !can(staff.role, 'case:export'))
      throw new StepError('The staff member may no longer export.');
    const actor = { id: staff.id, role: staff.role, displayName: staff.displayName, sessionStartedAt: null };
    for (const [index, caseId] of job.caseIds.entries()) {
      const current = await db.exportJob.findUnique({ where: { id: job.id }, select: { status: true } });
      if (current?.status === 'cancelled') {
        status = 'cancelled';
        break;
      }
      const loaded = await loadBulkExportSource(
        actor,
        caseId,
        { recipientName: job.recipientName, purpose: PURPOSES.referral },
        { db, now: now() },
      );
      if (loaded.ok) {
        const { ext, data } = await STEPS[job.format](loaded.source);
        zip.addBuffer(data, `${String(index + 1).padStart(4, '0')}-${caseId}.${ext}`);
        exported.push(caseId);
        consentIds.add(loaded.source.consent.id);
      } else skipped.push({ caseId, reason: loaded.reason, message: loaded.message });
      await db.exportJob.updateMany({
        where: { id: job.id, status: 'running' },
        data: { done: index + 1, skipped: skipped as never, heartbeatAt: now() },
      });
      await options.afterCase?.(index + 1);
    }
  } catch (caught) {
    status = 'failed';
    error = caught instanceof StepError ? caught.message : 'The export failed. Try again.';
    if (!(caught instanceof StepError))
      logger.error('export', 'bulk export failed', { jobId, ...describeError(caught) });
  }
  zip.end();
  try {
    await written;
  } catch (caught) {
    status = 'failed';
    error ??= 'The export file could not be written.';
    logger.error('export', 'bulk export file not written', { jobId, ...describeError(caught) });
  }
  if (status !== 'done') fs.rmSync(file, { force: true });
  await db.$transaction(async (tx) => {
    await tx.exportJob.update({
      where: { id: job.id },
      data: {
        status,
        error,
        finishedAt: now(),
        skipped: skipped as never,
        exportedCaseIds: exported,
        consentIds: [...consentIds],
        filePath: status === 'done' ? file : null,
      },
    });
    await appendAuditEvent(
      {
        actorId: job.createdById,
        action: AUDIT_ACTIONS.EXPORT_BULK,
        entityType: 'ExportJob',
        entityId: job.id,
        outcome: status === 'failed' ? 'FAILURE' : 'SUCCESS',
        detail: {
          format: job.format,
          recipient: job.recipientName,
          status,
          caseIds: exported.join(','),
          consentIds: [...consentIds].join(','),
          skippedCaseIds: skipped.map((entry) => `${entry.caseId}:${entry.reason}`).join(','),
          exported: exported.length,
          skipped: skipped.length,
        },
      },
      { db: tx, context: { requestId: `export-job-${job.id}` } },
    );
  });
  return status;
}

let queue: Promise<unknown> = Promise.resolve();

/** Queues a job on this process's runner (one job at a time). */
export function scheduleExportJob(jobId: string, options: RunOptions = {}): Promise<string> {
  const run = queue.then(() => runExportJob(jobId, options));
  queue = run.catch((caught: unknown) =>
    logger.error('export', 'bulk export crashed', { jobId, ...describeError(caught) }),
  );
  return run;
}

/**
 * Jobs whose process is gone (running, heartbeat older than RUNNER_STALE_MS or never stamped) are
 * failed with RESTART_REASON and their partial file deleted; queued ones are scheduled here (the
 * claim lets only one process run each). Safe to run in every process, as often as jobs are made.
 */
export async function recoverExportJobs(options: RunOptions = {}): Promise<void> {
  const db = options.db ?? getPrisma();
  const dir = options.dir ?? EXPORT_DIR;
  const staleBefore = new Date((options.now?.() ?? new Date()).getTime() - RUNNER_STALE_MS);
  const gone = { status: 'running' as const, OR: [{ heartbeatAt: null }, { heartbeatAt: { lt: staleBefore } }] };
  const stale = await db.exportJob.findMany({ where: gone, select: { id: true } });
  for (const { id } of stale) {
    fs.rmSync(path.join(dir, `${id}.zip`), { force: true });
    await db.exportJob.updateMany({
      where: { id, ...gone },
      data: { status: 'failed', error: RESTART_REASON, finishedAt: new Date() },
    });
  }
  const queued = await db.exportJob.findMany({
    where: { status: 'queued' },
    orderBy: { createdAt: 'asc' },
    select: { id: true },
  });
  for (const { id } of queued) void scheduleExportJob(id, options);
}
