// What one referral-summary export is made from (issue 11 items 4–5): the contract between the
// service that authorises and loads a disclosure (lib/referrals/export-access.ts) and the pure
// renderers (the summary model and its PDF in lib/referrals/summary, the FHIR Bundle in lib/fhir).
// Types only: no database, no framework, so the renderers stay pure and testable.
import type { CaseDetail } from '@/lib/cases/get-case';
import type { ConsentView } from '@/lib/consent/service';

/**
 * The BSeR referral (FHIR Task) business statuses of issue 11 item 2, in the order a referral
 * usually moves through them. 'completed' means the patient was admitted by the recipient.
 */
export const REFERRAL_STATUSES = [
  'created',
  'sent',
  'accepted',
  'declined',
  'scheduled',
  'no-show',
  'completed',
  'cancelled',
] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

export interface ReferralStatusEntry {
  readonly status: ReferralStatus;
  readonly at: Date;
  readonly byName: string;
  /** Required for 'declined' and 'cancelled'; null otherwise. */
  readonly reason: string | null;
}

/** A referral as the case page and the exports show it. */
export interface ReferralView {
  readonly id: string;
  readonly caseId: string;
  readonly createdAt: Date;
  readonly referringStaffId: string;
  readonly referringStaffName: string;
  /** Typed now; a programme directory can replace it later (Referral.recipientDirectoryId). */
  readonly recipientName: string;
  readonly recipientAddress: string | null;
  readonly recipientContact: string | null;
  readonly reason: string;
  /** A lib/placement TREATMENT_LEVELS value. */
  readonly requestedLevel: string;
  /** A lib/placement WITHDRAWAL_MANAGEMENT_LEVELS value. */
  readonly requestedWm: string;
  readonly consentId: string;
  readonly status: ReferralStatus;
  /** Oldest first; the first entry is 'created'. */
  readonly history: readonly ReferralStatusEntry[];
}

/**
 * Everything one export of one case needs, already authorised: the consent permits this
 * disclosure to `recipientName` at `generatedAt`.
 */
export interface ReferralExportSource {
  readonly case: CaseDetail;
  /** The referral being sent; null for a bulk export of a case to a recipient without a referral. */
  readonly referral: ReferralView | null;
  /** The consent that permits the disclosure (its copy or clear summary goes with the export). */
  readonly consent: ConsentView;
  /** Who receives the export (the referral's recipient, or the bulk export's). */
  readonly recipientName: string;
  /** The disclosing programme (lib/consent/program.ts PROGRAM_NAME). */
  readonly programName: string;
  readonly generatedAt: Date;
  /** The staff member making the export. */
  readonly generatedByName: string;
}
