// Server-side helpers for reading a form and reporting its problems (kept out of form-state.ts so
// client components that only need the state type do not bundle zod).
import { z } from 'zod';

/** Field messages from a failed zod parse, keyed by top-level field name. */
export function fieldErrorsOf<Field extends string>(error: z.ZodError): Partial<Record<Field, string[]>> {
  return z.flattenError(error).fieldErrors as Partial<Record<Field, string[]>>;
}

/** A FormData value as a string ('' when missing or a file). */
export function formString(formData: FormData, name: string): string {
  const value = formData.get(name);
  return typeof value === 'string' ? value : '';
}
