'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';

import { defineFormAction } from '@/lib/actions/define-action';
import { stringFields } from '@/lib/actions/string-fields';
import { accessActorFor } from '@/lib/cases/break-glass-session';
import { addCaseNote } from '@/lib/cases/notes';
import { overrideCase } from '@/lib/cases/override-case';
import { clearCaseSearch, writeCaseSearch } from '@/lib/cases/search-cookie';
import { caseListHref, parseCaseListParams } from '@/lib/cases/list/params';
import { fail } from '@/lib/outcome';

// The case pages' server actions. The wrapper checks the role and reads the form; lib/cases
// validates the input and writes the change with its audit event in one transaction.

const OVERRIDE_FIELDS = ['caseId', 'version', 'level', 'wm', 'reason', 'confirmed'] as const;

/** CLINICIAN and up: override the treatment level and/or WM level, with a reason. */
export const overrideCaseAction = defineFormAction({
  name: 'case.override',
  permission: 'case:override',
  fields: OVERRIDE_FIELDS,
  echo: ['level', 'wm', 'reason'],
  input: stringFields(OVERRIDE_FIELDS),
  invalidMessage: 'The override was not saved. Check the fields marked below.',
  handler: async (input, { staff }) => {
    const result = await overrideCase(await accessActorFor(staff), {
      caseId: input.caseId,
      expectedVersion: input.version || undefined,
      level: input.level,
      wm: input.wm,
      reason: input.reason,
      confirmed: input.confirmed === 'yes',
    });
    if (!result.ok) return result;
    revalidatePath(`/cases/${input.caseId}`);
    return {
      ok: true,
      message: `Override saved: the final level is now ${result.level} with ${result.wm === 'none' ? 'no withdrawal management' : result.wm}.`,
    };
  },
});

const NOTE_FIELDS = ['caseId', 'body'] as const;

/** Adds a note to a case. */
export const addCaseNoteAction = defineFormAction({
  name: 'case.note',
  permission: 'case:note',
  fields: NOTE_FIELDS,
  echo: ['body'],
  input: stringFields(NOTE_FIELDS),
  invalidMessage: 'The note was not saved.',
  handler: async (input, { staff }) => {
    const result = await addCaseNote(await accessActorFor(staff), { caseId: input.caseId, body: input.body });
    if (!result.ok) return result;
    revalidatePath(`/cases/${input.caseId}`);
    return { ok: true, message: 'Note added.' };
  },
});

const SEARCH_FIELDS = ['intent', 'list', 'q'] as const;

/**
 * The case-list search. The words arrive in the POST body and are kept in an httpOnly cookie
 * (lib/cases/search-cookie.ts), never in the URL; the list then opens at page 1.
 */
export const searchCasesAction = defineFormAction({
  name: 'case.search',
  permission: 'case:read',
  fields: SEARCH_FIELDS,
  input: stringFields(SEARCH_FIELDS),
  invalidMessage: 'Nothing to do.',
  handler: async (input, { staff }) => {
    // Back to the same filters and sort (re-read, so only list parameters survive), at page 1.
    const target = caseListHref({ ...parseCaseListParams(new URLSearchParams(input.list)), cursor: null });
    if (input.intent === 'clear') {
      await clearCaseSearch();
      redirect(target);
    }
    if (input.intent !== 'search') return fail('invalid', 'Nothing to do.');
    const query = input.q.trim();
    if (query === '')
      return fail('invalid', 'Type a name or medical record number to search.', {
        fieldErrors: { q: ['Type a name or medical record number'] },
      });
    await writeCaseSearch(staff.id, query);
    redirect(target);
  },
});
