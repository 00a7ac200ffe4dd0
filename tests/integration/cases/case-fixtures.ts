// Intakes and form values for the case integration tests, from the shared intake fixtures.
import { intakeToFormValues } from '@/lib/intake/form/from-intake';
import type { IntakeFormValues } from '@/lib/intake/form/values';
import { makeIntakeSchema, makeIntakeV2Schema, type Intake, type IntakeV2 } from '@/lib/intake';
import klonopinDaily from '@/tests/fixtures/intakes/klonopin-daily-8-months.json';
import v2KlonopinDaily from '@/tests/fixtures/intakes/v2-klonopin-daily-8-months.json';
import severeAlcohol from '@/tests/fixtures/intakes/alcohol-severe-withdrawal-seizure-history.json';

export const TEST_TODAY = '2025-06-01';
const schema = makeIntakeSchema({ today: TEST_TODAY });

export function klonopinDailyIntake(patient: Partial<Intake['patient']> = {}): Intake {
  const intake = schema.parse(klonopinDaily);
  return { ...intake, patient: { ...intake.patient, ...patient } };
}

export function severeAlcoholIntake(patient: Partial<Intake['patient']> = {}): Intake {
  const intake = schema.parse(severeAlcohol);
  return { ...intake, patient: { ...intake.patient, ...patient } };
}

/** The same patient as intake v2 (what the form builds), assessed on TEST_TODAY. */
export function klonopinDailyV2Intake(patient: Partial<IntakeV2['patient']> = {}): IntakeV2 {
  const intake = makeIntakeV2Schema({ today: TEST_TODAY }).parse(v2KlonopinDaily);
  return { ...intake, patient: { ...intake.patient, ...patient } };
}

/** The v2 form's values for daily Klonopin (submitting them stores a v2 case). */
export function klonopinDailyValues(patient: Partial<IntakeV2['patient']> = {}): IntakeFormValues {
  return intakeToFormValues(klonopinDailyV2Intake(patient));
}
