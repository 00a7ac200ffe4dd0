import { OctagonAlert } from 'lucide-react';

import { FLAG_TITLES, type FlagCode } from '@/lib/placement';

/** Urgent flags in a list row: icon + words on dark red, never colour alone. */
export function UrgentFlagBadges({ codes }: { codes: readonly string[] }) {
  if (codes.length === 0) return '—';
  return (
    <ul className="flex flex-wrap gap-1">
      {codes.map((code) => (
        <li
          key={code}
          className="inline-flex items-center gap-1 rounded bg-red-800 px-2 py-0.5 text-xs font-bold text-white"
          data-flag={code}
        >
          <OctagonAlert aria-hidden="true" className="h-3.5 w-3.5" />
          {FLAG_TITLES[code as FlagCode] ?? code}
        </li>
      ))}
    </ul>
  );
}
