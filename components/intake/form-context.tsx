'use client';

import { createContext, useContext } from 'react';

import type { IntakeFormValues } from '@/lib/intake/form/values';

/** What every intake field needs: the answers, a way to change one, and its visible problems. */
export interface IntakeFieldContext {
  readonly values: IntakeFormValues;
  readonly setValue: (path: string, value: unknown) => void;
  /** The field lost focus: show its problems from now on, and save the draft now. */
  readonly leaveField: (path: string) => void;
  /** Problems to show for this path (empty until the field was left, its section was left, or submit was tried). */
  readonly errorsFor: (path: string) => readonly string[];
  readonly disabled: boolean;
}

export const IntakeFieldsContext = createContext<IntakeFieldContext | null>(null);

export function useIntakeFields(): IntakeFieldContext {
  const context = useContext(IntakeFieldsContext);
  if (!context) throw new Error('Intake fields must be inside <IntakeForm>');
  return context;
}
