/**
 * PHQ-9: Patient Health Questionnaire, depression module. Item 9 asks about thoughts of self-harm
 * and feeds the intake's `phq9Item9`. Source: Kroenke K, Spitzer RL, Williams JB. The PHQ-9:
 * validity of a brief depression severity measure. J Gen Intern Med 2001;16(9):606-613.
 * Developed with an educational grant from Pfizer; no permission required to reproduce.
 */
import {
  scoreItems,
  type InstrumentAnswers,
  type InstrumentScore,
  type ItemizedInstrument,
  type ScoringResult,
} from './instrument';
import { TWO_WEEK_FREQUENCY_OPTIONS } from './two-week-frequency';

/** Item 9, "Thoughts that you would be better off dead or of hurting yourself in some way". */
export const PHQ9_SELF_HARM_ITEM_ID = 'selfHarmThoughts';

export const PHQ9: ItemizedInstrument = {
  kind: 'itemized',
  id: 'phq9',
  name: 'PHQ-9',
  fullName: 'Patient Health Questionnaire-9',
  source: 'Kroenke K, Spitzer RL, Williams JB. J Gen Intern Med 2001;16(9):606-613',
  stem: 'Over the last 2 weeks, how often have you been bothered by any of the following problems?',
  maxTotal: 27,
  items: [
    {
      id: 'littleInterest',
      number: 1,
      label: 'Little interest or pleasure in doing things',
      options: TWO_WEEK_FREQUENCY_OPTIONS,
    },
    {
      id: 'feelingDown',
      number: 2,
      label: 'Feeling down, depressed, or hopeless',
      options: TWO_WEEK_FREQUENCY_OPTIONS,
    },
    {
      id: 'sleep',
      number: 3,
      label: 'Trouble falling or staying asleep, or sleeping too much',
      options: TWO_WEEK_FREQUENCY_OPTIONS,
    },
    { id: 'tiredness', number: 4, label: 'Feeling tired or having little energy', options: TWO_WEEK_FREQUENCY_OPTIONS },
    { id: 'appetite', number: 5, label: 'Poor appetite or overeating', options: TWO_WEEK_FREQUENCY_OPTIONS },
    {
      id: 'feelingBadAboutSelf',
      number: 6,
      label: 'Feeling bad about yourself — or that you are a failure or have let yourself or your family down',
      options: TWO_WEEK_FREQUENCY_OPTIONS,
    },
    {
      id: 'concentration',
      number: 7,
      label: 'Trouble concentrating on things, such as reading the newspaper or watching television',
      options: TWO_WEEK_FREQUENCY_OPTIONS,
    },
    {
      id: 'movingOrSpeaking',
      number: 8,
      label:
        'Moving or speaking so slowly that other people could have noticed? Or the opposite — being so fidgety or restless that you have been moving around a lot more than usual',
      options: TWO_WEEK_FREQUENCY_OPTIONS,
    },
    {
      id: PHQ9_SELF_HARM_ITEM_ID,
      number: 9,
      label: 'Thoughts that you would be better off dead or of hurting yourself in some way',
      options: TWO_WEEK_FREQUENCY_OPTIONS,
    },
  ],
  severityBands: [
    { id: 'minimal', label: 'Minimal depression', min: 0, max: 4 },
    { id: 'mild', label: 'Mild depression', min: 5, max: 9 },
    { id: 'moderate', label: 'Moderate depression', min: 10, max: 14 },
    { id: 'moderately-severe', label: 'Moderately severe depression', min: 15, max: 19 },
    { id: 'severe', label: 'Severe depression', min: 20, max: 27 },
  ],
};

export interface Phq9Score extends InstrumentScore {
  /** The item 9 answer (0-3), stored separately in the intake as `phq9Item9`. */
  readonly selfHarmItem: number;
}

export function scorePhq9(answers: InstrumentAnswers): ScoringResult<Phq9Score> {
  const result = scoreItems(PHQ9, answers);
  if (!result.ok) return result;
  // scoreItems has checked every item, so item 9 is one of 0..3 here.
  return { ok: true, score: { ...result.score, selfHarmItem: answers[PHQ9_SELF_HARM_ITEM_ID] as number } };
}
