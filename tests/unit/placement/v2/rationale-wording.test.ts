// Issue 12 item 6: v2's rationale names entries without repeating them, and D6 says why limited
// support did not raise the rating. Ratings are unchanged by either (the note has no effect).
import { describe, expect, it } from 'vitest';
import { becauseForV2, only, recommendV2 } from './intake-builder';

// D1 and the flags name the entries of a class ("sedatives (…)"); D5 names only what was typed.
const d1Because = (name: string, category: Parameters<typeof only>[0]['category'], prescribed = false) =>
  becauseForV2(recommendV2(only({ name, category, daysUsedLast30: 30, durationMonths: 24, prescribed })), 'd1').join(
    ' | ',
  );

describe('substance names in the v2 rationale', () => {
  it('does not repeat a category the name already says: "alcohol", not "alcohol (alcohol)"', () => {
    const because = d1Because('alcohol', 'alcohol');
    expect(because).toMatch(/^alcohol: used on 30 of the last 30 days/);
    expect(because).not.toContain('alcohol (alcohol)');
    expect(d1Because('Vodka', 'alcohol')).toMatch(/^alcohol \(Vodka\): used on/);
  });

  it('joins the category to the name\'s own brackets: "clonazepam (Klonopin; benzodiazepine)"', () => {
    const because = d1Because('clonazepam (Klonopin)', 'benzodiazepine');
    expect(because).toContain('clonazepam (Klonopin; benzodiazepine)');
    expect(because).not.toContain(') (');
  });

  it('keeps a plain brand with its category, and says "prescribed"', () => {
    expect(d1Because('Klonopin', 'benzodiazepine')).toContain('sedatives (Klonopin (benzodiazepine))');
    expect(d1Because('Klonopin', 'benzodiazepine', true)).toContain(
      'sedatives (Klonopin (benzodiazepine, prescribed))',
    );
  });

  it('names the category once for a one-category class: "gabapentinoids (Lyrica)"', () => {
    const because = d1Because('Lyrica', 'gabapentinoid');
    expect(because).toContain('gabapentinoids (Lyrica)');
    expect(because).not.toContain('pregabalin)');
  });
});

describe('D6 v2 explains limited support', () => {
  it('a D6 of 0 with limited support names housing and the support system', () => {
    const r = recommendV2({ environment: { housing: 'stable', supportSystem: 'limited' } });
    expect(r.dimensions.d6).toBe(0);
    expect(becauseForV2(r, 'd6')).toEqual([
      'Housing: stable',
      'Support system: limited (adds nothing; only no support system adds 1)',
    ]);
  });

  it('no support system still adds 1, without the note', () => {
    const r = recommendV2({ environment: { housing: 'unstable', supportSystem: 'none' } });
    expect(r.dimensions.d6).toBe(3);
    expect(becauseForV2(r, 'd6').join(' | ')).not.toContain('adds nothing');
  });
});
