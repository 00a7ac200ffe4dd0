'use client';

import { usePathname } from 'next/navigation';
import { useState } from 'react';

import { TransitionLink, usePendingNavigation } from '@/components/navigation/soft-links';

/**
 * The main navigation. A click shows as pending until the page is there: the link pulses and is
 * aria-busy (pages such as the case list have no loading.tsx); Next's route announcer reads the
 * new page's title when it is there. No live region of its own: it would be on every staff page,
 * beside the page's own status messages.
 */
export function StaffNav({ items }: { items: ReadonlyArray<{ href: string; label: string }> }) {
  const pathname = usePathname();
  const [pending, navigate] = usePendingNavigation();
  const [target, setTarget] = useState<string | null>(null);
  const go = (href: string) => {
    setTarget(href);
    navigate(href);
  };
  const matches = (href: string) => pathname === href || pathname.startsWith(`${href}/`);
  // The longest matching entry is the current one: /cases/mine is "My cases", not also "Cases".
  const currentHref = items
    .map((item) => item.href)
    .filter(matches)
    .sort((a, b) => b.length - a.length)[0];
  return (
    <nav aria-label="Main" className="flex flex-wrap gap-1">
      {items.map((item) => {
        const current = item.href === currentHref;
        const loading = pending && target === item.href;
        return (
          <TransitionLink
            key={item.href}
            href={item.href}
            navigate={go}
            aria-current={current ? 'page' : undefined}
            aria-busy={loading || undefined}
            className={`${current ? 'nav-link bg-sky-50 text-sky-900' : 'nav-link text-slate-700 hover:bg-slate-100'}${loading ? ' animate-pulse underline motion-reduce:animate-none' : ''}`}
          >
            {item.label}
          </TransitionLink>
        );
      })}
    </nav>
  );
}
