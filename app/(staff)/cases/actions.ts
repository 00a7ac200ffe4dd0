'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';

import { authorizeAction } from '@/lib/auth/guards';
import { addCaseNote } from '@/lib/cases/notes';
import { overrideCase, type OverrideField } from '@/lib/cases/override-case';
import { reportUnexpected } from '@/lib/cases/report-unexpected';
import { clearCaseSearch, writeCaseSearch } from '@/lib/cases/search-cookie';
import { isCaseStatus } from '@/lib/cases/status';
import { deniedState, type FormState } from '@/lib/forms/form-state';

// The case pages' server actions: authorize, validate (lib/cases), write + audit in one
// transaction, and answer saved / not saved with field messages.

function text(formData: FormData, name: string): string {
  const value = formData instanceof FormData ? formData.get(name) : null;
  return typeof value === 'string' ? value : '';
}

/** CLINICIAN and up: override the treatment level and/or WM level, with a reason. */
export async function overrideCaseAction(_previous: FormState<OverrideField>, formData: FormData): Promise<FormState<OverrideField>> {
  const auth = await authorizeAction('case:override');
  if (!auth.ok) return deniedState(auth);
  const caseId = text(formData, 'caseId');
  const values = { level: text(formData, 'level'), wm: text(formData, 'wm'), reason: text(formData, 'reason') };
  try {
    const result = await overrideCase(auth.staff, {
      caseId,
      expectedVersion: text(formData, 'version') || undefined,
      ...values,
      confirmed: text(formData, 'confirmed') === 'yes',
    });
    if (!result.ok) return { status: 'error', message: result.message, fieldErrors: 'fieldErrors' in result ? result.fieldErrors : undefined, values };
    revalidatePath(`/cases/${caseId}`);
    return { status: 'success', message: `Override saved: the final level is now ${result.level} with ${result.wm === 'none' ? 'no withdrawal management' : result.wm}.` };
  } catch (error) {
    const requestId = await reportUnexpected('case override', error);
    return { status: 'error', message: `Not saved: the server could not save the override just now (request ${requestId}). Try again.`, values };
  }
}

/** Adds a note to a case. */
export async function addCaseNoteAction(_previous: FormState<'body'>, formData: FormData): Promise<FormState<'body'>> {
  const auth = await authorizeAction('case:note');
  if (!auth.ok) return deniedState(auth);
  const caseId = text(formData, 'caseId');
  const body = text(formData, 'body');
  try {
    const result = await addCaseNote(auth.staff, { caseId, body });
    if (!result.ok) return { status: 'error', message: result.message, fieldErrors: 'fieldErrors' in result ? result.fieldErrors : undefined, values: { body } };
    revalidatePath(`/cases/${caseId}`);
    return { status: 'success', message: 'Note added.' };
  } catch (error) {
    const requestId = await reportUnexpected('case note', error);
    return { status: 'error', message: `Not saved: the server could not add the note just now (request ${requestId}). Try again.`, values: { body } };
  }
}

/**
 * The case-list search. The words arrive in the POST body and are kept in an httpOnly cookie
 * (lib/cases/search-cookie.ts), never in the URL; the list then opens at page 1.
 */
export async function searchCasesAction(_previous: FormState<'q'>, formData: FormData): Promise<FormState<'q'>> {
  const auth = await authorizeAction('case:read');
  if (!auth.ok) return deniedState(auth);
  const intent = text(formData, 'intent');
  const status = text(formData, 'status');
  const target = isCaseStatus(status) ? `/cases?status=${status}` : '/cases';
  if (intent === 'clear') {
    await clearCaseSearch();
    redirect(target);
  }
  if (intent !== 'search') return { status: 'error', message: 'Nothing to do.' };
  const query = text(formData, 'q').trim();
  if (query === '') return { status: 'error', message: 'Type a name or medical record number to search.', fieldErrors: { q: ['Type a name or medical record number'] } };
  await writeCaseSearch(auth.staff.id, query);
  redirect(target);
}
