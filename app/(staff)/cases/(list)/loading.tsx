/**
 * Shown while a case list page is fetched (a new filter, sort or page). In the (list) route group
 * so it wraps the list only: a loading boundary above /cases/[id] would make the case page stream
 * its 200 before notFound() could answer 404.
 */
export default function CasesLoading() {
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
