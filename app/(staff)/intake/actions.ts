'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';

import { defineCallAction, defineFormAction } from '@/lib/actions/define-action';
import { accessActorFor } from '@/lib/cases/break-glass-session';
import { submitIntakeForm } from '@/lib/cases/create-case';
import { findPossibleDuplicates } from '@/lib/cases/duplicates';
import { deleteDraft, deleteDrafts, MAX_DRAFTS_PER_DISCARD, saveDraft } from '@/lib/cases/drafts';
import { describeRecommendation, type FlagView, type RecommendationView } from '@/lib/cases/recommendation-view';
import { formValuesToIntake, type FormIssue } from '@/lib/intake/form/to-intake';
import { urgentFlagsSoFar } from '@/lib/intake/form/urgent-so-far';
import { AnyFormValuesSchema } from '@/lib/intake/form/any-values';
import { fitFormValuesToLimits } from '@/lib/intake/form/text-limits';
import type { IntakeFormValues } from '@/lib/intake/form/values';
import { fail, type ActionResult, type FormState, type Outcome } from '@/lib/outcome';
import { recommendPlacement } from '@/lib/placement';
import type { CaseStatusValue } from '@/lib/cases/status';

// The intake page's server actions (case:create). lib/cases stores drafts and cases with their
// audit events; the live check reads and writes nothing stored.

/** Present, whatever it holds (lib/cases checks the answers themselves). */
const anything = z.unknown().refine((value) => value !== undefined, { error: 'missing' });

const SaveDraftInput = z.object({
  draftId: z.string().nullable(),
  version: z.number().int().nullable(),
  values: anything,
  section: z.string(),
});

export type SaveDraftResult = ActionResult<{
  draftId: string;
  version: number;
  savedAt: string;
  /** Answers over their length limit: saved cut to it (the form marks them). */
  tooLong: string[];
}>;

/** Autosave: creates the draft on the first save, then saves over the version the page holds. */
export const saveIntakeDraftAction = defineCallAction({
  name: 'draft.save',
  permission: 'case:create',
  input: SaveDraftInput,
  invalidMessage: 'Nothing to save. Not saved.',
  handler: async (input, { staff }) => {
    const result = await saveDraft(staff, {
      draftId: input.draftId,
      expectedVersion: input.version,
      values: input.values,
      section: input.section,
    });
    if (!result.ok) return result;
    return {
      ok: true,
      draftId: result.draftId,
      version: result.version,
      savedAt: result.savedAt.toISOString(),
      tooLong: result.tooLong.map((answer) => answer.path),
    };
  },
});

type IntakeCheck =
  | { outcome: 'ready'; recommendation: RecommendationView }
  | { outcome: 'incomplete'; issues: readonly FormIssue[]; urgentSoFar: readonly FlagView[] };
export type IntakeCheckResult = ActionResult<IntakeCheck>;

/**
 * The live review: validates the answers so far as a complete intake and, when they are,
 * returns the recommendation computed here. Reads and writes nothing stored.
 */
export const checkIntakeAction = defineCallAction({
  name: 'intake.check',
  permission: 'case:create',
  input: anything,
  invalidMessage: 'The form sent something it should not have. Reload the page.',
  handler: async (input): Promise<Outcome<IntakeCheck>> => {
    // Assessed today in the program's time zone, as submission does: the v2 rules, the v2 schema.
    // v1 values (a page loaded before intake v2) are upgraded; a v2 answer over its length limit is
    // checked as typed, so the intake schema names the field and its limit.
    const anyVersion = AnyFormValuesSchema.safeParse(input);
    const fitted = anyVersion.success ? null : fitFormValuesToLimits(input);
    if (fitted !== null && !fitted.ok)
      return fail('invalid', 'The form sent something it should not have. Reload the page.');
    const values = anyVersion.success ? anyVersion.data : (input as IntakeFormValues);
    const checked = formValuesToIntake(values);
    // Incomplete: still say at once if the answers so far already make it an emergency.
    if (!checked.ok)
      return { ok: true, outcome: 'incomplete', issues: checked.issues, urgentSoFar: urgentFlagsSoFar(values) };
    return { ok: true, outcome: 'ready', recommendation: describeRecommendation(recommendPlacement(checked.intake)) };
  },
});

/** A match the caller may open: what the notice shows, with the id for its links. */
export interface DuplicateView {
  id: string;
  patientName: string;
  /** YYYY-MM-DD */
  dateOfBirth: string;
  mrn: string | null;
  status: CaseStatusValue;
  /** ISO instant */
  intakeAt: string;
  matchedOn: 'name_and_dob' | 'mrn' | 'both';
}

export type DuplicateCheckResult = ActionResult<{ visible: DuplicateView[]; hidden: number; checked: boolean }>;

/** Bounded like the form's own fields: the check reads only these four answers. */
const patientText = z.string().max(200);

/**
 * The duplicate check: existing cases with this name + date of birth or MRN. Matches outside the
 * caller's access come back as a count only (lib/cases/duplicates.ts). Audited there.
 */
export const checkDuplicatesAction = defineCallAction({
  name: 'case.duplicate_check',
  permission: 'case:create',
  input: z.object({ firstName: patientText, lastName: patientText, dateOfBirth: patientText, mrn: patientText }),
  invalidMessage: 'The form sent something it should not have. Reload the page.',
  handler: async (input, { staff }) => {
    const result = await findPossibleDuplicates(await accessActorFor(staff), input);
    if (!result.ok) return result;
    const { visible, hidden, checked } = result.duplicates;
    return {
      ok: true,
      visible: visible.map((match) => ({ ...match, intakeAt: match.intakeAt.toISOString() })),
      hidden,
      checked,
    };
  },
});

export type SubmitIntakeState = { status: 'idle' } | ActionResult<object, string, FormIssue>;

/** Submits the intake: stores the case (recommendation computed here) and opens its page. */
export const submitIntakeAction = defineCallAction({
  name: 'case.create',
  permission: 'case:create',
  // Only the answers and the draft id are read: anything else in the payload is ignored.
  input: z.object({ values: anything, draftId: z.string().nullable() }),
  invalidMessage: 'Nothing was submitted. Nothing was saved.',
  handler: async (payload, { staff }) => {
    const result = await submitIntakeForm(staff, { values: payload.values, draftId: payload.draftId });
    if (!result.ok) return result;
    redirect(`/cases/${result.caseId}`);
  },
});

/** Discards one of the caller's drafts (for good: it is deleted) and goes back to the drafts. */
export const discardIntakeDraftAction = defineFormAction({
  name: 'draft.delete',
  permission: 'case:create',
  fields: ['draftId'],
  input: z.object({ draftId: z.string().min(1, { error: 'No draft was named. Nothing was discarded.' }) }),
  invalidMessage: 'No draft was named. Nothing was discarded.',
  handler: async (input, { staff }) => {
    const result = await deleteDraft(staff, input.draftId);
    if (!result.ok) return result;
    revalidatePath('/intake');
    redirect('/intake');
  },
});

export type DiscardDraftState = FormState<'draftId'>;

export type DiscardDraftsResult = ActionResult<{ deleted: number }>;

/** Discards the drafts ticked in the list, all or none (lib/cases/drafts.ts deleteDrafts). */
export const discardIntakeDraftsAction = defineCallAction({
  name: 'draft.delete_many',
  permission: 'case:create',
  input: z.object({
    draftIds: z
      .array(z.string())
      .min(1, { error: 'No draft was chosen. Nothing was discarded.' })
      .max(MAX_DRAFTS_PER_DISCARD, {
        error: `At most ${MAX_DRAFTS_PER_DISCARD} drafts can be discarded at once. Nothing was discarded.`,
      }),
  }),
  invalidMessage: 'No draft was chosen. Nothing was discarded.',
  handler: async (input, { staff }) => {
    const result = await deleteDrafts(staff, input.draftIds);
    if (!result.ok) return result;
    revalidatePath('/intake');
    return { ok: true, deleted: result.deleted };
  },
});
