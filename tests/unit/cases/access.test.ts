import { describe, expect, it, vi } from 'vitest';

vi.mock('server-only', () => ({}));

const { caseAccessScope, caseAccessSql, caseAccessWhere } = await import('@/lib/cases/access');

const ME = '11111111-1111-4111-8111-111111111111';
const SESSION = new Date('2026-12-02T09:00:00.000Z');

describe('caseAccessScope', () => {
  it.each([
    ['SUPERVISOR', 'all'],
    ['INTAKE', 'own'],
    ['CLINICIAN', 'own'],
    ['ADMIN', 'none'],
    ['supervisor', 'none'],
    ['', 'none'],
    [undefined, 'none'],
  ])('%s sees %s', (role, scope) => {
    expect(caseAccessScope(role)).toBe(scope);
  });
});

describe('caseAccessWhere', () => {
  it('lets a supervisor see every case', () => {
    expect(caseAccessWhere({ id: ME, role: 'SUPERVISOR' })).toEqual({});
  });

  it('matches nothing for a role without clinical access (fail closed)', () => {
    for (const role of ['ADMIN', 'NURSE', '']) {
      expect(caseAccessWhere({ id: ME, role })).toEqual({ id: { in: [] } });
    }
  });

  it('matches nothing for an actor id that is not a uuid', () => {
    expect(caseAccessWhere({ id: 'x', role: 'INTAKE' })).toEqual({ id: { in: [] } });
  });

  it('limits INTAKE and CLINICIAN to created, assigned and care-team cases', () => {
    for (const role of ['INTAKE', 'CLINICIAN']) {
      expect(caseAccessWhere({ id: ME, role })).toEqual({
        OR: [{ createdById: ME }, { assignedToId: ME }, { careTeam: { some: { staffId: ME } } }],
      });
    }
  });

  it('adds break-the-glass grants of this session only', () => {
    const where = caseAccessWhere({ id: ME, role: 'INTAKE', sessionStartedAt: SESSION });
    expect(where.OR).toContainEqual({ breakGlassGrants: { some: { staffId: ME, sessionStartedAt: SESSION } } });
  });

  it('ignores a session start that is not a real instant', () => {
    const where = caseAccessWhere({ id: ME, role: 'INTAKE', sessionStartedAt: new Date('nope') });
    expect(where.OR).toHaveLength(3);
  });
});

describe('caseAccessSql', () => {
  it('is TRUE for a supervisor and FALSE for anyone without clinical access', () => {
    expect(caseAccessSql({ id: ME, role: 'SUPERVISOR' }, 'c').sql).toBe('TRUE');
    expect(caseAccessSql({ id: ME, role: 'ADMIN' }, 'c').sql).toBe('FALSE');
    expect(caseAccessSql({ id: 'x', role: 'INTAKE' }, 'c').sql).toBe('FALSE');
  });

  it('binds the staff id and session as parameters, never as text', () => {
    const fragment = caseAccessSql({ id: ME, role: 'CLINICIAN', sessionStartedAt: SESSION }, 'c');
    expect(fragment.sql).not.toContain(ME);
    expect(fragment.values).toContain(ME);
    expect(fragment.values).toContainEqual(SESSION);
    expect(fragment.sql).toContain('"c"."createdById"');
    expect(fragment.sql).toContain('"BreakGlassGrant"');
  });

  it('leaves grants out without a session', () => {
    expect(caseAccessSql({ id: ME, role: 'CLINICIAN' }, 'c').sql).not.toContain('BreakGlassGrant');
  });

  it('refuses an alias that is not a plain identifier', () => {
    expect(() => caseAccessSql({ id: ME, role: 'INTAKE' }, 'c; DROP TABLE x')).toThrow();
  });
});
