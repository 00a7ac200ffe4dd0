/** The answer scale PHQ-9 and GAD-7 share (Pfizer Patient Health Questionnaire family). */
import type { InstrumentOption } from './instrument';

export const TWO_WEEK_FREQUENCY_OPTIONS: readonly InstrumentOption[] = [
  { value: 0, anchor: 'Not at all' },
  { value: 1, anchor: 'Several days' },
  { value: 2, anchor: 'More than half the days' },
  { value: 3, anchor: 'Nearly every day' },
];
