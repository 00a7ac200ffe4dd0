/** Form values for tests, built from the intake fixtures so they stay in step with the schema. */
import klonopinDaily from '@/tests/fixtures/intakes/klonopin-daily-8-months.json';
import { intakeToFormValues } from '@/lib/intake/form/from-intake';
import type { IntakeFormValues } from '@/lib/intake/form/values';
import { makeIntakeSchema } from '@/lib/intake';

export const TEST_TODAY = '2025-06-01';

export function klonopinDailyFormValues(): IntakeFormValues {
  return intakeToFormValues(makeIntakeSchema({ today: TEST_TODAY }).parse(klonopinDaily));
}
