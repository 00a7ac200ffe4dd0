// Intakes and form values for the case integration tests, from the shared intake fixtures.
import { intakeToFormValues } from '@/lib/intake/form/from-intake';
import type { IntakeFormValues } from '@/lib/intake/form/values';
import { makeIntakeSchema, type Intake } from '@/lib/intake';
import klonopinDaily from '@/tests/fixtures/intakes/klonopin-daily-8-months.json';
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

export function klonopinDailyValues(patient: Partial<Intake['patient']> = {}): IntakeFormValues {
  return intakeToFormValues(klonopinDailyIntake(patient));
}
