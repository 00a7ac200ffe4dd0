/** Shown while an intake page loads (a draft is read from the server). */
export default function IntakeLoading() {
  return (
    <p role="status" className="text-slate-700">
      Loading the intake…
    </p>
  );
}
