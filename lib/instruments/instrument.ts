/**
 * What every rating instrument shares: items with their allowed answers, a total range and the
 * published severity bands, plus scoring that checks each answer before adding it up.
 */

export type InstrumentId = 'ciwaAr' | 'cows' | 'ciwaB' | 'phq9' | 'gad7';

export interface InstrumentOption {
  readonly value: number;
  /** The published anchor text for this value; absent for the unlabelled in-between points. */
  readonly anchor?: string;
}

export interface InstrumentItem {
  readonly id: string;
  /** Position on the published form, from 1. */
  readonly number: number;
  /** The item's published heading or question. */
  readonly label: string;
  /** The published instruction to the rater (what to ask or observe), where there is one. */
  readonly instructions?: string;
  readonly options: readonly InstrumentOption[];
}

export interface SeverityBand {
  readonly id: string;
  readonly label: string;
  /** Inclusive. */
  readonly min: number;
  /** Inclusive. */
  readonly max: number;
}

interface InstrumentBase {
  readonly id: InstrumentId;
  /** Short name shown next to totals, e.g. "CIWA-Ar". */
  readonly name: string;
  readonly fullName: string;
  /** Where the items and bands come from. */
  readonly source: string;
  readonly maxTotal: number;
  /** Cover every total from 0 to maxTotal exactly once, in ascending order. */
  readonly severityBands: readonly SeverityBand[];
}

/** Answered item by item; the total is the sum of the item values. */
export interface ItemizedInstrument extends InstrumentBase {
  readonly kind: 'itemized';
  /** The stem read before the items, where the form has one. */
  readonly stem?: string;
  readonly items: readonly InstrumentItem[];
}

/** Entered as a total only (the form collects only the sum). */
export interface TotalOnlyInstrument extends InstrumentBase {
  readonly kind: 'total-only';
}

export type Instrument = ItemizedInstrument | TotalOnlyInstrument;

export interface InstrumentScore {
  readonly instrumentId: InstrumentId;
  readonly total: number;
  readonly band: SeverityBand;
}

export interface ScoringProblem {
  /** The item the problem is about, or null when it is about the total. */
  readonly itemId: string | null;
  readonly message: string;
}

/** Scoring either succeeds or lists every problem; a bad answer is an expected outcome, not a crash. */
export type ScoringResult<Score extends InstrumentScore = InstrumentScore> =
  { readonly ok: true; readonly score: Score } | { readonly ok: false; readonly problems: readonly ScoringProblem[] };

/** Answers keyed by item id, as they arrive from a form (so values are checked, not trusted). */
export type InstrumentAnswers = Readonly<Record<string, unknown>>;

/**
 * Every whole value from 0 to max, with the published anchor text on the values that have one
 * (CIWA-Ar, for example, labels 0, 1, 4 and 7 and leaves the points between unlabelled).
 */
export function optionsUpTo(max: number, anchors: Readonly<Record<number, string>>): InstrumentOption[] {
  return Array.from({ length: max + 1 }, (_, value) => {
    const anchor = anchors[value];
    return anchor === undefined ? { value } : { value, anchor };
  });
}

/** Only the listed values are allowed (COWS skips some values, e.g. pulse has 0, 1, 2 and 4). */
export function optionsExactly(anchors: Readonly<Record<number, string>>): InstrumentOption[] {
  return Object.entries(anchors)
    .map(([value, anchor]) => ({ value: Number(value), anchor }))
    .sort((a, b) => a.value - b.value);
}

/** The published band a total falls in. Throws for a total outside 0..maxTotal: that is a bug upstream. */
export function severityBandFor(instrument: Instrument, total: number): SeverityBand {
  const band = instrument.severityBands.find((candidate) => total >= candidate.min && total <= candidate.max);
  if (!Number.isInteger(total) || band === undefined) {
    throw new RangeError(
      `${instrument.name} total must be a whole number from 0 to ${instrument.maxTotal}; got ${total}`,
    );
  }
  return band;
}

/** An answer as staff would recognise it in a message (JSON.stringify turns NaN into "null"). */
function describeAnswer(answer: unknown): string {
  if (typeof answer === 'number') return String(answer);
  if (typeof answer === 'string') return JSON.stringify(answer);
  if (typeof answer === 'boolean') return String(answer);
  return 'something that is not a number';
}

function describeAllowedValues(item: InstrumentItem): string {
  const values = item.options.map((option) => option.value);
  const first = values[0];
  const last = values[values.length - 1];
  const isContiguous = values.every((value, index) => index === 0 || value === (values[index - 1] ?? NaN) + 1);
  return isContiguous && first !== undefined && last !== undefined ? `${first} to ${last}` : values.join(', ');
}

/** Checks each answer against its item's allowed values and sums them. */
export function scoreItems(instrument: ItemizedInstrument, answers: InstrumentAnswers): ScoringResult {
  const problems: ScoringProblem[] = [];
  let total = 0;
  for (const item of instrument.items) {
    const itemName = `${instrument.name} item ${item.number} (${item.label})`;
    const answer = answers[item.id];
    if (answer === undefined || answer === null) {
      problems.push({ itemId: item.id, message: `${itemName} is not answered` });
    } else if (typeof answer !== 'number' || !item.options.some((option) => option.value === answer)) {
      problems.push({
        itemId: item.id,
        message: `${itemName} must be one of ${describeAllowedValues(item)}; got ${describeAnswer(answer)}`,
      });
    } else {
      total += answer;
    }
  }
  const knownIds = new Set(instrument.items.map((item) => item.id));
  for (const key of Object.keys(answers)) {
    if (!knownIds.has(key))
      problems.push({ itemId: key, message: `"${key}" is not an item of the ${instrument.name}` });
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, score: { instrumentId: instrument.id, total, band: severityBandFor(instrument, total) } };
}

/** Checks a total entered directly (or stored in an intake) and finds its band. */
export function scoreTotal(instrument: Instrument, total: unknown): ScoringResult {
  if (typeof total !== 'number' || !Number.isInteger(total) || total < 0 || total > instrument.maxTotal) {
    return {
      ok: false,
      problems: [
        {
          itemId: null,
          message: `${instrument.name} total must be a whole number from 0 to ${instrument.maxTotal}; got ${describeAnswer(total)}`,
        },
      ],
    };
  }
  return { ok: true, score: { instrumentId: instrument.id, total, band: severityBandFor(instrument, total) } };
}
