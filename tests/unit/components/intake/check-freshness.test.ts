import { describe, expect, it } from 'vitest';

import { CheckSequence, issuesStillCurrent } from '@/components/intake/check-freshness';
import { setFormValue } from '@/lib/intake/form/paths';
import { emptyIntakeFormValues } from '@/lib/intake/form/values';

const issue = (path: string, message: string) => ({ path, message, section: 'patient' as const });

describe('CheckSequence', () => {
  it('accepts only the answer of the newest check started', () => {
    const sequence = new CheckSequence();
    const first = sequence.next();
    expect(sequence.isLatest(first)).toBe(true);
    const second = sequence.next(); // the answers changed before the first check came back
    expect(sequence.isLatest(first)).toBe(false);
    expect(sequence.isLatest(second)).toBe(true);
    expect(second).toBeGreaterThan(first);
  });
});

describe('issuesStillCurrent', () => {
  const checked = emptyIntakeFormValues();
  const issues = [
    issue('patient.firstName', 'First name is required'),
    issue('patient.lastName', 'Last name is required'),
    issue('patient.dateOfBirth', 'Date of birth is required'),
    issue('mentalHealth.phq9', 'Answer every PHQ-9 item'),
    issue('', 'The intake as a whole'),
  ];

  it('keeps every problem when the answers are the ones checked', () => {
    expect(issuesStillCurrent(issues, checked, checked)).toEqual(issues);
  });

  it('drops the problems of fields changed since the check, and only those', () => {
    let now = setFormValue(checked, 'patient.firstName', 'Jordan');
    now = setFormValue(now, 'patient.dateOfBirth', '1990-09-15');
    expect(issuesStillCurrent(issues, checked, now).map((kept) => kept.path)).toEqual([
      'patient.lastName',
      'mentalHealth.phq9',
    ]);
  });

  it('compares a group by its answers, not its identity (an instrument)', () => {
    const sameAnswers = setFormValue(checked, 'mentalHealth.phq9', { status: '', items: {} });
    expect(issuesStillCurrent(issues, checked, sameAnswers)).toHaveLength(issues.length);
    const answered = setFormValue(checked, 'mentalHealth.phq9.items.littleInterest', 1);
    expect(issuesStillCurrent(issues, checked, answered).map((kept) => kept.path)).not.toContain('mentalHealth.phq9');
  });

  it('drops a problem about the intake as a whole (path "") on any change', () => {
    const now = setFormValue(checked, 'patient.phone', '555');
    expect(issuesStillCurrent(issues, checked, now).map((kept) => kept.path)).not.toContain('');
  });
});
