/** Shown while the case list or a case loads. */
export default function CasesLoading() {
  return (
    <p role="status" className="text-slate-700">
      Loading cases…
    </p>
  );
}
