/** Form values for tests, built from the intake fixtures so they stay in step with the schema. */
import klonopinDaily from '@/tests/fixtures/intakes/klonopin-daily-8-months.json';
import v2KlonopinDaily from '@/tests/fixtures/intakes/v2-klonopin-daily-8-months.json';
import v2PregnantHeroin from '@/tests/fixtures/intakes/v2-pregnant-heroin-fentanyl-xanax.json';
import { intakeToFormValues } from '@/lib/intake/form/from-intake';
import type { IntakeFormValues } from '@/lib/intake/form/values';
import { makeIntakeSchema, makeIntakeV2Schema, type Intake } from '@/lib/intake';

export const TEST_TODAY = '2025-06-01';

/** Daily street Klonopin for 8 months, as the v2 form holds it. */
export function klonopinDailyFormValues(): IntakeFormValues {
  return intakeToFormValues(makeIntakeV2Schema({ today: TEST_TODAY }).parse(v2KlonopinDaily));
}

/** Pregnant (18 weeks), heroin daily with fentanyl and street Xanax (issue 8's Playwright scenario). */
export function pregnantHeroinFormValues(): IntakeFormValues {
  return intakeToFormValues(makeIntakeV2Schema({ today: TEST_TODAY }).parse(v2PregnantHeroin));
}

/** The v1 Klonopin intake (for the v1 → v2 form upgrade). */
export function klonopinDailyV1Intake(): Intake {
  return makeIntakeSchema({ today: TEST_TODAY }).parse(klonopinDaily);
}
