import { describe, expect, it } from 'vitest';
import {
  CIWA_AR,
  COWS,
  GAD7,
  PHQ9,
  scoreCiwaAr,
  scoreCiwaBTotal,
  scoreCows,
  scoreGad7,
  scorePhq9,
  type ItemizedInstrument,
  type ScoringResult,
} from '@/lib/instruments';

function answerEveryItem(instrument: ItemizedInstrument, pick: (values: number[]) => number): Record<string, number> {
  return Object.fromEntries(
    instrument.items.map((item) => [item.id, pick(item.options.map((option) => option.value))]),
  );
}
const lowest = (values: number[]) => Math.min(...values);
const highest = (values: number[]) => Math.max(...values);

function problemsOf(result: ScoringResult): readonly { itemId: string | null; message: string }[] {
  if (result.ok) throw new Error(`expected problems, got total ${result.score.total}`);
  return result.problems;
}

describe.each([
  { instrument: CIWA_AR, score: scoreCiwaAr },
  { instrument: COWS, score: scoreCows },
  { instrument: PHQ9, score: scorePhq9 },
  { instrument: GAD7, score: scoreGad7 },
])('scoring $instrument.name', ({ instrument, score }) => {
  it('sums the lowest answers to 0 and the highest to the maximum total', () => {
    expect(score(answerEveryItem(instrument, lowest))).toMatchObject({
      ok: true,
      score: { total: 0, instrumentId: instrument.id },
    });
    const worst = score(answerEveryItem(instrument, highest));
    expect(worst).toMatchObject({ ok: true, score: { total: instrument.maxTotal } });
    expect(worst.ok && worst.score.band).toEqual(instrument.severityBands[instrument.severityBands.length - 1]);
  });

  it('names each unanswered item', () => {
    const problems = problemsOf(score({}));
    expect(problems).toHaveLength(instrument.items.length);
    expect(problems[0]).toEqual({
      itemId: instrument.items[0]?.id,
      message: `${instrument.name} item 1 (${instrument.items[0]?.label}) is not answered`,
    });
  });

  it('names an item whose answer is above its range, and an unknown item', () => {
    const answers = { ...answerEveryItem(instrument, lowest), [instrument.items[1]?.id ?? '']: 99, extra: 1 };
    const problems = problemsOf(score(answers));
    expect(problems.map((problem) => problem.itemId)).toEqual([instrument.items[1]?.id, 'extra']);
    expect(problems[0]?.message).toMatch(new RegExp(`^${instrument.name} item 2 \\(.+\\) must be one of .+; got 99$`));
    expect(problems[1]?.message).toBe(`"extra" is not an item of the ${instrument.name}`);
  });

  it('refuses negative, fractional and text answers', () => {
    for (const bad of [-1, 0.5, '1', true, Number.NaN]) {
      const answers = { ...answerEveryItem(instrument, lowest), [instrument.items[0]?.id ?? '']: bad };
      expect(problemsOf(score(answers))).toHaveLength(1);
    }
  });
});

describe('per-item ranges', () => {
  const zeros = answerEveryItem(CIWA_AR, lowest);
  it('CIWA-Ar accepts 7 on the nine 0-7 items and 4 on orientation, not 8 or 5', () => {
    expect(scoreCiwaAr({ ...zeros, tremor: 7 })).toMatchObject({ ok: true, score: { total: 7 } });
    expect(scoreCiwaAr({ ...zeros, orientation: 4 })).toMatchObject({ ok: true, score: { total: 4 } });
    expect(problemsOf(scoreCiwaAr({ ...zeros, tremor: 8 }))[0]?.message).toBe(
      'CIWA-Ar item 3 (Tremor) must be one of 0 to 7; got 8',
    );
    expect(problemsOf(scoreCiwaAr({ ...zeros, orientation: 5 }))[0]?.message).toBe(
      'CIWA-Ar item 10 (Orientation and clouding of sensorium) must be one of 0 to 4; got 5',
    );
  });

  it('COWS refuses values the published form skips (pulse 3, gooseflesh 1)', () => {
    const cowsZeros = answerEveryItem(COWS, lowest);
    expect(scoreCows({ ...cowsZeros, restingPulse: 4 })).toMatchObject({
      ok: true,
      score: { total: 4, band: { id: 'none' } },
    });
    expect(problemsOf(scoreCows({ ...cowsZeros, restingPulse: 3 }))[0]?.message).toBe(
      'COWS item 1 (Resting pulse rate (beats/minute)) must be one of 0, 1, 2, 4; got 3',
    );
    expect(problemsOf(scoreCows({ ...cowsZeros, goosefleshSkin: 1 }))[0]?.itemId).toBe('goosefleshSkin');
  });

  it('a mixed CIWA-Ar adds up and lands in its band', () => {
    const answers = { ...zeros, nauseaVomiting: 4, tremor: 4, anxiety: 1 };
    expect(scoreCiwaAr(answers)).toEqual({
      ok: true,
      score: { instrumentId: 'ciwaAr', total: 9, band: CIWA_AR.severityBands[0] },
    });
    expect(scoreCiwaAr({ ...answers, anxiety: 2 })).toMatchObject({
      ok: true,
      score: { total: 10, band: { id: 'moderate' } },
    });
  });
});

describe('scorePhq9', () => {
  it('reports item 9 (self-harm thoughts) separately for the intake', () => {
    const answers = { ...answerEveryItem(PHQ9, lowest), feelingDown: 2, selfHarmThoughts: 1 };
    expect(scorePhq9(answers)).toMatchObject({
      ok: true,
      score: { total: 3, selfHarmItem: 1, band: { id: 'minimal' } },
    });
  });
});

describe('scoreCiwaBTotal', () => {
  it('accepts whole totals 0-80 with their band', () => {
    expect(scoreCiwaBTotal(0)).toMatchObject({ ok: true, score: { total: 0, band: { id: 'none' } } });
    expect(scoreCiwaBTotal(80)).toMatchObject({ ok: true, score: { total: 80, band: { id: 'very-severe' } } });
  });
  it.each([-1, 81, 10.5, '20', null])('refuses %s with a message about the total', (total) => {
    expect(problemsOf(scoreCiwaBTotal(total))).toEqual([
      { itemId: null, message: expect.stringMatching(/^CIWA-B total must be a whole number from 0 to 80; got /) },
    ]);
  });
});
