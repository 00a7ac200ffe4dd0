export {
  INTAKE_LIMITS,
  IntakeDraftSchema,
  IntakeSchema,
  makeIntakeDraftSchema,
  intakeSchemaOn,
  makeIntakeSchema,
  type Intake,
  type IntakeDraft,
  type IntakeNotes,
  type IntakeSchemaOptions,
  type IntakeSubstance,
} from './schema';
export { formatIntakeIssues, formatIssuePath, type IntakeIssue } from './format-issues';
export { ageInYears, isCalendarDate, localCalendarDate, type CalendarDate } from './calendar-date';
export * from './options';
