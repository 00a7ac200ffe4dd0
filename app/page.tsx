export default function HomePage() {
  return (
    <main className="mx-auto max-w-3xl p-8">
      <h1 className="text-2xl font-semibold">Intake</h1>
      <p className="mt-2 text-slate-600">Intake and referral dashboard for substance-use treatment programs.</p>
    </main>
  );
}
