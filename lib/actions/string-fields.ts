import { z } from 'zod';

/**
 * The input of a form action whose service applies the real rules itself: every field as a
 * string (defineFormAction reads an absent one as '').
 */
export const stringFields = <const Field extends string>(fields: readonly Field[]) =>
  z.object(Object.fromEntries(fields.map((field) => [field, z.string()])) as Record<Field, z.ZodString>);
