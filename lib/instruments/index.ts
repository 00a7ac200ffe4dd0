/** Rating instruments: item definitions as data, validated scoring and published severity bands. */
import { CIWA_AR } from './ciwa-ar';
import { CIWA_B } from './ciwa-b';
import { COWS } from './cows';
import { GAD7 } from './gad-7';
import type { Instrument, InstrumentId } from './instrument';
import { PHQ9 } from './phq-9';

export * from './instrument';
export { CIWA_AR, scoreCiwaAr } from './ciwa-ar';
export { COWS, scoreCows } from './cows';
export { CIWA_B, scoreCiwaBTotal } from './ciwa-b';
export { PHQ9, PHQ9_SELF_HARM_ITEM_ID, scorePhq9, type Phq9Score } from './phq-9';
export { GAD7, scoreGad7 } from './gad-7';
export { TWO_WEEK_FREQUENCY_OPTIONS } from './two-week-frequency';

/** Every instrument by id, e.g. to show the band next to a total stored in an intake. */
export const INSTRUMENTS: Readonly<Record<InstrumentId, Instrument>> = {
  ciwaAr: CIWA_AR,
  cows: COWS,
  ciwaB: CIWA_B,
  phq9: PHQ9,
  gad7: GAD7,
};
