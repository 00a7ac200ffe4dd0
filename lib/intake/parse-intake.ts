/**
 * The one entry point for an intake of any version (issue 8): `intakeVersion` absent → v1,
 * `intakeVersion: 2` → v2, anything else → one issue naming `intakeVersion`. Stored v1 cases keep
 * validating with the v1 schema, so a clinical record is never re-read under rules it was not
 * written for.
 */
import { z } from 'zod';
import type { CalendarDate } from './calendar-date';
import type { IntakeSchemaOptions } from './schema-options';
import {
  IntakeDraftSchema,
  IntakeSchema,
  intakeSchemaOn,
  makeIntakeDraftSchema,
  makeIntakeSchema,
  type IntakeDraft,
  type IntakeV1,
} from './v1/schema';
import {
  INTAKE_V2_VERSION,
  IntakeV2DraftSchema,
  IntakeV2Schema,
  intakeV2SchemaOn,
  makeIntakeV2DraftSchema,
  makeIntakeV2Schema,
  type IntakeV2,
  type IntakeV2Draft,
} from './v2/schema';

/** A valid intake of either version; narrow with {@link isIntakeV2}. */
export type AnyIntake = IntakeV1 | IntakeV2;
export type AnyIntakeDraft = IntakeDraft | IntakeV2Draft;
export type IntakeVersion = 1 | typeof INTAKE_V2_VERSION;

export const INTAKE_VERSION_MESSAGE = 'Intake version must be 2, or left out for a version 1 intake';

/** The version an intake (or draft) declares, or null when `intakeVersion` is there but not 2. */
export function intakeVersionOf(input: unknown): IntakeVersion | null {
  // Anything that is not a JSON object is left to the v1 schema, which says what is wrong with it.
  if (input === null || typeof input !== 'object' || Array.isArray(input) || !('intakeVersion' in input)) return 1;
  return input.intakeVersion === INTAKE_V2_VERSION ? INTAKE_V2_VERSION : null;
}

export function isIntakeV2(intake: AnyIntake): intake is IntakeV2 {
  return 'intakeVersion' in intake && intake.intakeVersion === INTAKE_V2_VERSION;
}

function versionIssue(input: unknown): z.core.$ZodIssue {
  const value = (input as { intakeVersion?: unknown }).intakeVersion;
  return { code: 'custom', path: ['intakeVersion'], input: value, message: INTAKE_VERSION_MESSAGE };
}

/** A finished issue is a raw one with its message already written; only the index signature differs. */
const asRawIssue = (issue: z.core.$ZodIssue) => issue as z.core.$ZodIssue & z.core.$ZodRawIssue;

/**
 * One zod schema over both versions, e.g. to validate an array that mixes them:
 * `z.array(makeAnyIntakeSchema({ today }))`. Issues keep the paths and messages of the version's schema.
 */
function dispatching<V1 extends z.ZodType, V2 extends z.ZodType>(v1: V1, v2: V2) {
  return z.unknown().transform((input, ctx): z.output<V1> | z.output<V2> => {
    const version = intakeVersionOf(input);
    if (version === null) {
      ctx.issues.push(asRawIssue(versionIssue(input)));
      return z.NEVER;
    }
    const result = (version === INTAKE_V2_VERSION ? v2 : v1).safeParse(input);
    if (result.success) return result.data as z.output<V1> | z.output<V2>;
    // Finished issues pass through as they are: same paths, same plain messages.
    ctx.issues.push(...result.error.issues.map(asRawIssue));
    return z.NEVER;
  });
}

/** The intake schema for both versions. Pass `today` in tests so results never depend on the clock. */
export function makeAnyIntakeSchema(options: IntakeSchemaOptions = {}) {
  return dispatching(makeIntakeSchema(options), makeIntakeV2Schema(options));
}

/** The draft schema for both versions: a draft without `intakeVersion` is a v1 draft. */
export function makeAnyIntakeDraftSchema(options: IntakeSchemaOptions = {}) {
  return dispatching(makeIntakeDraftSchema(options), makeIntakeV2DraftSchema(options));
}

/** The same as {@link makeAnyIntakeSchema} against the server's current date. */
export const AnyIntakeSchema = dispatching(IntakeSchema, IntakeV2Schema);
export const AnyIntakeDraftSchema = dispatching(IntakeDraftSchema, IntakeV2DraftSchema);

/**
 * Validates an intake of either version. With `today`, uses the schemas built once for that date
 * (cheap enough for every case read); without it, the server's current date.
 * Turn a failure into field paths and plain messages with `formatIntakeIssues(result.error)`.
 */
export function parseIntake(input: unknown, options: IntakeSchemaOptions = {}): z.ZodSafeParseResult<AnyIntake> {
  const version = intakeVersionOf(input);
  if (version === null)
    return { success: false, error: new z.ZodError([versionIssue(input)]) as z.ZodError<AnyIntake> };
  const { today } = options;
  return version === INTAKE_V2_VERSION ? v2SchemaFor(today).safeParse(input) : v1SchemaFor(today).safeParse(input);
}

function v1SchemaFor(today: CalendarDate | undefined) {
  return today === undefined ? IntakeSchema : intakeSchemaOn(today);
}

function v2SchemaFor(today: CalendarDate | undefined) {
  return today === undefined ? IntakeV2Schema : intakeV2SchemaOn(today);
}
