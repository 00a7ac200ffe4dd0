/**
 * CIWA-Ar: Clinical Institute Withdrawal Assessment for Alcohol, revised.
 * Source: Sullivan JT, Sykora K, Schneiderman J, Naranjo CA, Sellers EM. Assessment of alcohol
 * withdrawal: the revised Clinical Institute Withdrawal Assessment for Alcohol scale (CIWA-Ar).
 * Br J Addict 1989;84:1353-1357. The scale is not copyrighted and may be used freely.
 * Severity bands: ASAM Clinical Practice Guideline on Alcohol Withdrawal Management, 2020 (below).
 */
import { optionsUpTo, scoreItems, type InstrumentAnswers, type ItemizedInstrument } from './instrument';

/** The four hallucination anchors shared by the tactile, auditory and visual items. */
const HALLUCINATION_ANCHORS = {
  4: 'moderately severe hallucinations',
  5: 'severe hallucinations',
  6: 'extremely severe hallucinations',
  7: 'continuous hallucinations',
} as const;

export const CIWA_AR: ItemizedInstrument = {
  kind: 'itemized',
  id: 'ciwaAr',
  name: 'CIWA-Ar',
  fullName: 'Clinical Institute Withdrawal Assessment for Alcohol, revised',
  source:
    'Sullivan JT et al. Br J Addict 1989;84:1353-1357 (not copyrighted); bands: ASAM Alcohol Withdrawal Management Guideline 2020',
  maxTotal: 67,
  items: [
    {
      id: 'nauseaVomiting',
      number: 1,
      label: 'Nausea and vomiting',
      instructions: 'Ask "Do you feel sick to your stomach? Have you vomited?" Observation.',
      options: optionsUpTo(7, {
        0: 'no nausea and no vomiting',
        1: 'mild nausea with no vomiting',
        4: 'intermittent nausea with dry heaves',
        7: 'constant nausea, frequent dry heaves and vomiting',
      }),
    },
    {
      id: 'tactileDisturbances',
      number: 2,
      label: 'Tactile disturbances',
      instructions:
        'Ask "Have you any itching, pins and needles sensations, any burning, any numbness, or do you feel bugs crawling on or under your skin?" Observation.',
      options: optionsUpTo(7, {
        0: 'none',
        1: 'very mild itching, pins and needles, burning or numbness',
        2: 'mild itching, pins and needles, burning or numbness',
        3: 'moderate itching, pins and needles, burning or numbness',
        ...HALLUCINATION_ANCHORS,
      }),
    },
    {
      id: 'tremor',
      number: 3,
      label: 'Tremor',
      instructions: 'Arms extended and fingers spread apart. Observation.',
      options: optionsUpTo(7, {
        0: 'no tremor',
        1: 'not visible, but can be felt fingertip to fingertip',
        4: "moderate, with patient's arms extended",
        7: 'severe, even with arms not extended',
      }),
    },
    {
      id: 'auditoryDisturbances',
      number: 4,
      label: 'Auditory disturbances',
      instructions:
        'Ask "Are you more aware of sounds around you? Are they harsh? Do they frighten you? Are you hearing anything that is disturbing to you? Are you hearing things you know are not there?" Observation.',
      options: optionsUpTo(7, {
        0: 'not present',
        1: 'very mild harshness or ability to frighten',
        2: 'mild harshness or ability to frighten',
        3: 'moderate harshness or ability to frighten',
        ...HALLUCINATION_ANCHORS,
      }),
    },
    {
      id: 'paroxysmalSweats',
      number: 5,
      label: 'Paroxysmal sweats',
      instructions: 'Observation.',
      options: optionsUpTo(7, {
        0: 'no sweat visible',
        1: 'barely perceptible sweating, palms moist',
        4: 'beads of sweat obvious on forehead',
        7: 'drenching sweats',
      }),
    },
    {
      id: 'visualDisturbances',
      number: 6,
      label: 'Visual disturbances',
      instructions:
        'Ask "Does the light appear to be too bright? Is its color different? Does it hurt your eyes? Are you seeing anything that is disturbing to you? Are you seeing things you know are not there?" Observation.',
      options: optionsUpTo(7, {
        0: 'not present',
        1: 'very mild sensitivity',
        2: 'mild sensitivity',
        3: 'moderate sensitivity',
        ...HALLUCINATION_ANCHORS,
      }),
    },
    {
      id: 'anxiety',
      number: 7,
      label: 'Anxiety',
      instructions: 'Ask "Do you feel nervous?" Observation.',
      options: optionsUpTo(7, {
        0: 'no anxiety, at ease',
        1: 'mildly anxious',
        4: 'moderately anxious, or guarded, so anxiety is inferred',
        7: 'equivalent to acute panic states as seen in severe delirium or acute schizophrenic reactions',
      }),
    },
    {
      id: 'headache',
      number: 8,
      label: 'Headache, fullness in head',
      instructions:
        'Ask "Does your head feel different? Does it feel like there is a band around your head?" Do not rate for dizziness or lightheadedness. Otherwise, rate severity.',
      options: optionsUpTo(7, {
        0: 'not present',
        1: 'very mild',
        2: 'mild',
        3: 'moderate',
        4: 'moderately severe',
        5: 'severe',
        6: 'very severe',
        7: 'extremely severe',
      }),
    },
    {
      id: 'agitation',
      number: 9,
      label: 'Agitation',
      instructions: 'Observation.',
      options: optionsUpTo(7, {
        0: 'normal activity',
        1: 'somewhat more than normal activity',
        4: 'moderately fidgety and restless',
        7: 'paces back and forth during most of the interview, or constantly thrashes about',
      }),
    },
    {
      id: 'orientation',
      number: 10,
      label: 'Orientation and clouding of sensorium',
      instructions: 'Ask "What day is this? Where are you? Who am I?"',
      options: optionsUpTo(4, {
        0: 'oriented and can do serial additions',
        1: 'cannot do serial additions or is uncertain about date',
        2: 'disoriented for date by no more than 2 calendar days',
        3: 'disoriented for date by more than 2 calendar days',
        4: 'disoriented for place and/or person',
      }),
    },
  ],
  // Cut-offs vary between published protocols (an older convention is 0-8 / 9-15 / 16+). These
  // are the ones the placement rules use (v1 and v2: 10 and 19), so the band shown next to a total
  // never contradicts the recommendation (issue 8 §3). Source: The ASAM Clinical Practice
  // Guideline on Alcohol Withdrawal Management, J Addict Med 2020;14(3S Suppl 1):1-72 —
  // CIWA-Ar under 10 mild, 10-18 moderate, 19 or more severe.
  severityBands: [
    { id: 'mild', label: 'Mild withdrawal', min: 0, max: 9 },
    { id: 'moderate', label: 'Moderate withdrawal', min: 10, max: 18 },
    { id: 'severe', label: 'Severe withdrawal', min: 19, max: 67 },
  ],
};

export function scoreCiwaAr(answers: InstrumentAnswers) {
  return scoreItems(CIWA_AR, answers);
}
