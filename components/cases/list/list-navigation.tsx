'use client';

import { createContext, useContext, type ComponentProps, type ReactNode } from 'react';

import { TransitionLink, usePendingNavigation } from '@/components/navigation/soft-links';

const Navigate = createContext<((href: string) => void) | null>(null);

/**
 * The case list's loading state. Every way to another list page (a sort, the pager, the filter
 * form, clearing the filters) navigates through one transition here; while it runs the list is
 * aria-busy and dimmed, and CaseListLoadingStatus says "Loading cases…". This replaces the route's
 * loading.tsx, whose skeleton and second flush came with every list response (~4 KB, issue 10).
 * The search form shows its own (its server action, components/cases/case-search-form.tsx).
 */
export function CaseListNavigation({ children }: { children: ReactNode }) {
  const [pending, navigate] = usePendingNavigation();
  return (
    <Navigate.Provider value={navigate}>
      <CaseListLoadingStatus pending={pending} />
      <div aria-busy={pending || undefined} className={pending ? 'space-y-5 opacity-60' : 'space-y-5'}>
        {children}
      </div>
    </Navigate.Provider>
  );
}

/**
 * "Loading cases…" pinned to the top of the window while `pending` (in view wherever the click
 * was: the pager is at the list's foot); an empty live region otherwise, so it is announced.
 */
export function CaseListLoadingStatus({ pending }: { pending: boolean }) {
  return (
    <p
      role="status"
      className={
        pending
          ? 'fixed top-3 left-1/2 z-10 -translate-x-1/2 rounded bg-sky-900 px-3 py-1.5 text-sm font-medium text-white shadow'
          : 'sr-only'
      }
    >
      {pending ? 'Loading cases…' : ''}
    </p>
  );
}

/** Navigate to another list page inside the list's transition (router.push outside the list). */
export function useCaseListNavigate(): (href: string) => void {
  const navigate = useContext(Navigate);
  const [, fallback] = usePendingNavigation();
  return navigate ?? fallback;
}

/** A link to another list page (pager, "Clear filters") that shows the list's loading state. */
export function CaseListLink(link: Omit<ComponentProps<typeof TransitionLink>, 'navigate'>) {
  return <TransitionLink {...link} navigate={useCaseListNavigate()} />;
}
