// The dashboard's pure parts: week buckets (Monday weeks, oldest first, empty weeks kept) and the
// level distribution (every level in intensity order, unknown stored levels kept at the end).
import { describe, expect, it } from 'vitest';

import { fillWeeks, levelDistribution, mondayOf, weekStarts } from '@/lib/dashboard/summary';

describe('dashboard summary', () => {
  it('finds the Monday of a week, Sunday belonging to the week before', () => {
    expect(mondayOf('2026-12-02')).toBe('2026-11-30'); // a Wednesday
    expect(mondayOf('2026-11-30')).toBe('2026-11-30');
    expect(mondayOf('2026-12-06')).toBe('2026-11-30'); // Sunday
  });

  it('lists 12 weeks ending with the current one and fills weeks without intakes with 0', () => {
    const weeks = weekStarts('2026-12-02');
    expect(weeks).toHaveLength(12);
    expect(weeks[11]).toBe('2026-11-30');
    expect(weeks[0]).toBe('2026-09-14');
    const filled = fillWeeks('2026-12-02', [
      { weekStart: '2026-11-30', count: 4 },
      { weekStart: '2026-01-05', count: 9 }, // outside the window: dropped
    ]);
    expect(filled.map((week) => week.count)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4]);
  });

  it('orders levels by intensity with zeros, and keeps an unknown stored level', () => {
    const levels = levelDistribution([
      { level: '3.7', count: 2 },
      { level: '1', count: 5 },
      { level: '9', count: 1 },
    ]);
    expect(levels.map((row) => row.level)).toEqual(['0.5', '1', '2.1', '2.5', '3.1', '3.5', '3.7', '4', '9']);
    expect(levels.map((row) => row.count)).toEqual([0, 5, 0, 0, 0, 0, 2, 0, 1]);
  });
});
