// The case forms' rules (override, note), shared by the forms — which show the same limits — and
// the services that enforce them. Client-safe: zod and the placement vocabulary only.

import { z } from 'zod';

import { TREATMENT_LEVELS, WITHDRAWAL_MANAGEMENT_LEVELS } from '@/lib/placement';
import { hasNoUnsafeCharacters, unsafeCharacterMessage } from '@/lib/security/unsafe-characters';

/** Fewest characters in an override's reason (after trimming): a word or two is not a reason. */
export const OVERRIDE_REASON_MIN = 10;
export const OVERRIDE_REASON_MAX = 2000;

/** Most characters in a case note (after trimming). */
export const NOTE_MAX = 4000;

const keepOr = <const T extends readonly [string, ...string[]]>(options: T, label: string) =>
  z.enum(['', ...options], { error: `${label} must be one of: ${options.join(', ')} (or leave it as it is)` });

/** The override form. '' for a level means "leave it as it is". */
export const OverrideInputSchema = z.object({
  caseId: z.string(),
  expectedVersion: z.coerce
    .number({ error: 'The form did not say which version of the case it shows. Reload the page.' })
    .int(),
  level: keepOr(TREATMENT_LEVELS, 'Treatment level'),
  wm: keepOr(WITHDRAWAL_MANAGEMENT_LEVELS, 'Withdrawal-management level'),
  reason: z
    .string({ error: 'Give the reason for the override' })
    .trim()
    .min(OVERRIDE_REASON_MIN, {
      error: `Give the reason for the override in at least ${OVERRIDE_REASON_MIN} characters`,
    })
    .max(OVERRIDE_REASON_MAX, { error: `Keep the reason under ${OVERRIDE_REASON_MAX} characters` })
    .refine(hasNoUnsafeCharacters, { error: (issue) => unsafeCharacterMessage('The reason', issue.input) }),
  confirmed: z.literal(true, { error: 'Tick the box to confirm that you are overriding the recommendation' }),
});
export type OverrideInput = z.input<typeof OverrideInputSchema>;
export type OverrideField = 'level' | 'wm' | 'reason' | 'confirmed' | 'expectedVersion';

/** A case note's text. */
export const NoteBodySchema = z
  .string({ error: 'Write the note' })
  .trim()
  .min(1, { error: 'Write the note' })
  .max(NOTE_MAX, { error: `Keep the note under ${NOTE_MAX} characters` })
  .refine(hasNoUnsafeCharacters, { error: (issue) => unsafeCharacterMessage('The note', issue.input) });
