'use client';

import type { ComponentProps, ReactNode } from 'react';
import { useFormStatus } from 'react-dom';

import { buttonClass, type ButtonVariant } from './styles';

interface SubmitButtonProps extends Omit<ComponentProps<'button'>, 'type' | 'className'> {
  readonly children: ReactNode;
  /** What the button says while its form's action runs (it keeps its words when not given). */
  readonly pendingLabel?: string;
  readonly variant?: ButtonVariant;
  /** Classes added to the variant's (width, placement). */
  readonly className?: string;
}

/** A submit button that is disabled, and says so, while its form's action runs. */
export function SubmitButton({
  children,
  pendingLabel,
  variant = 'primary',
  className = '',
  disabled,
  ...button
}: SubmitButtonProps) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      disabled={pending || disabled}
      aria-disabled={pending || disabled || undefined}
      className={className ? `${buttonClass[variant]} ${className}` : buttonClass[variant]}
      {...button}
    >
      {pending && pendingLabel ? pendingLabel : children}
    </button>
  );
}
