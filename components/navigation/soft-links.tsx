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
    const link = event.target instanceof Element ? event.target.closest('a') : null;
    const href = softNavigationHref(
      event,
      link && { href: link.getAttribute('href'), target: link.target, download: link.hasAttribute('download') },
    );
    if (href === null) return;
    event.preventDefault();
    router.push(href);
  };
}

/** The click and the link it landed on, as far as the decision needs them. */
export interface LinkClick {
  readonly defaultPrevented: boolean;
  readonly button: number;
  readonly metaKey: boolean;
  readonly ctrlKey: boolean;
  readonly shiftKey: boolean;
  readonly altKey: boolean;
}
export interface ClickedLink {
  readonly href: string | null;
  readonly target: string;
  readonly download: boolean;
}

/** Where to navigate inside the app for this click, or null to leave it to the browser. */
export function softNavigationHref(click: LinkClick, link: ClickedLink | null): string | null {
  if (!link || click.defaultPrevented || click.button !== 0) return null;
  if (click.metaKey || click.ctrlKey || click.shiftKey || click.altKey) return null;
  const { href } = link;
  if (!href?.startsWith('/') || href.startsWith('//') || link.target || link.download) return null;
  return href;
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
