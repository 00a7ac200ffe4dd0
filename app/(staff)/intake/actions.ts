'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';

import { authorizeAction } from '@/lib/auth/guards';
import { submitIntakeForm } from '@/lib/cases/create-case';
import { deleteDraft, saveDraft } from '@/lib/cases/drafts';
import { formValuesToIntake, type FormIssue } from '@/lib/intake/form/to-intake';
import { IntakeFormValuesSchema } from '@/lib/intake/form/values';
import { urgentFlagsSoFar } from '@/lib/intake/form/urgent-so-far';
import { describeRecommendation, type FlagView, type RecommendationView } from '@/lib/cases/recommendation-view';
import { reportUnexpected } from '@/lib/cases/report-unexpected';
import { recommendPlacement } from '@/lib/placement';

// The intake page's server actions. Each is a public POST endpoint: authorize, check the input,
// call lib/cases, and answer saved / not saved with the reason. Results carry `status` and, when
// refused, `authError` (as every form state does), so the browser can say "not saved" and why.

type Denied = { status: 'error'; message: string; authError?: 401 | 403 };

export type SaveDraftResult =
  | { status: 'success'; draftId: string; version: number; savedAt: string }
  | (Denied & { reason?: 'conflict' | 'not_found' | 'invalid' | 'forbidden' | 'error' });

/** Autosave: creates the draft on the first save, then saves over the version the page holds. */
export async function saveIntakeDraftAction(input: { draftId: string | null; version: number | null; values: unknown; section: string }): Promise<SaveDraftResult> {
  const auth = await authorizeAction('case:create');
  if (!auth.ok) return { status: 'error', message: auth.message, authError: auth.status };
  if (typeof input !== 'object' || input === null || !('values' in input)) {
    return { status: 'error', reason: 'invalid', message: 'Nothing to save. Not saved.' };
  }
  const draftId = typeof input.draftId === 'string' ? input.draftId : null;
  const version = typeof input.version === 'number' ? input.version : null;
  try {
    const result = await saveDraft(auth.staff, { draftId, expectedVersion: version, values: input.values, section: input.section });
    if (!result.ok) return { status: 'error', reason: result.reason, message: result.message };
    return { status: 'success', draftId: result.draftId, version: result.version, savedAt: result.savedAt.toISOString() };
  } catch (error) {
    const requestId = await reportUnexpected('draft save', error);
    return { status: 'error', reason: 'error', message: `Not saved: the server could not save just now (request ${requestId}). Retrying.` };
  }
}

export type IntakeCheckResult =
  | { status: 'success'; outcome: 'ready'; recommendation: RecommendationView }
  | { status: 'success'; outcome: 'incomplete'; issues: readonly FormIssue[]; urgentSoFar: readonly FlagView[] }
  | Denied;

/**
 * The live review: validates the answers so far as a complete intake and, when they are,
 * returns the recommendation computed here. Reads and writes nothing stored.
 */
export async function checkIntakeAction(values: unknown): Promise<IntakeCheckResult> {
  const auth = await authorizeAction('case:create');
  if (!auth.ok) return { status: 'error', message: auth.message, authError: auth.status };
  const shape = IntakeFormValuesSchema.safeParse(values);
  if (!shape.success) return { status: 'error', message: 'The form sent something it should not have. Reload the page.' };
  const checked = formValuesToIntake(shape.data);
  // Incomplete: still say at once if the answers so far already make it an emergency.
  if (!checked.ok) return { status: 'success', outcome: 'incomplete', issues: checked.issues, urgentSoFar: urgentFlagsSoFar(shape.data) };
  return { status: 'success', outcome: 'ready', recommendation: describeRecommendation(recommendPlacement(checked.intake)) };
}

export type SubmitIntakeState = { status: 'idle' } | (Denied & { issues?: readonly FormIssue[] });

/** Submits the intake: stores the case (recommendation computed here) and opens its page. */
export async function submitIntakeAction(_previous: SubmitIntakeState, payload: { values: unknown; draftId: string | null }): Promise<SubmitIntakeState> {
  const auth = await authorizeAction('case:create');
  if (!auth.ok) return { status: 'error', message: auth.message, authError: auth.status };
  if (typeof payload !== 'object' || payload === null || payload instanceof FormData || !('values' in payload)) {
    return { status: 'error', message: 'Nothing was submitted. Nothing was saved.' };
  }
  let caseId: string;
  try {
    // Only the answers and the draft id are read: anything else in the payload is ignored.
    const result = await submitIntakeForm(auth.staff, { values: payload.values, draftId: payload.draftId });
    if (!result.ok) return { status: 'error', message: result.message, ...(result.issues ? { issues: result.issues } : {}) };
    caseId = result.caseId;
  } catch (error) {
    const requestId = await reportUnexpected('intake submit', error);
    return { status: 'error', message: `Not saved: the server could not store the case just now (request ${requestId}). Your draft is kept; try again.` };
  }
  redirect(`/cases/${caseId}`);
}

export type DiscardDraftState = { status: 'idle' } | Denied;

/** Discards one of the caller's drafts (for good: it is deleted) and goes back to the drafts. */
export async function discardIntakeDraftAction(_previous: DiscardDraftState, formData: FormData): Promise<DiscardDraftState> {
  const auth = await authorizeAction('case:create');
  if (!auth.ok) return { status: 'error', message: auth.message, authError: auth.status };
  const draftId = formData instanceof FormData ? formData.get('draftId') : null;
  if (typeof draftId !== 'string' || draftId === '') return { status: 'error', message: 'No draft was named. Nothing was discarded.' };
  const result = await deleteDraft(auth.staff, draftId);
  if (!result.ok) return { status: 'error', message: result.message };
  revalidatePath('/intake');
  redirect('/intake');
}
