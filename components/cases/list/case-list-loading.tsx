/** Shown while a case list page is fetched (a new filter, sort or page). */
export function CaseListLoading() {
  return (
    <div className="space-y-5" aria-busy="true">
      <h1 className="text-2xl font-semibold text-slate-900">Cases</h1>
      <p role="status" className="text-slate-700">
        Loading cases…
      </p>
      <div className="space-y-2" aria-hidden="true">
        {Array.from({ length: 8 }, (_, i) => (
          <div key={i} className="h-9 animate-pulse rounded bg-slate-200 motion-reduce:animate-none" />
        ))}
      </div>
    </div>
  );
}
