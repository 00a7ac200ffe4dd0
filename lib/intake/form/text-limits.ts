/**
 * The length limit of each text answer, read from the form values schema (which takes its numbers
 * from the intake schemas' limits), so the form's `maxLength`, its character count and the draft
 * save all use the one number the schema enforces — never a copy.
 *
 * Pure and client-safe.
 */
import { z } from 'zod';

import { getFormValue, pathSegments, setFormValue } from './paths';
import { IntakeFormValuesSchema } from './values';

/** The schema for one field path of `schema`, or undefined when the path leads nowhere. */
function schemaAt(schema: z.ZodType, segments: ReadonlyArray<string | number>): z.ZodType | undefined {
  let current: z.ZodType | undefined = schema;
  for (const segment of segments) {
    while (current instanceof z.ZodOptional || current instanceof z.ZodNullable || current instanceof z.ZodDefault)
      current = current.unwrap() as z.ZodType;
    if (current instanceof z.ZodArray && typeof segment === 'number') current = current.element as z.ZodType;
    else if (current instanceof z.ZodObject && typeof segment === 'string')
      current = (current.shape as Record<string, z.ZodType | undefined>)[segment];
    else return undefined;
    if (current === undefined) return undefined;
  }
  while (current instanceof z.ZodOptional || current instanceof z.ZodNullable || current instanceof z.ZodDefault)
    current = current.unwrap() as z.ZodType;
  return current;
}

/** The most characters `schema` accepts at `path` ("patient.firstName", "substances[0].name"), or null. */
export function textLimitIn(schema: z.ZodType, path: string): number | null {
  const field = schemaAt(schema, pathSegments(path));
  return field instanceof z.ZodString ? field.maxLength : null;
}

/** The most characters the form keeps for the text answer at `path`, or null when it has no limit. */
export function formTextLimit(path: string): number | null {
  return textLimitIn(IntakeFormValuesSchema, path);
}

/** The count appears once four fifths of the limit are used. */
const COUNT_FROM = 0.8;

export interface TextLengthFeedback {
  /** The `maxLength` attribute, or undefined for an answer with no limit. */
  readonly maxLength: number | undefined;
  /** "95 of 100 characters" from four fifths of the limit on. */
  readonly counter: string | undefined;
  /** What to fix, when the answer is over its limit (a draft from an older form, a script's paste). */
  readonly tooLong: string | undefined;
}

/** What the form shows about the length of the answer at `path`, labelled `label`. */
export function textLengthFeedback(path: string, label: string, length: number): TextLengthFeedback {
  const limit = formTextLimit(path);
  if (limit === null) return { maxLength: undefined, counter: undefined, tooLong: undefined };
  const counter = length >= limit * COUNT_FROM ? `${length} of ${limit} characters` : undefined;
  if (length <= limit) return { maxLength: limit, counter, tooLong: undefined };
  const name = label.replace(/\s*\(optional\)$/, '');
  return {
    maxLength: limit,
    counter,
    tooLong: `${name} is ${length} characters; the limit is ${limit}. Shorten it by ${length - limit} — until then the draft keeps only the first ${limit}.`,
  };
}

/** A field path from a zod issue path: ['substances', 0, 'name'] → "substances[0].name". */
export function formPathOf(segments: ReadonlyArray<PropertyKey>): string {
  return segments
    .map((segment, index) =>
      typeof segment === 'number' ? `[${segment}]` : `${index === 0 ? '' : '.'}${String(segment)}`,
    )
    .join('');
}

export interface TooLongAnswer {
  readonly path: string;
  /** The limit, in characters. */
  readonly maximum: number;
  /** How long the answer was. */
  readonly length: number;
}

export type FittedFormValues =
  | { readonly ok: true; readonly values: z.output<typeof IntakeFormValuesSchema>; readonly tooLong: TooLongAnswer[] }
  | { readonly ok: false; readonly paths: string[] };

/**
 * Checks what a browser sent against the form's shape. A text answer over its limit does not make
 * the whole answer set unusable: it is cut to its limit and reported, so a draft save keeps every
 * other answer and the form can mark the one field. Anything else wrong with the shape is refused,
 * with the paths of what is wrong.
 */
export function fitFormValuesToLimits(input: unknown): FittedFormValues {
  const first = IntakeFormValuesSchema.safeParse(input);
  if (first.success) return { ok: true, values: first.data, tooLong: [] };
  const tooLong: TooLongAnswer[] = [];
  let cut: unknown = input;
  for (const issue of first.error.issues) {
    const path = formPathOf(issue.path);
    if (issue.code !== 'too_big' || issue.origin !== 'string') return { ok: false, paths: pathsOf(first.error) };
    const maximum = Number(issue.maximum);
    const value = getFormValue(input, path);
    if (typeof value !== 'string') return { ok: false, paths: pathsOf(first.error) };
    tooLong.push({ path, maximum, length: value.length });
    cut = setFormValue(cut, path, value.slice(0, maximum));
  }
  const second = IntakeFormValuesSchema.safeParse(cut);
  if (!second.success) return { ok: false, paths: pathsOf(second.error) };
  return { ok: true, values: second.data, tooLong };
}

function pathsOf(error: z.ZodError): string[] {
  return [...new Set(error.issues.map((issue) => formPathOf(issue.path) || '(the whole form)'))];
}
