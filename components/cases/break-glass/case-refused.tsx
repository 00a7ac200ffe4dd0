import Link from 'next/link';

/**
 * What a person sees for a case id they cannot open — the same whether the case exists or not,
 * so the page never confirms that a case exists outside their care team.
 */
export function CaseRefused({ caseId }: { caseId: string }) {
  return (
    <div className="space-y-4" data-testid="case-refused">
      <h1 className="text-2xl font-semibold text-slate-900">No case you can open</h1>
      <p className="max-w-2xl text-slate-800">
        There is no case with this id that you created, are assigned to, or are on the care team of.
      </p>
      <p className="max-w-2xl text-slate-800">
        If you need it for a patient&apos;s care, you can break the glass: give a reason, and the case opens for the
        rest of this session. The access is recorded and reviewed by supervisors.
      </p>
      <p>
        <Link href={`/cases/${caseId}/break-glass`} className="font-medium text-sky-900 underline">
          Break the glass
        </Link>
      </p>
    </div>
  );
}
