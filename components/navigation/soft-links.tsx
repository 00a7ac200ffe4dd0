'use client';

import { useRouter } from 'next/navigation';
import type { MouseEvent, ReactNode } from 'react';

/**
 * Follows a click on a plain `<a href="/…">` inside the app as next/link would (a client-side
 * navigation, no full page load); a click with a modifier key or another mouse button, a link
 * with a target, or one that leaves the app is left to the browser. Lists of many links use this
 * with plain anchors: one <Link> per row cost more to render than the rows (issue 10,
 * docs/performance.md). Keyboard "Enter" on a focused link is a click too.
 */
export function useFollowLink(): (event: MouseEvent<HTMLElement>) => void {
  const router = useRouter();
  return (event) => {
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const link = event.target instanceof Element ? event.target.closest('a') : null;
    const href = link?.getAttribute('href');
    if (!link || !href?.startsWith('/') || href.startsWith('//') || link.target || link.hasAttribute('download'))
      return;
    event.preventDefault();
    router.push(href);
  };
}

/** A block whose plain links navigate inside the app (see useFollowLink). */
export function SoftLinks({ className, children }: { className?: string; children: ReactNode }) {
  const followLink = useFollowLink();
  return (
    // The clicks come from the links inside, which are focusable and keyboard-operable themselves.
    <div className={className} onClick={followLink}>
      {children}
    </div>
  );
}
