'use client';

import Link from 'next/link';
import { useParams } from 'next/navigation';

import { isUuid } from '@/lib/cases/actor';

/**
 * The 404 of a case page — the same whether the case is missing or outside the person's
 * need-to-know, so it never confirms that a case exists. It offers breaking the glass.
 */
export function CaseRefused() {
  const params = useParams<{ id?: string }>();
  const caseId = isUuid(params.id) ? params.id : null;
  return (
    <div className="space-y-4" data-testid="case-refused">
      <h1 className="text-2xl font-semibold text-slate-900">No case you can open</h1>
      <p className="max-w-2xl text-slate-800">
        There is no case with this id that you created, are assigned to, or are on the care team of.
      </p>
      {caseId ? (
        <>
          <p className="max-w-2xl text-slate-800">
            If you need it for a patient&apos;s care, you can break the glass: give a reason, and the case opens for the
            rest of this session. The access is recorded and reviewed by supervisors.
          </p>
          <p>
            <Link href={`/cases/${caseId}/break-glass`} className="font-medium text-sky-900 underline">
              Break the glass
            </Link>
          </p>
        </>
      ) : null}
      <p>
        <Link href="/cases" className="text-sm font-medium text-sky-900 underline">
          ← All cases
        </Link>
      </p>
    </div>
  );
}
