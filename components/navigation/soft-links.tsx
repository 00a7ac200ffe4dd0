'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useCallback, useTransition, type ComponentProps, type MouseEvent, type ReactNode } from 'react';

/**
 * Follows a click on a plain `<a href="/…">` inside the app as next/link would (a client-side
 * navigation, no full page load); a click with a modifier key or another mouse button, a link
 * with a target, or one that leaves the app is left to the browser. Lists of many links use this
 * with plain anchors: one <Link> per row cost more to render than the rows (issue 10,
 * docs/performance.md). Keyboard "Enter" on a focused link is a click too.
 */
export function useFollowLink(navigate?: (href: string) => void): (event: MouseEvent<HTMLElement>) => void {
  const router = useRouter();
  const go = navigate ?? ((href: string) => router.push(href));
  return (event) => {
    const link = event.target instanceof Element ? event.target.closest('a') : null;
    const href = softNavigationHref(
      event,
      link && { href: link.getAttribute('href'), target: link.target, download: link.hasAttribute('download') },
    );
    if (href === null) return;
    event.preventDefault();
    go(href);
  };
}

/**
 * router.push inside a transition: `pending` stays true until the new page is shown. The loading
 * state of pages without a loading.tsx (whose skeleton streamed with every response: ~4 KB and a
 * second flush on the case list, issue 10); the caller shows it (aria-busy, a role="status").
 */
export function usePendingNavigation(): readonly [pending: boolean, navigate: (href: string) => void] {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const navigate = useCallback((href: string) => startTransition(() => router.push(href)), [router]);
  return [pending, navigate];
}

/**
 * A next/link (prefetching kept) whose plain clicks go through `navigate` (usePendingNavigation),
 * so the page can show the navigation as pending. Other clicks are the browser's, as with Link.
 */
export function TransitionLink({
  href,
  navigate,
  ...link
}: Omit<ComponentProps<typeof Link>, 'href' | 'onClick'> & { href: string; navigate: (href: string) => void }) {
  return (
    <Link
      href={href}
      {...link}
      onClick={(event) => {
        const target = softNavigationHref(event, {
          href,
          target: event.currentTarget.target,
          download: event.currentTarget.hasAttribute('download'),
        });
        if (target === null) return;
        // Link leaves a click alone when its onClick prevented the default.
        event.preventDefault();
        navigate(target);
      }}
    />
  );
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
