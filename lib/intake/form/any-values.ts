/**
 * What a draft or a request may hold: v2 form values, or v1 form values (no `intakeVersion` key:
 * saved before intake v2, or sent by a page loaded before it), which are upgraded to v2. The
 * output is always v2 form values, so a v1 draft opens in the v2 form and keeps saving (as v2).
 */
import { z } from 'zod';

import { IntakeFormValuesSchema, type IntakeFormValues } from './values';
import { IntakeFormValuesV1Schema, upgradeFormValuesV1 } from './values-v1';

export const AnyFormValuesSchema: z.ZodType<IntakeFormValues, unknown> = z.union([
  IntakeFormValuesSchema,
  IntakeFormValuesV1Schema.transform(upgradeFormValuesV1),
]);
