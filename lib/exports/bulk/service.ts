import 'server-only';

import { z } from 'zod';

import { appendAuditEvent } from '@/lib/audit/append';
import { AUDIT_ACTIONS } from '@/lib/audit/event-names';
import { can } from '@/lib/auth/permissions';
import type { ExportActor } from '@/lib/referrals/export-access';
import type { AccessActor } from '@/lib/cases/access';
import { PURPOSES } from '@/lib/consent/part2-wording';
import { getPrisma } from '@/lib/db/client';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { fail, fieldErrorsOf, OUTCOME_MESSAGES, type Outcome } from '@/lib/outcome';

import { loadBulkExportSource } from './load-source';
import type { SkippedCase } from './plan';
import { recoverExportJobs, scheduleExportJob, type RunOptions } from './runner';

export const MAX_BULK_CASES = 500;

export const BulkExportInputSchema = z.object({
  caseIds: z
    .array(z.uuid({ message: 'Select cases from the list.' }))
    .min(1, { message: 'Select at least one case.' })
    .max(MAX_BULK_CASES, { message: `Select at most ${MAX_BULK_CASES} cases.` }),
  format: z.enum(['fhir', 'pdf'], { message: 'Choose PDF or FHIR.' }),
  recipientName: z
    .string()
    .trim()
    .min(1, { message: 'Enter the recipient.' })
    .max(200, { message: 'The recipient is at most 200 characters.' }),
});
export type BulkExportInput = z.infer<typeof BulkExportInputSchema>;

export interface ServiceOptions extends RunOptions {
  readonly now?: () => Date;
  /** False in tests that run the job themselves. */
  readonly schedule?: boolean;
}

/**
 * Makes a bulk export job (case:export): every selected case is checked now — within the actor's
 * access and with a consent that permits the disclosure to the recipient — and those that fail are
 * listed in `skipped` with the reason; the job exports only the others, checking each again as it
 * goes. Then it is queued on this process's runner.
 */
export async function createExportJob(
  actor: ExportActor,
  input: unknown,
  options: ServiceOptions = {},
): Promise<Outcome<{ jobId: string; skipped: readonly SkippedCase[] }, 'caseIds' | 'format' | 'recipientName'>> {
  const db = options.db ?? getPrisma();
  if (!can(actor.role, 'case:export')) return fail('forbidden', OUTCOME_MESSAGES.forbidden);
  const parsed = BulkExportInputSchema.safeParse(input);
  if (!parsed.success)
    return fail('invalid', parsed.error.issues[0]?.message ?? 'Check the export.', {
      fieldErrors: fieldErrorsOf<'caseIds' | 'format' | 'recipientName'>(parsed.error),
    });
  const { caseIds, format, recipientName } = parsed.data;
  const now = options.now ?? (() => new Date());
  const unique = [...new Set(caseIds.map((id) => id.toLowerCase()))];
  const accepted: string[] = [];
  const skipped: SkippedCase[] = [];
  for (const caseId of unique) {
    const loaded = await loadBulkExportSource(
      actor,
      caseId,
      { recipientName, purpose: PURPOSES.referral },
      { db, now: now() },
    );
    if (loaded.ok) accepted.push(caseId);
    else skipped.push({ caseId, reason: loaded.reason, message: loaded.message });
  }
  const job = await db.exportJob.create({
    data: {
      createdById: actor.id,
      format,
      recipientName,
      caseIds: accepted,
      total: accepted.length,
      skipped: skipped as never,
      exportedCaseIds: [],
      consentIds: [],
    },
  });
  if (options.schedule !== false) {
    await recoverExportJobs(options);
    void scheduleExportJob(job.id, options);
  }
  return { ok: true, jobId: job.id, skipped };
}

/** Cancels a queued or running job of one's own; the runner stops before its next case. */
export async function cancelExportJob(
  actor: AccessActor,
  jobId: string,
  options: { readonly db?: PrismaClient } = {},
): Promise<Outcome> {
  const db = options.db ?? getPrisma();
  if (!can(actor.role, 'case:export')) return fail('forbidden', OUTCOME_MESSAGES.forbidden);
  if (!z.uuid().safeParse(jobId).success) return fail('not_found', 'There is no such export.');
  const changed = await db.$transaction(async (tx) => {
    const result = await tx.exportJob.updateMany({
      where: { id: jobId, createdById: actor.id, status: { in: ['queued', 'running'] } },
      data: { status: 'cancelled' },
    });
    if (result.count > 0)
      await appendAuditEvent(
        {
          actorId: actor.id,
          action: AUDIT_ACTIONS.EXPORT_BULK_CANCEL,
          entityType: 'ExportJob',
          entityId: jobId,
          outcome: 'SUCCESS',
        },
        { db: tx },
      );
    return result.count;
  });
  return changed > 0 ? { ok: true } : fail('conflict', 'The export has already ended.');
}
