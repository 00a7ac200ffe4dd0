/**
 * GAD-7: Generalized Anxiety Disorder 7-item scale.
 * Source: Spitzer RL, Kroenke K, Williams JBW, Löwe B. A brief measure for assessing generalized
 * anxiety disorder: the GAD-7. Arch Intern Med 2006;166(10):1092-1097. No permission required.
 */
import { scoreItems, type InstrumentAnswers, type ItemizedInstrument } from './instrument';
import { TWO_WEEK_FREQUENCY_OPTIONS } from './two-week-frequency';

export const GAD7: ItemizedInstrument = {
  kind: 'itemized',
  id: 'gad7',
  name: 'GAD-7',
  fullName: 'Generalized Anxiety Disorder 7-item scale',
  source: 'Spitzer RL, Kroenke K, Williams JBW, Löwe B. Arch Intern Med 2006;166(10):1092-1097',
  stem: 'Over the last 2 weeks, how often have you been bothered by the following problems?',
  maxTotal: 21,
  items: [
    { id: 'nervous', number: 1, label: 'Feeling nervous, anxious, or on edge', options: TWO_WEEK_FREQUENCY_OPTIONS },
    {
      id: 'uncontrollableWorry',
      number: 2,
      label: 'Not being able to stop or control worrying',
      options: TWO_WEEK_FREQUENCY_OPTIONS,
    },
    {
      id: 'worryingTooMuch',
      number: 3,
      label: 'Worrying too much about different things',
      options: TWO_WEEK_FREQUENCY_OPTIONS,
    },
    { id: 'troubleRelaxing', number: 4, label: 'Trouble relaxing', options: TWO_WEEK_FREQUENCY_OPTIONS },
    {
      id: 'restless',
      number: 5,
      label: 'Being so restless that it is hard to sit still',
      options: TWO_WEEK_FREQUENCY_OPTIONS,
    },
    { id: 'irritable', number: 6, label: 'Becoming easily annoyed or irritable', options: TWO_WEEK_FREQUENCY_OPTIONS },
    {
      id: 'afraid',
      number: 7,
      label: 'Feeling afraid, as if something awful might happen',
      options: TWO_WEEK_FREQUENCY_OPTIONS,
    },
  ],
  severityBands: [
    { id: 'minimal', label: 'Minimal anxiety', min: 0, max: 4 },
    { id: 'mild', label: 'Mild anxiety', min: 5, max: 9 },
    { id: 'moderate', label: 'Moderate anxiety', min: 10, max: 14 },
    { id: 'severe', label: 'Severe anxiety', min: 15, max: 21 },
  ],
};

export function scoreGad7(answers: InstrumentAnswers) {
  return scoreItems(GAD7, answers);
}
