// Two database roles (issue 13 item 1): the owner runs the migrations (MIGRATION_DATABASE_URL)
// and owns every table; the app connects as another role (DATABASE_URL) that gets only what it
// needs: rows of the ordinary tables, and only INSERT and SELECT on "AuditEvent", so it cannot
// change, delete, truncate, alter or un-trigger the audit log. Role names differ per install, so
// the grants are made here, after `migrate deploy`, not in a migration.
import pg from 'pg';

/** The URL migrations run with: MIGRATION_DATABASE_URL, else DATABASE_URL (one role for both). */
export function migrationDatabaseUrl(env = process.env) {
  return env.MIGRATION_DATABASE_URL || env.DATABASE_URL;
}

/** The warning printed when both URLs name the same role (or no MIGRATION_DATABASE_URL is set). */
export function singleRoleWarning(env = process.env) {
  if (!env.DATABASE_URL) return null;
  const owner = roleOf(migrationDatabaseUrl(env));
  if (env.MIGRATION_DATABASE_URL && owner !== roleOf(env.DATABASE_URL)) return null;
  return (
    'MIGRATION_DATABASE_URL is not set (or names the same role as DATABASE_URL): the app connects as the role ' +
    'that owns the tables, so the audit log is NOT protected against the app role (only by its triggers and ' +
    'hash chain). Set MIGRATION_DATABASE_URL to an owner role and DATABASE_URL to a separate app role; see README.'
  );
}

export function roleOf(url) {
  return decodeURIComponent(new URL(url).username || process.env.PGUSER || process.env.USER || '');
}

const ident = (name) => `"${name.replaceAll('"', '""')}"`;

/**
 * Makes the app role of `appUrl` a plain user of the database `ownerUrl` migrated: DML on the
 * tables, INSERT/SELECT only on "AuditEvent", nothing on _prisma_migrations, sequences usable, and
 * the same for tables later migrations create (ALTER DEFAULT PRIVILEGES). Idempotent. Refuses when
 * the app role owns anything in the schema (it could then re-grant itself anything).
 * Returns false (and does nothing) when both URLs name the same role.
 */
export async function grantAppRole({ ownerUrl, appUrl, log = () => {} }) {
  const owner = roleOf(ownerUrl);
  const app = roleOf(appUrl);
  if (!app || owner === app) return false;
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const owned = await client.query(
      `SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = current_schema() AND pg_get_userbyid(c.relowner) = $1 LIMIT 5`,
      [app],
    );
    if (owned.rows.length > 0) {
      throw new Error(
        `the app role ${app} owns ${owned.rows.map((r) => r.relname).join(', ')}: run, as a superuser, ` +
          `REASSIGN OWNED BY ${app} TO ${owner}; then migrate again`,
      );
    }
    const a = ident(app);
    const o = ident(owner);
    const exists = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [app]);
    if (exists.rows.length === 0) throw new Error(`the app role ${app} (DATABASE_URL's user) does not exist`);
    const database = (await client.query('SELECT current_database() AS d')).rows[0].d;
    await client.query('BEGIN');
    for (const sql of [
      `GRANT CONNECT ON DATABASE ${ident(database)} TO ${a}`,
      `GRANT USAGE ON SCHEMA public TO ${a}`,
      `REVOKE CREATE ON SCHEMA public FROM ${a}`,
      `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${a}`,
      `REVOKE TRUNCATE, REFERENCES, TRIGGER ON ALL TABLES IN SCHEMA public FROM ${a}`,
      `REVOKE ALL ON "AuditEvent" FROM ${a}`,
      `GRANT SELECT, INSERT ON "AuditEvent" TO ${a}`,
      `REVOKE ALL ON "_prisma_migrations" FROM ${a}`,
      `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${a}`,
      `ALTER DEFAULT PRIVILEGES FOR ROLE ${o} IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${a}`,
      `ALTER DEFAULT PRIVILEGES FOR ROLE ${o} IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${a}`,
    ]) {
      await client.query(sql);
    }
    await client.query('COMMIT');
    log(`app role ${app}: table rows read/write, audit log INSERT and SELECT only (owner ${owner})`);
    return true;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    await client.end();
  }
}
