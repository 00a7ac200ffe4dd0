// Which URL migrations use and when start-up warns that the audit log is not protected against
// the app role (scripts/lib/app-role.mjs; issue 13 item 1).
import { describe, expect, it } from 'vitest';

import { migrationDatabaseUrl, roleOf, singleRoleWarning } from '../../../scripts/lib/app-role.mjs';

const APP = 'postgresql://intake_app:pw@db:5432/intake';
const OWNER = 'postgresql://intake_owner:pw@db:5432/intake';

describe('migrationDatabaseUrl', () => {
  it('is MIGRATION_DATABASE_URL when set', () => {
    expect(migrationDatabaseUrl({ DATABASE_URL: APP, MIGRATION_DATABASE_URL: OWNER })).toBe(OWNER);
  });
  it('falls back to DATABASE_URL', () => {
    expect(migrationDatabaseUrl({ DATABASE_URL: APP })).toBe(APP);
  });
});

describe('singleRoleWarning', () => {
  it('warns when MIGRATION_DATABASE_URL is unset', () => {
    expect(singleRoleWarning({ DATABASE_URL: APP })).toMatch(/audit log is NOT protected against the app role/);
  });
  it('warns when both URLs name the same role', () => {
    expect(singleRoleWarning({ DATABASE_URL: APP, MIGRATION_DATABASE_URL: APP.replace('db:', 'db2:') })).toMatch(
      /NOT protected/,
    );
  });
  it('is silent with two roles, and for the embedded database (no DATABASE_URL)', () => {
    expect(singleRoleWarning({ DATABASE_URL: APP, MIGRATION_DATABASE_URL: OWNER })).toBeNull();
    expect(singleRoleWarning({})).toBeNull();
  });
});

describe('roleOf', () => {
  it('reads and decodes the URL user', () => {
    expect(roleOf('postgresql://intake%2Dapp:x@h/db')).toBe('intake-app');
  });
});
