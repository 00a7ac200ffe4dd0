/**
 * How far an itemized instrument is answered, for the running total shown beside it while staff
 * work. Display only: the total stored in the intake is summed again on the server.
 */
import { severityBandFor, type ItemizedInstrument, type SeverityBand } from '@/lib/instruments';

export interface InstrumentProgress {
  readonly answered: number;
  readonly itemCount: number;
  /** Sum of the answers so far. */
  readonly total: number;
  /** The band of the total, once every item is answered. */
  readonly band: SeverityBand | null;
}

export function instrumentProgress(
  instrument: ItemizedInstrument,
  items: Readonly<Record<string, number | null | undefined>>,
): InstrumentProgress {
  let answered = 0;
  let total = 0;
  for (const item of instrument.items) {
    const answer = items[item.id];
    if (typeof answer === 'number' && item.options.some((option) => option.value === answer)) {
      answered += 1;
      total += answer;
    }
  }
  const itemCount = instrument.items.length;
  return { answered, itemCount, total, band: answered === itemCount ? severityBandFor(instrument, total) : null };
}
