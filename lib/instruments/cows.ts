/**
 * COWS: Clinical Opiate Withdrawal Scale. Items allow only their published values (pulse has no 3).
 * Source: Wesson DR, Ling W. The Clinical Opiate Withdrawal Scale (COWS).
 * J Psychoactive Drugs 2003;35(2):253-259.
 */
import { optionsExactly, scoreItems, type InstrumentAnswers, type ItemizedInstrument } from './instrument';

export const COWS: ItemizedInstrument = {
  kind: 'itemized',
  id: 'cows',
  name: 'COWS',
  fullName: 'Clinical Opiate Withdrawal Scale',
  source: 'Wesson DR, Ling W. J Psychoactive Drugs 2003;35(2):253-259',
  stem: 'For each item, choose the number that best describes the patient’s signs or symptoms. Rate on just the apparent relationship to opiate withdrawal.',
  maxTotal: 48,
  items: [
    {
      id: 'restingPulse',
      number: 1,
      label: 'Resting pulse rate (beats/minute)',
      instructions: 'Measured after the patient is sitting or lying for one minute.',
      options: optionsExactly({
        0: 'pulse rate 80 or below',
        1: 'pulse rate 81–100',
        2: 'pulse rate 101–120',
        4: 'pulse rate greater than 120',
      }),
    },
    {
      id: 'sweating',
      number: 2,
      label: 'Sweating',
      instructions: 'Over the past ½ hour, not accounted for by room temperature or patient activity.',
      options: optionsExactly({
        0: 'no report of chills or flushing',
        1: 'subjective report of chills or flushing',
        2: 'flushed or observable moistness on face',
        3: 'beads of sweat on brow or face',
        4: 'sweat streaming off face',
      }),
    },
    {
      id: 'restlessness',
      number: 3,
      label: 'Restlessness',
      instructions: 'Observation during assessment.',
      options: optionsExactly({
        0: 'able to sit still',
        1: 'reports difficulty sitting still, but is able to do so',
        3: 'frequent shifting or extraneous movements of legs/arms',
        5: 'unable to sit still for more than a few seconds',
      }),
    },
    {
      id: 'pupilSize',
      number: 4,
      label: 'Pupil size',
      options: optionsExactly({
        0: 'pupils pinned or normal size for room light',
        1: 'pupils possibly larger than normal for room light',
        2: 'pupils moderately dilated',
        5: 'pupils so dilated that only the rim of the iris is visible',
      }),
    },
    {
      id: 'boneJointAches',
      number: 5,
      label: 'Bone or joint aches',
      instructions:
        'If the patient was having pain previously, only the additional component attributed to opiate withdrawal is scored.',
      options: optionsExactly({
        0: 'not present',
        1: 'mild diffuse discomfort',
        2: 'patient reports severe diffuse aching of joints/muscles',
        4: 'patient is rubbing joints or muscles and is unable to sit still because of discomfort',
      }),
    },
    {
      id: 'runnyNoseTearing',
      number: 6,
      label: 'Runny nose or tearing',
      instructions: 'Not accounted for by cold symptoms or allergies.',
      options: optionsExactly({
        0: 'not present',
        1: 'nasal stuffiness or unusually moist eyes',
        2: 'nose running or tearing',
        4: 'nose constantly running or tears streaming down cheeks',
      }),
    },
    {
      id: 'giUpset',
      number: 7,
      label: 'GI upset',
      instructions: 'Over the last ½ hour.',
      options: optionsExactly({
        0: 'no GI symptoms',
        1: 'stomach cramps',
        2: 'nausea or loose stool',
        3: 'vomiting or diarrhea',
        5: 'multiple episodes of diarrhea or vomiting',
      }),
    },
    {
      id: 'tremor',
      number: 8,
      label: 'Tremor',
      instructions: 'Observation of outstretched hands.',
      options: optionsExactly({
        0: 'no tremor',
        1: 'tremor can be felt, but not observed',
        2: 'slight tremor observable',
        4: 'gross tremor or muscle twitching',
      }),
    },
    {
      id: 'yawning',
      number: 9,
      label: 'Yawning',
      instructions: 'Observation during assessment.',
      options: optionsExactly({
        0: 'no yawning',
        1: 'yawning once or twice during assessment',
        2: 'yawning three or more times during assessment',
        4: 'yawning several times/minute',
      }),
    },
    {
      id: 'anxietyIrritability',
      number: 10,
      label: 'Anxiety or irritability',
      options: optionsExactly({
        0: 'none',
        1: 'patient reports increasing irritability or anxiousness',
        2: 'patient obviously irritable or anxious',
        4: 'patient so irritable or anxious that participation in the assessment is difficult',
      }),
    },
    {
      id: 'goosefleshSkin',
      number: 11,
      label: 'Gooseflesh skin',
      options: optionsExactly({
        0: 'skin is smooth',
        3: 'piloerection of skin can be felt or hairs standing up on arms',
        5: 'prominent piloerection',
      }),
    },
  ],
  // Published bands start at 5; the form gives 0-4 no name, so "no active withdrawal" is ours.
  severityBands: [
    { id: 'none', label: 'No active withdrawal', min: 0, max: 4 },
    { id: 'mild', label: 'Mild withdrawal', min: 5, max: 12 },
    { id: 'moderate', label: 'Moderate withdrawal', min: 13, max: 24 },
    { id: 'moderately-severe', label: 'Moderately severe withdrawal', min: 25, max: 36 },
    { id: 'severe', label: 'Severe withdrawal', min: 37, max: 48 },
  ],
};

export function scoreCows(answers: InstrumentAnswers) {
  return scoreItems(COWS, answers);
}
