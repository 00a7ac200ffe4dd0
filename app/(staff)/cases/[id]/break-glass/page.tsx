import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';

import { BreakGlassForm } from '@/components/cases/break-glass/break-glass-form';
import { requireStaff } from '@/lib/auth/guards';
import { isUuid } from '@/lib/cases/actor';
import { BREAK_GLASS_REASON_MAX, BREAK_GLASS_REASON_MIN } from '@/lib/cases/break-glass';

export const metadata: Metadata = { title: 'Break the glass' };

/** Asks for the reason before opening a case outside the person's care team. Names no patient. */
export default async function BreakGlassPage({ params }: { params: Promise<{ id: string }> }) {
  await requireStaff('case:read');
  const { id } = await params;
  if (!isUuid(id)) notFound();
  return (
    <div className="space-y-5">
      <p>
        <Link href="/cases" className="text-sm font-medium text-sky-900 underline">
          ← All cases
        </Link>
      </p>
      <h1 className="text-2xl font-semibold text-slate-900">Break the glass</h1>
      <p className="max-w-2xl text-slate-800">
        This case is outside your care team. Federal rules (42 CFR Part 2) allow opening it only when you need it. Your
        reason and this access are recorded, and the case stays open to you until you sign out.
      </p>
      <BreakGlassForm caseId={id} min={BREAK_GLASS_REASON_MIN} max={BREAK_GLASS_REASON_MAX} />
    </div>
  );
}
