'use client';

import { Search, X } from 'lucide-react';
import { useActionState } from 'react';
import { useFormStatus } from 'react-dom';

import { searchCasesAction } from '@/app/(staff)/cases/actions';
import { CaseListLoadingStatus } from '@/components/cases/list/list-navigation';
import { TextField } from '@/components/forms/field';
import { SubmitButton } from '@/components/forms/submit-button';
import type { FormState } from '@/lib/outcome';

/** The list's loading state while a search (or clearing it) runs: the action redirects to the list. */
function SearchPending() {
  return <CaseListLoadingStatus pending={useFormStatus().pending} />;
}

/**
 * Name / MRN search. The words are POSTed (never put in the URL: they are patient data) and
 * kept for this list in an httpOnly cookie; the filters and sort stay in the URL (`list`: the
 * list's query string, so searching keeps them).
 */
export function CaseSearchForm({ query, list }: { query: string; list: string }) {
  const [state, action] = useActionState<FormState<'q'>, FormData>(searchCasesAction, { status: 'idle' });
  return (
    // New words (or none, after "Clear search") remount the form: the field is uncontrolled.
    <form
      key={query}
      action={action}
      role="search"
      aria-label="Search cases"
      className="flex flex-wrap items-end gap-2"
    >
      <input type="hidden" name="list" value={list} />
      <SearchPending />
      <TextField
        id="case-search"
        name="q"
        type="search"
        label="Name or MRN"
        hint="Any part of a first or last name (one letter off is fine), or the start of an MRN; accents and case do not matter."
        defaultValue={query}
        autoComplete="off"
        spellCheck={false}
        errors={state.fieldErrors?.q ?? []}
        controlClassName="w-72"
      />
      <div className="flex gap-2">
        <SubmitButton name="intent" value="search">
          <Search aria-hidden="true" className="h-4 w-4" />
          Search
        </SubmitButton>
        {query ? (
          <SubmitButton name="intent" value="clear" variant="secondary">
            <X aria-hidden="true" className="h-4 w-4" />
            Clear search
          </SubmitButton>
        ) : null}
      </div>
    </form>
  );
}
