'use client';

import type { ReactNode } from 'react';
import { useFormStatus } from 'react-dom';

import { buttonClass } from './button-styles';

/** A submit button that is disabled and says so while its form's action runs. */
export function SubmitButton({ children, pendingLabel, variant = 'primary' }: { children: ReactNode; pendingLabel: string; variant?: keyof typeof buttonClass }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" disabled={pending} aria-disabled={pending} className={buttonClass[variant]}>
      {pending ? pendingLabel : children}
    </button>
  );
}
