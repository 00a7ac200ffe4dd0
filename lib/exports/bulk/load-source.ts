import 'server-only';

import type { ConsentPurpose } from '@/lib/consent/part2-wording';
import { loadExportSourceForCase, type ExportActor } from '@/lib/referrals/export-access';
import type { ReferralExportSource } from '@/lib/referrals/export-source';

import { NOT_FOUND_MESSAGE, type SkipReason } from './plan';

/**
 * One case's export source for a bulk export, through the one authorising loader
 * (lib/referrals/export-access.ts: `case:export`, need-to-know, a consent that permits this
 * disclosure now), with its refusal as the job's skip reason.
 */
export async function loadBulkExportSource(
  actor: ExportActor,
  caseId: string,
  disclosure: { readonly recipientName: string; readonly purpose: ConsentPurpose },
  options: { readonly db: Parameters<typeof loadExportSourceForCase>[0]; readonly now: Date },
): Promise<
  | { readonly ok: true; readonly source: ReferralExportSource }
  | { readonly ok: false; readonly reason: SkipReason; readonly message: string }
> {
  const loaded = await loadExportSourceForCase(options.db, {
    caseId,
    referralId: null,
    recipientName: disclosure.recipientName,
    consentId: null,
    actor,
    now: options.now,
  });
  if (loaded.ok) return loaded;
  if (loaded.kind === 'consent') return { ok: false, reason: loaded.reason, message: loaded.message };
  return { ok: false, reason: 'not_found', message: NOT_FOUND_MESSAGE };
}
