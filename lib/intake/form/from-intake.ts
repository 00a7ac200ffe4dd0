/**
 * An intake → form values, the inverse of `formValuesToIntake` for intakes whose instruments were
 * not itemized (item answers cannot be recovered from a total: those instruments come back as
 * "not assessed" unless their items are given). A v1 intake gives the v2 form's values with the
 * questions v2 added unanswered (as a v1 draft opens). Used by tests and fixtures.
 */
import { isIntakeV2, type AnyIntake, type IntakeV2 } from '@/lib/intake';

import type { InstrumentItems } from './to-intake';
import {
  emptyIntakeFormValues,
  type IntakeFormValues,
  type ItemizedInstrumentValues,
  type YesNo,
  type YesNoUnknown,
} from './values';

const yesNo = (value: boolean | undefined): YesNo => (value === undefined ? '' : value ? 'yes' : 'no');
const yesNoUnknown = (value: boolean | null): YesNoUnknown => (value === null ? 'unknown' : yesNo(value));

function itemized(items: Readonly<Record<string, number>> | undefined): ItemizedInstrumentValues {
  return items ? { status: 'assessed', items } : { status: 'not_assessed', items: {} };
}

/** The v2-only answers of an intake, as form values. */
function v2Answers(intake: IntakeV2) {
  const { patient } = intake;
  const contact = patient.emergencyContact;
  return {
    patient: {
      pregnancy: patient.pregnancy,
      gestationalWeeks: patient.gestationalWeeks === null ? '' : String(patient.gestationalWeeks),
      preferredLanguage: patient.preferredLanguage ?? '',
      interpreterNeeded: yesNo(patient.interpreterNeeded),
      coverage: patient.coverage,
      emergencyContact:
        contact === null
          ? { given: 'no' as const, name: '', phone: '', relationship: '' }
          : { given: 'yes' as const, ...contact },
    },
    prescribed: intake.substances.map((entry) => yesNo(entry.prescribed)),
    overdoseRisk: {
      overdoseLast12Months: yesNo(intake.overdoseRisk.overdoseLast12Months),
      lostTolerance: yesNo(intake.overdoseRisk.lostTolerance),
      usesAlone: yesNo(intake.overdoseRisk.usesAlone),
      naloxoneOnHand: yesNoUnknown(intake.overdoseRisk.naloxoneOnHand),
    },
    treatment: { currentMedication: intake.treatment.currentMedication },
    mentalHealth: {
      suicideAttemptLast3Months: yesNo(intake.mentalHealth.suicideAttemptLast3Months),
      homicidalIdeation: yesNo(intake.mentalHealth.homicidalIdeation),
    },
    environment: {
      ambulatoryWithdrawalSupport: yesNo(intake.environment.ambulatoryWithdrawalSupport),
      livesAlone: yesNo(intake.environment.livesAlone),
    },
  };
}

export function intakeToFormValues(intake: AnyIntake, instrumentItems: InstrumentItems = {}): IntakeFormValues {
  const empty = emptyIntakeFormValues();
  const v2 = isIntakeV2(intake) ? v2Answers(intake) : null;
  const v1Pregnancy = 'pregnant' in intake.patient ? yesNo(intake.patient.pregnant) : '';
  return {
    intakeVersion: empty.intakeVersion,
    patient: {
      ...empty.patient,
      firstName: intake.patient.firstName,
      lastName: intake.patient.lastName,
      dateOfBirth: intake.patient.dateOfBirth,
      sex: intake.patient.sex,
      pregnancy: v1Pregnancy,
      mrn: intake.patient.mrn ?? '',
      phone: intake.patient.phone ?? '',
      ...v2?.patient,
    },
    substances: intake.substances.map((entry, index) => ({
      rowId: `substance-${index + 1}`,
      category: entry.category,
      name: entry.name,
      route: entry.route,
      daysUsedLast30: String(entry.daysUsedLast30),
      durationMonths: String(entry.durationMonths),
      primary: entry.primary,
      prescribed: v2?.prescribed[index] ?? '',
      lastUse: entry.lastUse ?? '',
    })),
    overdoseRisk: v2?.overdoseRisk ?? empty.overdoseRisk,
    treatment: v2?.treatment ?? empty.treatment,
    withdrawal: {
      ciwaAr: itemized(instrumentItems.ciwaAr),
      cows: itemized(instrumentItems.cows),
      ciwaB:
        intake.withdrawal.ciwaB === null
          ? { status: 'not_assessed', total: '' }
          : { status: 'assessed', total: String(intake.withdrawal.ciwaB) },
      historySeizures: yesNo(intake.withdrawal.historySeizures),
      historyDeliriumTremens: yesNo(intake.withdrawal.historyDeliriumTremens),
      historyHallucinations: yesNo(intake.withdrawal.historyHallucinations),
      currentSeizureOrDelirium: yesNo(intake.withdrawal.currentSeizureOrDelirium),
    },
    biomedical: {
      unstableMedical: yesNo(intake.biomedical.unstableMedical),
      needs24hMedical: yesNo(intake.biomedical.needs24hMedical),
      chronicConditions: intake.biomedical.chronicConditions.join('\n'),
    },
    mentalHealth: {
      ...empty.mentalHealth,
      phq9: itemized(instrumentItems.phq9),
      gad7: itemized(instrumentItems.gad7),
      suicidalIdeationWithPlan: yesNo(intake.mentalHealth.suicidalIdeationWithPlan),
      psychosis: yesNo(intake.mentalHealth.psychosis),
      ...v2?.mentalHealth,
    },
    readiness: { stage: intake.readiness.stage },
    relapse: { priorTreatmentEpisodes: String(intake.relapse.priorTreatmentEpisodes) },
    environment: {
      ...empty.environment,
      housing: intake.environment.housing,
      livesWithActiveUser: yesNo(intake.environment.livesWithActiveUser),
      supportSystem: intake.environment.supportSystem,
      interpersonalSafetyConcern: yesNo(intake.environment.interpersonalSafetyConcern),
      ...v2?.environment,
    },
    socialNeeds: {
      employment: intake.socialNeeds.employment,
      financialStrain: yesNo(intake.socialNeeds.financialStrain),
      legal: intake.socialNeeds.legal,
      transportationBarrier: yesNo(intake.socialNeeds.transportationBarrier),
      foodInsecurity: yesNo(intake.socialNeeds.foodInsecurity),
    },
    notes: { ...empty.notes, ...intake.notes },
  };
}
