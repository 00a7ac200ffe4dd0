import type { Ref } from 'react';

const TONE = {
  success: { box: 'border-emerald-700 bg-emerald-50 text-emerald-950', text: 'text-emerald-900' },
  error: { box: 'border-red-700 bg-red-50 text-red-900', text: 'text-red-900' },
} as const;

interface FormAlertProps {
  readonly status: 'idle' | 'success' | 'error';
  /** One sentence for the whole form: what was saved, or why nothing was. */
  readonly message?: string | null | undefined;
  readonly id?: string;
  /** 'box' stands out above or below a form; 'text' fits in a table row or under a small form. */
  readonly look?: 'box' | 'text';
  /** For a form that moves focus to its message (sign-in), with tabIndex={-1}. */
  readonly ref?: Ref<HTMLDivElement>;
  readonly tabIndex?: number;
}

/**
 * The form-level outcome: saved (role="status", read out politely) or not saved and why
 * (role="alert", read out at once). The region exists before there is a message, so the first
 * message is announced too.
 */
export function FormAlert({ status, message, id, look = 'box', ref, tabIndex }: FormAlertProps) {
  if (status === 'idle' || !message)
    return <div id={id} ref={ref} tabIndex={tabIndex} aria-live="polite" className="outline-none" />;
  const tone = TONE[status];
  return (
    <div
      id={id}
      ref={ref}
      tabIndex={tabIndex}
      role={status === 'success' ? 'status' : 'alert'}
      className={`outline-none ${look === 'box' ? `rounded-md border-2 px-3 py-2 font-medium ${tone.box}` : `text-sm font-medium ${tone.text}`}`}
    >
      {message}
    </div>
  );
}
