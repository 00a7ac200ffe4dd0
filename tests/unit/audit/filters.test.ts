import { describe, expect, it } from 'vitest';

import { AUDIT_ACTION_VALUES } from '@/lib/audit/event-names';
import { auditQueryString, parseAuditQuery } from '@/lib/audit/filters';

const ACTOR = '3f2b8c1e-2d4a-4c6b-9e1f-0a1b2c3d4e5f';

describe('parseAuditQuery', () => {
  it('reads valid filters and the cursor', () => {
    const parsed = parseAuditQuery({
      actor: ACTOR,
      action: 'staff.create',
      entityType: 'StaffUser',
      entityId: ' abc ',
      outcome: 'DENIED',
      from: '2026-01-01',
      to: '2026-01-31',
      before: '120',
    });
    expect(parsed.errors).toEqual({});
    expect(parsed.filters).toEqual({
      actorId: ACTOR,
      action: 'staff.create',
      entityType: 'StaffUser',
      entityId: 'abc',
      outcome: 'DENIED',
      from: new Date('2026-01-01T00:00:00.000Z'),
      to: new Date('2026-01-31T00:00:00.000Z'),
    });
    expect(parsed.cursor).toEqual({ before: 120n });
  });

  it('names each unusable value and ignores it instead of failing', () => {
    const parsed = parseAuditQuery({
      actor: 'bob',
      action: 'drop.table',
      entityType: 'Patient',
      outcome: 'MAYBE',
      from: '2026-02-30',
      to: 'yesterday',
      after: '-1',
    });
    expect(parsed.filters).toEqual({});
    expect(Object.keys(parsed.errors).sort()).toEqual(['action', 'actor', 'entityType', 'from', 'outcome', 'to']);
    expect(parsed.errors.from).toBe('Enter a date as YYYY-MM-DD.');
    expect(parsed.cursor).toBeNull();
  });

  it('refuses an end date before the start date', () => {
    const parsed = parseAuditQuery({ from: '2026-03-02', to: '2026-03-01' });
    expect(parsed.errors).toEqual({ to: 'The end date is before the start date.' });
    expect(parsed.filters).toEqual({ from: new Date('2026-03-02T00:00:00.000Z') });
  });

  it('takes the first of repeated parameters and ignores unknown ones', () => {
    expect(parseAuditQuery({ action: ['auth.signout', 'staff.create'], patientName: 'Jane' }).filters).toEqual({
      action: 'auth.signout',
    });
  });

  it('accepts every known action', () => {
    for (const action of AUDIT_ACTION_VALUES) expect(parseAuditQuery({ action }).filters.action).toBe(action);
  });
});

describe('auditQueryString', () => {
  it('carries the filter values and one cursor only', () => {
    expect(auditQueryString({ action: 'auth.signout', from: '2026-01-01' }, { before: 5n })).toBe(
      '?action=auth.signout&from=2026-01-01&before=5',
    );
    expect(auditQueryString({}, null)).toBe('');
  });
});
