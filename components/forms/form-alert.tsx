import type { FormState } from '@/lib/outcome';

/** The form-level outcome: saved (status) or not saved and why (alert). */
export function FormAlert({ state, id }: { state: FormState; id?: string }) {
  if (state.status === 'idle' || !state.message) return <div id={id} aria-live="polite" />;
  const success = state.status === 'success';
  return (
    <div
      id={id}
      role={success ? 'status' : 'alert'}
      className={`rounded-md border px-3 py-2 text-sm ${success ? 'border-emerald-300 bg-emerald-50 text-emerald-900' : 'border-red-300 bg-red-50 text-red-900'}`}
    >
      {state.message}
    </div>
  );
}
