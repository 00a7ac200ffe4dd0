/**
 * Builders for single intake fields. Each one sets its own error messages, so every rejection
 * says in plain words which rule was broken instead of zod's "Expected number, received string".
 */
import { z } from 'zod';
import { hasNoUnsafeCharacters, unsafeCharacterMessage } from '@/lib/security/unsafe-characters';

import { ageInYears, isCalendarDate, type CalendarDate } from './calendar-date';

/** The part of a zod issue the messages look at. */
interface IssueInput {
  readonly input?: unknown;
}

function requiredOr(required: string, rule: string) {
  return (issue: IssueInput) => (issue.input === undefined ? required : rule);
}

export function wholeNumberField(label: string, min: number, max: number) {
  const rule = `${label} must be a whole number from ${min} to ${max}`;
  const error = requiredOr(`${label} is required`, rule);
  return z.number({ error }).int({ error }).min(min, { error }).max(max, { error });
}

/** An instrument total that may be null when the instrument was not done. */
export function scoreOrNullField(label: string, max: number) {
  const rule = `${label} must be a whole number from 0 to ${max}, or null if it was not done`;
  const error = requiredOr(`${label} is required (null if it was not done)`, rule);
  return z.number({ error }).int({ error }).min(0, { error }).max(max, { error }).nullable();
}

export function yesNoField(label: string) {
  return z.boolean({
    error: requiredOr(`${label} is required`, `${label} must be answered yes or no (true or false)`),
  });
}

/** A yes/no answer that may be null when it is not known (e.g. whether naloxone is on hand). */
export function yesNoOrNullField(label: string) {
  return z
    .boolean({
      error: requiredOr(
        `${label} is required (null if it is not known)`,
        `${label} must be answered yes or no (true or false), or null if it is not known`,
      ),
    })
    .nullable();
}

/** A whole number in a range, or null when it is not known. */
export function wholeNumberOrNullField(label: string, min: number, max: number) {
  const rule = `${label} must be a whole number from ${min} to ${max}, or null`;
  const error = requiredOr(`${label} is required (null if it does not apply or is not known)`, rule);
  return z.number({ error }).int({ error }).min(min, { error }).max(max, { error }).nullable();
}

export function choiceField<const Options extends readonly [string, ...string[]]>(label: string, options: Options) {
  return z.enum(options, {
    error: requiredOr(`${label} is required`, `${label} must be one of: ${options.join(', ')}`),
  });
}

/** Required text: surrounding spaces are dropped and a blank answer counts as missing. */
export function requiredTextField(label: string, maxLength: number) {
  const tooLong = `${label} must be at most ${maxLength} characters`;
  return z
    .string({ error: requiredOr(`${label} is required`, `${label} must be text`) })
    .trim()
    .min(1, { error: `${label} cannot be blank` })
    .max(maxLength, { error: tooLong })
    .refine(hasNoUnsafeCharacters, { error: (issue) => unsafeCharacterMessage(label, issue.input) });
}

/** Free text that may be empty, e.g. clinician notes. */
export function freeTextField(label: string, maxLength: number) {
  return z
    .string({ error: requiredOr(`${label} is required`, `${label} must be text`) })
    .max(maxLength, { error: `${label} must be at most ${maxLength} characters` })
    .refine(hasNoUnsafeCharacters, { error: (issue) => unsafeCharacterMessage(label, issue.input) });
}

export function textListField(label: string, itemLabel: string, maxItems: number, maxItemLength: number) {
  return z
    .array(requiredTextField(itemLabel, maxItemLength), {
      error: requiredOr(
        `${label} is required (an empty list if none)`,
        `${label} must be a list (an empty list if none)`,
      ),
    })
    .max(maxItems, { error: `${label} can list at most ${maxItems} entries` });
}

export interface CalendarDateRules {
  /** Returns today's date, read at each validation so a long-running server never goes stale. */
  readonly today: () => CalendarDate;
  /** When set, the date is a date of birth and must give an age in this range today. */
  readonly ageRange?: { readonly min: number; readonly max: number };
}

/** A real calendar date written YYYY-MM-DD that is not in the future. */
export function calendarDateField(label: string, rules: CalendarDateRules) {
  const format = `${label} must be a real date written YYYY-MM-DD, for example 1984-03-09`;
  // Each issue stops further checks (continue: false), so rules across fields never see a bad date.
  return z.string({ error: requiredOr(`${label} is required`, format) }).superRefine((value, ctx) => {
    if (!isCalendarDate(value)) {
      ctx.addIssue({ code: 'custom', message: format, input: value, continue: false });
      return;
    }
    const today = rules.today();
    // YYYY-MM-DD strings sort in date order, so string comparison is date comparison.
    if (value > today) {
      ctx.addIssue({
        code: 'custom',
        message: `${label} cannot be in the future (today is ${today})`,
        input: value,
        continue: false,
      });
      return;
    }
    if (rules.ageRange) {
      const age = ageInYears(value, today);
      const { min, max } = rules.ageRange;
      if (age < min || age > max) {
        ctx.addIssue({
          code: 'custom',
          message: `${label} gives an age of ${age}; the patient must be ${min} to ${max} years old`,
          input: value,
          continue: false,
        });
      }
    }
  });
}

/**
 * A group of fields, named as a sentence subject ("The patient section").
 * Unknown keys are rejected so a misspelt field is never silently dropped.
 */
export function fieldGroup<Shape extends z.core.$ZodLooseShape>(name: string, shape: Shape) {
  return z.strictObject(shape, {
    error: (issue) => {
      if (issue.code === 'unrecognized_keys') return `${name} has fields the intake does not know`;
      return issue.input === undefined ? `${name} is required` : `${name} must be a group of fields`;
    },
  });
}
