import { describe, expect, it } from 'vitest';

import { digitAnswerRange, optionForKey } from '@/components/intake/instrument-keys';
import { CIWA_AR, GAD7, PHQ9 } from '@/lib/instruments';

describe('answering instrument items by digit', () => {
  it('PHQ-9 and GAD-7 answer to 0–3', () => {
    expect(digitAnswerRange(PHQ9)).toEqual({ min: 0, max: 3 });
    expect(digitAnswerRange(GAD7)).toEqual({ min: 0, max: 3 });
  });

  it('a digit answers with the option of that many points; anything else answers nothing', () => {
    const item = PHQ9.items[0];
    expect(optionForKey(item, '2')).toMatchObject({ value: 2 });
    expect(optionForKey(item, '0')).toMatchObject({ value: 0 });
    expect(optionForKey(item, '4')).toBeNull();
    expect(optionForKey(item, 'a')).toBeNull();
    expect(optionForKey(item, '12')).toBeNull();
    expect(optionForKey(undefined, '1')).toBeNull();
  });

  it('an instrument with points past 9 does not answer to digits', () => {
    const wide = { ...CIWA_AR, items: [{ ...CIWA_AR.items[0]!, options: [{ value: 0 }, { value: 10 }] }] };
    expect(digitAnswerRange(wide)).toBeNull();
  });
});
