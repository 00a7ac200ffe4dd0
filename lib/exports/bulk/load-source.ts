import 'server-only';

import type { AccessActor } from '@/lib/cases/access';
import { getCase } from '@/lib/cases/get-case';
import { PROGRAM_NAME } from '@/lib/consent/program';
import type { ConsentPurpose } from '@/lib/consent/part2-wording';
import { listCaseConsents } from '@/lib/consent/service';
import type { ReferralExportSource } from '@/lib/referrals/export-source';

import { chooseConsent, NOT_FOUND_MESSAGE, type SkipReason } from './plan';

/**
 * One case's export source for a bulk export, authorised: the case within the actor's access
 * (getCase, audited case.view) and a consent that permits this disclosure now.
 *
 * TODO(lead): replace with `loadExportSourceForCase` from lib/referrals/export-access.ts when both
 * branches land — that is the one authorising loader; this one exists only because it is not on
 * this branch.
 */
export async function loadBulkExportSource(
  actor: AccessActor & { readonly displayName?: string },
  caseId: string,
  disclosure: { readonly recipientName: string; readonly purpose: ConsentPurpose },
  options: { readonly db: NonNullable<NonNullable<Parameters<typeof getCase>[2]>['db']>; readonly now: Date },
): Promise<
  | { readonly ok: true; readonly source: ReferralExportSource }
  | { readonly ok: false; readonly reason: SkipReason; readonly message: string }
> {
  const found = await getCase(actor, caseId, { db: options.db });
  if (!found.ok) return { ok: false, reason: 'not_found', message: NOT_FOUND_MESSAGE };
  const consents = await listCaseConsents(actor, caseId, { db: options.db });
  const chosen = chooseConsent(found.case.status, consents, disclosure, options.now);
  if (!chosen.ok) return chosen;
  return {
    ok: true,
    source: {
      case: found.case,
      referral: null,
      consent: chosen.consent,
      recipientName: disclosure.recipientName,
      programName: PROGRAM_NAME,
      generatedAt: options.now,
      generatedByName: actor.displayName ?? '',
    },
  };
}
