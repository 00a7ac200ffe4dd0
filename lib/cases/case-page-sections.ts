import 'server-only';

import { can } from '@/lib/auth/permissions';
import { CONSENT_QUERY, toConsentView, type ConsentView } from '@/lib/consent/service';
import { getPrisma } from '@/lib/db/client';
import type { DbClient } from '@/lib/db/types';
import {
  EMERGENCY_DISCLOSURE_QUERY,
  toEmergencyDisclosureView,
  type EmergencyDisclosureView,
} from '@/lib/referrals/emergency';
import type { ReferralView } from '@/lib/referrals/export-source';
import { REFERRAL_QUERY, toReferralView } from '@/lib/referrals/service';

import { caseAccessWhere, type AccessActor } from './access';
import { isUuid } from './actor';
import { assignableStaff, CARE_TEAM_PANEL_SELECT, toCareTeamPanel, type CareTeamPanel } from './care-team';
import { ASSESSMENT_HISTORY_QUERY, toAssessmentHistory, type CaseAssessmentHistory } from './reassess-history';
import { STATUS_CHANGE_QUERY, toStatusHistoryEntry, type StatusHistoryEntry } from './workflow/status-history';

/** Everything the case page shows below the case itself (getCase reads and audits that). */
export interface CasePageSections {
  readonly statusHistory: readonly StatusHistoryEntry[];
  readonly assessmentHistory: CaseAssessmentHistory;
  readonly careTeam: CareTeamPanel;
  /** Read once: the consent section lists them and the referral section offers and names them. */
  readonly consents: readonly ConsentView[];
  readonly referrals: readonly ReferralView[];
  readonly emergencyDisclosures: readonly EmergencyDisclosureView[];
}

/**
 * The case page's sections in one statement: the case row filtered by need-to-know
 * (caseAccessWhere, as every read of a case) with each section's rows as a relation, which
 * Prisma's relationJoins reads as JSON subqueries of that one row — so a case outside the actor's
 * access yields null and no section data at all, whoever calls this. The supervisor's staff
 * choices for the care-team forms (not case data) are read alongside, in parallel. Each section's
 * columns, order and mapping are its own module's (the same ones its list function uses). Not
 * audited: show its data only when getCase (which audits the view) allowed it; the case page runs
 * both in parallel.
 */
export async function loadCasePageSections(
  actor: AccessActor,
  caseId: string,
  options: { readonly db?: DbClient } = {},
): Promise<CasePageSections | null> {
  if (!can(actor.role, 'case:read') || !isUuid(caseId)) return null;
  const db = options.db ?? getPrisma();
  const [row, staff] = await Promise.all([
    db.case.findFirst({
      where: { AND: [{ id: caseId }, caseAccessWhere(actor)] },
      relationLoadStrategy: 'join',
      select: {
        statusChanges: STATUS_CHANGE_QUERY,
        ...ASSESSMENT_HISTORY_QUERY,
        ...CARE_TEAM_PANEL_SELECT,
        consents: CONSENT_QUERY,
        referrals: REFERRAL_QUERY,
        emergencyDisclosures: EMERGENCY_DISCLOSURE_QUERY,
      },
    }),
    can(actor.role, 'case:reassign') ? assignableStaff(db) : [],
  ]);
  if (row === null) return null;
  return {
    statusHistory: row.statusChanges.map(toStatusHistoryEntry),
    assessmentHistory: toAssessmentHistory(row.assessments, row.overrides),
    careTeam: toCareTeamPanel(row, staff),
    consents: row.consents.map(toConsentView),
    referrals: row.referrals.map(toReferralView),
    emergencyDisclosures: row.emergencyDisclosures.map(toEmergencyDisclosureView),
  };
}
