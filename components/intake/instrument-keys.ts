import type { ItemizedInstrument } from '@/lib/instruments';

/**
 * The digits that answer an item, when every item's points are single digits (PHQ-9 and GAD-7:
 * 0–3): typing one on an item answers it and moves to the next item. Null for an instrument whose
 * points go past 9.
 */
export function digitAnswerRange(instrument: ItemizedInstrument): { min: number; max: number } | null {
  const points = instrument.items.flatMap((item) => item.options.map((option) => option.value));
  if (points.length === 0 || points.some((value) => !Number.isInteger(value) || value < 0 || value > 9)) return null;
  return { min: Math.min(...points), max: Math.max(...points) };
}

/** The option a key press answers on `item`: a digit equal to one of its points, else null. */
export function optionForKey(
  item: ItemizedInstrument['items'][number] | undefined,
  key: string,
): { readonly value: number } | null {
  if (!item || !/^\d$/.test(key)) return null;
  return item.options.find((option) => String(option.value) === key) ?? null;
}
