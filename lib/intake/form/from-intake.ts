/**
 * An intake → form values, the inverse of `formValuesToIntake` for intakes whose instruments were
 * not itemized (item answers cannot be recovered from a total: those instruments come back as
 * "not assessed" unless their items are given). Used by tests and fixtures.
 */
import type { Intake } from '@/lib/intake';

import type { InstrumentItems } from './to-intake';
import { emptyIntakeFormValues, type IntakeFormValues, type ItemizedInstrumentValues, type YesNo } from './values';

const yesNo = (value: boolean): YesNo => (value ? 'yes' : 'no');

function itemized(items: Readonly<Record<string, number>> | undefined): ItemizedInstrumentValues {
  return items ? { status: 'assessed', items } : { status: 'not_assessed', items: {} };
}

export function intakeToFormValues(intake: Intake, instrumentItems: InstrumentItems = {}): IntakeFormValues {
  const empty = emptyIntakeFormValues();
  return {
    patient: {
      firstName: intake.patient.firstName,
      lastName: intake.patient.lastName,
      dateOfBirth: intake.patient.dateOfBirth,
      sex: intake.patient.sex,
      pregnant: yesNo(intake.patient.pregnant),
      mrn: intake.patient.mrn ?? '',
      phone: intake.patient.phone ?? '',
    },
    substances: intake.substances.map((entry, index) => ({
      rowId: `substance-${index + 1}`,
      category: entry.category,
      name: entry.name,
      route: entry.route,
      daysUsedLast30: String(entry.daysUsedLast30),
      durationMonths: String(entry.durationMonths),
      primary: entry.primary,
      lastUse: entry.lastUse ?? '',
    })),
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
      phq9: itemized(instrumentItems.phq9),
      gad7: itemized(instrumentItems.gad7),
      suicidalIdeationWithPlan: yesNo(intake.mentalHealth.suicidalIdeationWithPlan),
      psychosis: yesNo(intake.mentalHealth.psychosis),
    },
    readiness: { stage: intake.readiness.stage },
    relapse: { priorTreatmentEpisodes: String(intake.relapse.priorTreatmentEpisodes) },
    environment: {
      housing: intake.environment.housing,
      livesWithActiveUser: yesNo(intake.environment.livesWithActiveUser),
      supportSystem: intake.environment.supportSystem,
      interpersonalSafetyConcern: yesNo(intake.environment.interpersonalSafetyConcern),
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
