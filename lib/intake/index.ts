/**
 * The intake: v1 and v2 side by side (issue 8), one entry point that dispatches on `intakeVersion`
 * ({@link parseIntake}). The pre-v2 names (`IntakeSchema`, `Intake`, `makeIntakeSchema`, …) still
 * mean v1, so code written before v2 keeps compiling and stored v1 cases keep their v1 schema.
 */
export {
  INTAKE_LIMITS,
  IntakeDraftSchema,
  IntakeSchema,
  makeIntakeDraftSchema,
  intakeSchemaOn,
  makeIntakeSchema,
  type Intake,
  type IntakeV1,
  type IntakeDraft,
  type IntakeNotes,
  type IntakeSchemaOptions,
  type IntakeSubstance,
} from './v1/schema';
export {
  INTAKE_V2_LIMITS,
  INTAKE_V2_VERSION,
  IntakeV2DraftSchema,
  IntakeV2Schema,
  WITHDRAWAL_SCORE_NEEDS,
  intakeV2SchemaOn,
  makeIntakeV2DraftSchema,
  makeIntakeV2Schema,
  type IntakeV2,
  type IntakeV2Draft,
  type IntakeV2EmergencyContact,
  type IntakeV2Notes,
  type IntakeV2OverdoseRisk,
  type IntakeV2Patient,
  type IntakeV2Substance,
} from './v2/schema';
export {
  AnyIntakeDraftSchema,
  AnyIntakeSchema,
  INTAKE_VERSION_MESSAGE,
  intakeVersionOf,
  isIntakeV2,
  makeAnyIntakeDraftSchema,
  makeAnyIntakeSchema,
  parseIntake,
  type AnyIntake,
  type AnyIntakeDraft,
  type IntakeVersion,
} from './parse-intake';
export { formatIntakeIssues, formatIssuePath, type IntakeIssue } from './format-issues';
export { ageInYears, daysBetween, isCalendarDate, localCalendarDate, type CalendarDate } from './calendar-date';
export * from './options';
