'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

export function StaffNav({ items }: { items: ReadonlyArray<{ href: string; label: string }> }) {
  const pathname = usePathname();
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
        return (
          <Link
            key={item.href}
            href={item.href}
            aria-current={current ? 'page' : undefined}
            className={current ? 'nav-link bg-sky-50 text-sky-900' : 'nav-link text-slate-700 hover:bg-slate-100'}
          >
            {item.label}
          </Link>
        );
      })}
    </nav>
  );
}
