/**
 * Urgent flags from the answers given so far, before the intake is complete. A seizure now or
 * suicidal thoughts with a plan must not wait for the last question about housing: the coordinator
 * needs to know during the call.
 *
 * No rule is repeated here: every question not answered yet (or answered with something that does
 * not pass its own check) gets the answer that raises nothing — "no", "not assessed", 0 days, an
 * instrument item at its lowest, "taken as prescribed", support at home for withdrawal — and the
 * real placement rules (v2, as the form builds v2 intakes) run on that. Ratings only go up
 * with answers, so an emergency found this way stays when the rest is filled in; one not found
 * yet may still appear.
 */
import type { CalendarDate } from '@/lib/intake';
import { recommendPlacement } from '@/lib/placement';

import { describeRecommendation, type FlagView } from '@/lib/cases/recommendation-view';
import { setFormValue } from './paths';
import { formValuesToIntake } from './to-intake';
import { ITEMIZED_INSTRUMENTS, type IntakeFormValues, type ItemizedInstrumentValues, type YesNo } from './values';

const no = (answer: YesNo): YesNo => answer || 'no';
const zero = (typed: string) => (typed.trim() === '' ? '0' : typed);

function itemsAtLowest(
  key: keyof typeof ITEMIZED_INSTRUMENTS,
  values: ItemizedInstrumentValues,
): ItemizedInstrumentValues {
  if (values.status !== 'assessed') return { status: 'not_assessed', items: {} };
  const instrument = ITEMIZED_INSTRUMENTS[key];
  return {
    status: 'assessed',
    items: Object.fromEntries(
      instrument.items.map((item) => [item.id, values.items[item.id] ?? item.options[0]?.value ?? 0]),
    ),
  };
}

/** The form with every open question given the answer that raises nothing. */
export function withHarmlessAnswers(values: IntakeFormValues): IntakeFormValues {
  const rows =
    values.substances.length > 0
      ? values.substances
      : [
          {
            rowId: 'none',
            category: '',
            name: '',
            route: '',
            daysUsedLast30: '',
            durationMonths: '',
            primary: true,
            prescribed: '',
            lastUse: '',
          } as const,
        ];
  const primaryIndex = Math.max(
    0,
    rows.findIndex((row) => row.primary),
  );
  const { patient, withdrawal, biomedical, mentalHealth, environment, socialNeeds, overdoseRisk } = values;
  return {
    intakeVersion: values.intakeVersion,
    patient: {
      firstName: patient.firstName.trim() || 'Unknown',
      lastName: patient.lastName.trim() || 'Unknown',
      dateOfBirth: patient.dateOfBirth.trim() || '1980-01-01',
      sex: patient.sex || 'unknown',
      pregnancy: patient.pregnancy || 'no',
      gestationalWeeks: patient.gestationalWeeks,
      mrn: patient.mrn,
      phone: patient.phone,
      preferredLanguage: patient.preferredLanguage,
      interpreterNeeded: no(patient.interpreterNeeded),
      coverage: patient.coverage || 'unknown',
      emergencyContact: { given: 'no', name: '', phone: '', relationship: '' },
    },
    substances: rows.map((row, index) => ({
      ...row,
      category: row.category || 'other',
      name: row.name.trim() || 'Unknown',
      route: row.route || 'other',
      daysUsedLast30: zero(row.daysUsedLast30),
      durationMonths: zero(row.durationMonths),
      primary: index === primaryIndex,
      prescribed: row.prescribed || 'yes',
    })),
    overdoseRisk: {
      overdoseLast12Months: no(overdoseRisk.overdoseLast12Months),
      lostTolerance: no(overdoseRisk.lostTolerance),
      usesAlone: no(overdoseRisk.usesAlone),
      naloxoneOnHand: overdoseRisk.naloxoneOnHand || 'unknown',
    },
    treatment: { currentMedication: values.treatment.currentMedication || 'none' },
    withdrawal: {
      ciwaAr: itemsAtLowest('ciwaAr', withdrawal.ciwaAr),
      cows: itemsAtLowest('cows', withdrawal.cows),
      ciwaB:
        withdrawal.ciwaB.status === 'assessed' && withdrawal.ciwaB.total.trim() !== ''
          ? withdrawal.ciwaB
          : { status: 'not_assessed', total: '' },
      historySeizures: no(withdrawal.historySeizures),
      historyDeliriumTremens: no(withdrawal.historyDeliriumTremens),
      historyHallucinations: no(withdrawal.historyHallucinations),
      currentSeizureOrDelirium: no(withdrawal.currentSeizureOrDelirium),
    },
    biomedical: {
      unstableMedical: no(biomedical.unstableMedical),
      needs24hMedical: no(biomedical.needs24hMedical),
      chronicConditions: biomedical.chronicConditions,
    },
    mentalHealth: {
      phq9: itemsAtLowest('phq9', mentalHealth.phq9),
      gad7: itemsAtLowest('gad7', mentalHealth.gad7),
      suicidalIdeationWithPlan: no(mentalHealth.suicidalIdeationWithPlan),
      suicideAttemptLast3Months: no(mentalHealth.suicideAttemptLast3Months),
      homicidalIdeation: no(mentalHealth.homicidalIdeation),
      psychosis: no(mentalHealth.psychosis),
    },
    readiness: { stage: values.readiness.stage || 'action' },
    relapse: { priorTreatmentEpisodes: zero(values.relapse.priorTreatmentEpisodes) },
    environment: {
      housing: environment.housing || 'stable',
      livesWithActiveUser: no(environment.livesWithActiveUser),
      livesAlone: environment.livesAlone,
      supportSystem: environment.supportSystem || 'supportive',
      interpersonalSafetyConcern: no(environment.interpersonalSafetyConcern),
      ambulatoryWithdrawalSupport: environment.ambulatoryWithdrawalSupport || 'yes',
    },
    socialNeeds: {
      employment: socialNeeds.employment || 'employed',
      financialStrain: no(socialNeeds.financialStrain),
      legal: socialNeeds.legal || 'none',
      transportationBarrier: no(socialNeeds.transportationBarrier),
      foodInsecurity: no(socialNeeds.foodInsecurity),
    },
    notes: { substances: '', withdrawal: '', medical: '', mentalHealth: '', social: '', general: '' },
  };
}

/** What an answer that does not pass its own check is replaced with, by the field it is in. */
function harmlessReplacement(path: string): unknown {
  if (/\.(daysUsedLast30|durationMonths|priorTreatmentEpisodes)$/.test(path)) return '0';
  if (path.endsWith('.lastUse')) return '';
  if (path === 'patient.dateOfBirth') return '1980-01-01';
  if (/^patient\.(firstName|lastName)$/.test(path) || /\.name$/.test(path)) return 'Unknown';
  if (/^patient\.(mrn|phone|preferredLanguage|gestationalWeeks)$/.test(path)) return '';
  if (path === 'withdrawal.ciwaB') return { status: 'not_assessed', total: '' };
  if (/^(withdrawal\.(ciwaAr|cows)|mentalHealth\.(phq9|gad7))$/.test(path))
    return { status: 'not_assessed', items: {} };
  if (path === 'biomedical.chronicConditions') return '';
  return undefined;
}

/** The urgent flags (emergencies, self-harm item) that the answers so far already raise. */
export function urgentFlagsSoFar(values: IntakeFormValues, options: { today?: CalendarDate } = {}): FlagView[] {
  let candidate = withHarmlessAnswers(values);
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const checked = formValuesToIntake(candidate, options);
    if (checked.ok) return describeRecommendation(recommendPlacement(checked.intake)).urgentFlags.slice();
    let replaced = false;
    for (const issue of checked.issues) {
      const replacement = harmlessReplacement(issue.path);
      if (replacement !== undefined) {
        candidate = setFormValue(candidate, issue.path, replacement);
        replaced = true;
      }
    }
    if (!replaced) return [];
  }
  return [];
}
