import 'server-only';

import { getPrisma } from '@/lib/db/client';
import type { DbClient } from '@/lib/db/types';
import type { Prisma } from '@/lib/generated/prisma/client';
import { RULES_VERSION_V2 } from '@/lib/placement';

import { OVERRIDE_ROW_SELECT } from './get-case';

export interface AssessmentEntry {
  readonly id: string;
  readonly sequence: number;
  readonly at: Date;
  readonly byName: string;
  /** 1 or 2: the intake schema the assessment was recorded with. */
  readonly intakeVersion: number;
  readonly rulesVersion: string;
  readonly computedLevel: string;
  readonly computedWm: string;
  readonly finalLevel: string;
  readonly finalWm: string;
  /** The highest sequence: the one the case's current intake and recommendation come from. */
  readonly isCurrent: boolean;
}

/** One row of the level-of-care history: an assessment (computed → final) or a later override. */
export type LevelOfCareEntry =
  | {
      readonly kind: 'assessment';
      readonly key: string;
      readonly at: Date;
      readonly byName: string;
      readonly sequence: number;
      readonly rulesVersion: string;
      readonly computedLevel: string;
      readonly computedWm: string;
      readonly finalLevel: string;
      readonly finalWm: string;
      readonly reason: string | null;
    }
  | {
      readonly kind: 'override';
      readonly key: string;
      readonly at: Date;
      readonly byName: string;
      readonly previousLevel: string;
      readonly previousWm: string;
      readonly finalLevel: string;
      readonly finalWm: string;
      readonly reason: string;
    };

export interface CaseAssessmentHistory {
  /** Newest first. */
  readonly assessments: readonly AssessmentEntry[];
  /** Newest first: assessments and overrides together, both append-only. */
  readonly levelOfCare: readonly LevelOfCareEntry[];
}

/** The assessment and override rows of the history, shared with the case page's loader (lib/cases/case-page-sections.ts). */
export const ASSESSMENT_HISTORY_QUERY = {
  assessments: {
    orderBy: { sequence: 'desc' },
    select: {
      id: true,
      sequence: true,
      at: true,
      rulesVersion: true,
      computedLevel: true,
      computedWm: true,
      finalLevel: true,
      finalWm: true,
      overrideReason: true,
      by: { select: { displayName: true } },
    },
  },
  overrides: { orderBy: { at: 'desc' }, select: OVERRIDE_ROW_SELECT },
} as const satisfies {
  assessments: Prisma.CaseAssessmentFindManyArgs;
  overrides: Prisma.CaseOverrideFindManyArgs;
};

type AssessmentRow = Prisma.CaseAssessmentGetPayload<{ select: typeof ASSESSMENT_HISTORY_QUERY.assessments.select }>;
type OverrideRow = Prisma.CaseOverrideGetPayload<{ select: typeof OVERRIDE_ROW_SELECT }>;

/**
 * A case's assessments and its level-of-care history. Read only after getCase allowed (and
 * audited) the view. Each assessment keeps the rules version it was scored with.
 */
export async function getAssessmentHistory(
  caseId: string,
  options: { readonly db?: DbClient } = {},
): Promise<CaseAssessmentHistory> {
  const db = options.db ?? getPrisma();
  const [assessments, overrides] = await Promise.all([
    db.caseAssessment.findMany({ where: { caseId }, ...ASSESSMENT_HISTORY_QUERY.assessments }),
    db.caseOverride.findMany({ where: { caseId }, ...ASSESSMENT_HISTORY_QUERY.overrides }),
  ]);
  return toAssessmentHistory(assessments, overrides);
}

/** The history from its rows, each list newest first as ASSESSMENT_HISTORY_QUERY orders them. */
export function toAssessmentHistory(
  assessments: readonly AssessmentRow[],
  overrides: readonly OverrideRow[],
): CaseAssessmentHistory {
  const current = assessments[0]?.sequence;
  const levelOfCare: LevelOfCareEntry[] = [
    ...assessments.map((row): LevelOfCareEntry => ({
      kind: 'assessment',
      key: `a-${row.id}`,
      at: row.at,
      byName: row.by.displayName,
      sequence: row.sequence,
      rulesVersion: row.rulesVersion,
      computedLevel: row.computedLevel,
      computedWm: row.computedWm,
      finalLevel: row.finalLevel,
      finalWm: row.finalWm,
      reason: row.overrideReason,
    })),
    ...overrides.map((row): LevelOfCareEntry => ({
      kind: 'override',
      key: `o-${row.id}`,
      at: row.at,
      byName: row.by.displayName,
      previousLevel: row.previousLevel,
      previousWm: row.previousWm,
      finalLevel: row.level,
      finalWm: row.wm,
      reason: row.reason,
    })),
  ].sort((a, b) => b.at.getTime() - a.at.getTime());
  return {
    assessments: assessments.map((row) => ({
      id: row.id,
      sequence: row.sequence,
      at: row.at,
      byName: row.by.displayName,
      // A v1 intake is scored by v1 rules and a v2 intake by v2 (checked as each case is read).
      intakeVersion: row.rulesVersion === RULES_VERSION_V2 ? 2 : 1,
      rulesVersion: row.rulesVersion,
      computedLevel: row.computedLevel,
      computedWm: row.computedWm,
      finalLevel: row.finalLevel,
      finalWm: row.finalWm,
      isCurrent: row.sequence === current,
    })),
    levelOfCare,
  };
}
