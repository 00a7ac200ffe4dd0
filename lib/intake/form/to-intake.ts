/**
 * Form values → an intake v2, checked by the one v2 intake schema. Sums the itemized instruments
 * (the total stored in the intake is always the server's sum, never a number the browser sent),
 * sets `intakeVersion: 2` and `assessedOn` (today in the program's time zone), and reports every
 * problem with its field path, section and a message in plain words.
 *
 * Pure (no clock unless `today` is left out, no database): the server actions call it for the
 * live review and for submission; tests call it with a fixed `today`.
 */
import { calendarDateOf } from '@/lib/format/date-time';
import { CIWA_B, PHQ9_SELF_HARM_ITEM_ID, scoreItems, scoreTotal, type ItemizedInstrument } from '@/lib/instruments';
import {
  INTAKE_V2_VERSION,
  formatIntakeIssues,
  intakeV2SchemaOn,
  type CalendarDate,
  type IntakeV2,
} from '@/lib/intake';

import { sectionOfPath, type IntakeSectionId } from './sections';
import {
  ITEMIZED_INSTRUMENTS,
  type IntakeFormValues,
  type ItemizedInstrumentKey,
  type ItemizedInstrumentValues,
  type TotalInstrumentValues,
  type YesNo,
  type YesNoUnknown,
} from './values';

export interface FormIssue {
  /** The field path as the intake addresses it, e.g. "substances[0].daysUsedLast30". */
  readonly path: string;
  readonly message: string;
  readonly section: IntakeSectionId;
}

/** Item-by-item answers of the instruments that were assessed, kept with the case. */
export type InstrumentItems = Partial<Record<ItemizedInstrumentKey, Readonly<Record<string, number>>>>;

export type FormCheck =
  | { readonly ok: true; readonly intake: IntakeV2; readonly instrumentItems: InstrumentItems }
  | { readonly ok: false; readonly issues: readonly FormIssue[] };

/** '' → left out (the schema then says "… is required"); a whole number → number; anything else as typed. */
function typedNumber(value: string): number | string | undefined {
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  return /^[+-]?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : trimmed;
}

function optionalText(value: string): string | undefined {
  return value.trim() === '' ? undefined : value;
}

function blankToMissing<T extends string>(value: T | ''): T | undefined {
  return value === '' ? undefined : value;
}

function yesNo(value: YesNo): boolean | undefined {
  if (value === '') return undefined;
  return value === 'yes';
}

/** "unknown" is an answer: null. */
function yesNoUnknown(value: YesNoUnknown): boolean | null | undefined {
  if (value === '') return undefined;
  return value === 'unknown' ? null : value === 'yes';
}

const LOCAL_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/**
 * A date as the intake stores it. The form's date inputs send YYYY-MM-DD; a date typed the local
 * way (month/day/year, as en-US staff write it) is read as that date, anything else goes to the
 * schema as typed so its message names the format.
 */
export function typedDate(value: string): string | undefined {
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  const local = LOCAL_DATE.exec(trimmed);
  if (!local) return trimmed;
  return `${local[3]}-${local[1]!.padStart(2, '0')}-${local[2]!.padStart(2, '0')}`;
}

function listNumbers(numbers: readonly number[]): string {
  if (numbers.length <= 1) return numbers.join('');
  return `${numbers.slice(0, -1).join(', ')} and ${numbers[numbers.length - 1]}`;
}

interface InstrumentOutcome {
  /** null when not assessed or not usable yet (the problem is reported separately). */
  readonly total: number | null;
  readonly items?: Readonly<Record<string, number>>;
}

function itemizedTotal(
  instrument: ItemizedInstrument,
  values: ItemizedInstrumentValues,
  path: string,
  issues: FormIssue[],
): InstrumentOutcome {
  const report = (message: string) => issues.push({ path, message, section: sectionOfPath(path) });
  if (values.status === '') {
    report(`${instrument.name}: answer the items or choose “Not assessed”`);
    return { total: null };
  }
  if (values.status === 'not_assessed') return { total: null };

  const answered = Object.fromEntries(
    Object.entries(values.items).filter(([, answer]) => answer !== null && answer !== undefined),
  );
  const result = scoreItems(instrument, answered);
  if (result.ok) return { total: result.score.total, items: answered as Record<string, number> };

  const unanswered = instrument.items.filter((item) => answered[item.id] === undefined).map((item) => item.number);
  if (unanswered.length > 0) {
    report(
      `${instrument.name}: ${unanswered.length === 1 ? 'item' : 'items'} ${listNumbers(unanswered)} not answered yet — answer every item, or choose “Not assessed”`,
    );
  }
  for (const problem of result.problems) {
    if (!problem.message.endsWith('is not answered')) report(problem.message);
  }
  return { total: null };
}

function ciwaBTotal(values: TotalInstrumentValues, path: string, issues: FormIssue[]): InstrumentOutcome {
  const report = (message: string) => issues.push({ path, message, section: sectionOfPath(path) });
  if (values.status === '') {
    report(`${CIWA_B.name}: enter the total or choose “Not assessed”`);
    return { total: null };
  }
  if (values.status === 'not_assessed') return { total: null };
  const typed = typedNumber(values.total);
  if (typed === undefined) {
    report(`${CIWA_B.name}: enter the total (0 to ${CIWA_B.maxTotal}), or choose “Not assessed”`);
    return { total: null };
  }
  const result = scoreTotal(CIWA_B, typed);
  if (!result.ok) {
    for (const problem of result.problems) report(problem.message);
    return { total: null };
  }
  return { total: result.score.total };
}

/** Where the schema reports a problem vs. where the form shows it. */
function formPathFor(path: string): string {
  if (path === 'mentalHealth.phq9Item9') return 'mentalHealth.phq9';
  // "Is there an emergency contact?" is the question that answers a missing contact.
  if (path === 'patient.emergencyContact') return 'patient.emergencyContact.given';
  const conditionLine = /^biomedical\.chronicConditions\[\d+\]$/.exec(path);
  if (conditionLine) return 'biomedical.chronicConditions';
  return path;
}

export interface FormCheckOptions {
  /** YYYY-MM-DD: the assessment day. Leave out for today in the program's time zone (as the server does). */
  readonly today?: CalendarDate;
}

/** Checks form values as a complete v2 intake assessed on `today`. */
export function formValuesToIntake(values: IntakeFormValues, options: FormCheckOptions = {}): FormCheck {
  const issues: FormIssue[] = [];
  const instrumentItems: InstrumentItems = {};
  const itemized = (key: ItemizedInstrumentKey, section: 'withdrawal' | 'mentalHealth') => {
    const group = values[section] as Record<string, unknown>;
    const outcome = itemizedTotal(
      ITEMIZED_INSTRUMENTS[key],
      group[key] as ItemizedInstrumentValues,
      `${section}.${key}`,
      issues,
    );
    if (outcome.items) instrumentItems[key] = outcome.items;
    return outcome;
  };

  const ciwaAr = itemized('ciwaAr', 'withdrawal');
  const cows = itemized('cows', 'withdrawal');
  const ciwaB = ciwaBTotal(values.withdrawal.ciwaB, 'withdrawal.ciwaB', issues);
  const phq9 = itemized('phq9', 'mentalHealth');
  const gad7 = itemized('gad7', 'mentalHealth');

  const chronicConditionLines = values.biomedical.chronicConditions
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');

  const noteEntries = Object.entries(values.notes).filter(([, note]) => note.trim() !== '');

  const today = options.today ?? calendarDateOf(new Date());
  const { patient } = values;
  // For a male patient the question is not asked and the intake says "no" (issue 12 item 5).
  const pregnancy = patient.sex === 'male' ? 'no' : blankToMissing(patient.pregnancy);
  const contact = patient.emergencyContact;
  const input = {
    intakeVersion: INTAKE_V2_VERSION,
    assessedOn: today,
    patient: {
      firstName: optionalText(patient.firstName),
      lastName: optionalText(patient.lastName),
      dateOfBirth: typedDate(patient.dateOfBirth),
      sex: blankToMissing(patient.sex),
      pregnancy,
      // Asked only while pregnancy is "yes"; blank there means the weeks are not known.
      gestationalWeeks: pregnancy === 'yes' ? (typedNumber(patient.gestationalWeeks) ?? null) : null,
      mrn: optionalText(patient.mrn),
      phone: optionalText(patient.phone),
      preferredLanguage: optionalText(patient.preferredLanguage),
      interpreterNeeded: yesNo(patient.interpreterNeeded),
      coverage: blankToMissing(patient.coverage),
      emergencyContact:
        contact.given === ''
          ? undefined
          : contact.given === 'no'
            ? null
            : {
                name: optionalText(contact.name),
                phone: optionalText(contact.phone),
                relationship: optionalText(contact.relationship),
              },
    },
    substances: values.substances.map((row) => ({
      category: blankToMissing(row.category),
      name: optionalText(row.name),
      route: blankToMissing(row.route),
      daysUsedLast30: typedNumber(row.daysUsedLast30),
      durationMonths: typedNumber(row.durationMonths),
      primary: row.primary,
      prescribed: yesNo(row.prescribed),
      lastUse: typedDate(row.lastUse),
    })),
    overdoseRisk: {
      overdoseLast12Months: yesNo(values.overdoseRisk.overdoseLast12Months),
      lostTolerance: yesNo(values.overdoseRisk.lostTolerance),
      usesAlone: yesNo(values.overdoseRisk.usesAlone),
      naloxoneOnHand: yesNoUnknown(values.overdoseRisk.naloxoneOnHand),
    },
    treatment: { currentMedication: blankToMissing(values.treatment.currentMedication) },
    withdrawal: {
      ciwaAr: ciwaAr.total,
      cows: cows.total,
      ciwaB: ciwaB.total,
      historySeizures: yesNo(values.withdrawal.historySeizures),
      historyDeliriumTremens: yesNo(values.withdrawal.historyDeliriumTremens),
      historyHallucinations: yesNo(values.withdrawal.historyHallucinations),
      currentSeizureOrDelirium: yesNo(values.withdrawal.currentSeizureOrDelirium),
    },
    biomedical: {
      unstableMedical: yesNo(values.biomedical.unstableMedical),
      needs24hMedical: yesNo(values.biomedical.needs24hMedical),
      chronicConditions: chronicConditionLines,
    },
    mentalHealth: {
      phq9: phq9.total,
      // Item 9 comes from the PHQ-9 answers themselves, so it can never disagree with the total.
      phq9Item9: phq9.items?.[PHQ9_SELF_HARM_ITEM_ID] ?? null,
      gad7: gad7.total,
      suicidalIdeationWithPlan: yesNo(values.mentalHealth.suicidalIdeationWithPlan),
      suicideAttemptLast3Months: yesNo(values.mentalHealth.suicideAttemptLast3Months),
      homicidalIdeation: yesNo(values.mentalHealth.homicidalIdeation),
      psychosis: yesNo(values.mentalHealth.psychosis),
    },
    readiness: { stage: blankToMissing(values.readiness.stage) },
    relapse: { priorTreatmentEpisodes: typedNumber(values.relapse.priorTreatmentEpisodes) },
    environment: {
      housing: blankToMissing(values.environment.housing),
      livesWithActiveUser: yesNo(values.environment.livesWithActiveUser),
      supportSystem: blankToMissing(values.environment.supportSystem),
      interpersonalSafetyConcern: yesNo(values.environment.interpersonalSafetyConcern),
      ambulatoryWithdrawalSupport: yesNo(values.environment.ambulatoryWithdrawalSupport),
      livesAlone: yesNo(values.environment.livesAlone),
    },
    socialNeeds: {
      employment: blankToMissing(values.socialNeeds.employment),
      financialStrain: yesNo(values.socialNeeds.financialStrain),
      legal: blankToMissing(values.socialNeeds.legal),
      transportationBarrier: yesNo(values.socialNeeds.transportationBarrier),
      foodInsecurity: yesNo(values.socialNeeds.foodInsecurity),
    },
    ...(noteEntries.length > 0 ? { notes: Object.fromEntries(noteEntries) } : {}),
  };

  const parsed = intakeV2SchemaOn(today).safeParse(withoutUndefined(input));
  if (!parsed.success) {
    for (const issue of formatIntakeIssues(parsed.error)) {
      const path = formPathFor(issue.path);
      issues.push({ path, message: issue.message, section: sectionOfPath(path) });
    }
  }
  if (issues.length > 0 || !parsed.success) return { ok: false, issues: dedupe(issues) };
  return { ok: true, intake: parsed.data, instrumentItems };
}

/** Drops keys whose value is undefined, so a missing answer reads "is required" rather than a type error. */
function withoutUndefined(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutUndefined);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, entry]) => entry !== undefined)
        .map(([key, entry]) => [key, withoutUndefined(entry)]),
    );
  }
  return value;
}

function dedupe(issues: readonly FormIssue[]): FormIssue[] {
  const seen = new Set<string>();
  return issues.filter((issue) => {
    const key = `${issue.path}\u0000${issue.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
