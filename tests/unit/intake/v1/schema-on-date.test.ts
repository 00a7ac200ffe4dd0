import { describe, expect, it } from 'vitest';

import { intakeSchemaOn } from '@/lib/intake';
import baseline from '@/tests/fixtures/intakes/benign-baseline.json';

describe('intakeSchemaOn', () => {
  it('builds one schema per date and reuses it', () => {
    expect(intakeSchemaOn('2025-06-01')).toBe(intakeSchemaOn('2025-06-01'));
    expect(intakeSchemaOn('2025-06-02')).not.toBe(intakeSchemaOn('2025-06-01'));
  });

  it('validates against its own date, not the clock', () => {
    const usedOnJune2 = {
      ...baseline,
      substances: baseline.substances.map((entry) => ({ ...entry, lastUse: '2025-06-02' })),
    };
    expect(intakeSchemaOn('2025-06-02').safeParse(usedOnJune2).success).toBe(true);
    const onJune1 = intakeSchemaOn('2025-06-01').safeParse(usedOnJune2);
    expect(onJune1.success).toBe(false);
    expect(onJune1.error?.issues.some((issue) => issue.path.join('.') === 'substances.0.lastUse')).toBe(true);
  });
});
