'use client';

import { Search, X } from 'lucide-react';
import { useActionState } from 'react';

import { searchCasesAction } from '@/app/(staff)/cases/actions';
import { button, textInputClass } from '@/components/intake/ui';
import type { FormState } from '@/lib/outcome';

/**
 * Name / MRN search. The words are POSTed (never put in the URL: they are patient data) and
 * kept for this list in an httpOnly cookie; the status filter stays in the URL.
 */
export function CaseSearchForm({ query, status }: { query: string; status: string | null }) {
  const [state, action, pending] = useActionState<FormState<'q'>, FormData>(searchCasesAction, { status: 'idle' });
  const errors = state.fieldErrors?.q ?? [];
  return (
    <form action={action} role="search" aria-label="Search cases" className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="status" value={status ?? ''} />
      <div>
        <label htmlFor="case-search" className="block font-medium text-slate-900">
          Name or MRN
        </label>
        <input
          id="case-search"
          name="q"
          type="search"
          defaultValue={query}
          autoComplete="off"
          spellCheck={false}
          aria-invalid={errors.length > 0 || undefined}
          aria-describedby={errors.length > 0 ? 'case-search-error' : 'case-search-hint'}
          className={`mt-1 ${textInputClass} w-72`}
        />
        <p id="case-search-hint" className="mt-0.5 text-xs text-slate-700">
          The start of a first name, last name or MRN; accents and case do not matter.
        </p>
        <p id="case-search-error" aria-live="polite" className="text-sm font-medium text-red-800">
          {errors.join(' ')}
        </p>
      </div>
      <div className="mb-6 flex gap-2">
        <button type="submit" name="intent" value="search" className={button.primary} disabled={pending}>
          <Search aria-hidden="true" className="h-4 w-4" />
          Search
        </button>
        {query ? (
          <button type="submit" name="intent" value="clear" className={button.secondary} disabled={pending}>
            <X aria-hidden="true" className="h-4 w-4" />
            Clear search
          </button>
        ) : null}
      </div>
    </form>
  );
}
