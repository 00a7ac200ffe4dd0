// PostgreSQL plumbing for the wasm schema engine: driver-adapter factories (main and shadow
// database), database creation and connection checks, with errors mapped to Prisma's codes.
import { randomUUID } from 'node:crypto';

import { PrismaPg } from '@prisma/adapter-pg';
import { ColumnTypeEnum } from '@prisma/driver-adapter-utils';
import pg from 'pg';
import { parse as parseConnectionString } from 'pg-connection-string';

const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;

/**
 * adapter-pg rejects PostgreSQL's internal one-byte `"char"` type (pg_class.relkind,
 * pg_constraint.contype…), which the engine reads when it describes a database, and it has no
 * mapping to the engine's Character column type. The client below lets such columns through as
 * text and remembers where they were; `reportCharColumns` then gives the engine Character.
 */
function markCharColumns(result) {
  for (const single of Array.isArray(result) ? result : [result]) {
    const charColumns = [];
    (single?.fields ?? []).forEach((field, index) => {
      if (field.dataTypeID === PG_CHAR_OID) {
        field.dataTypeID = PG_TEXT_OID;
        charColumns.push(index);
      }
    });
    if (single && charColumns.length > 0) single.charColumns = charColumns;
  }
  return result;
}

class CharAwareClient extends pg.Client {
  query(...args) {
    const callbackIndex = args.findIndex((arg) => typeof arg === 'function');
    if (callbackIndex >= 0) {
      const callback = args[callbackIndex];
      args[callbackIndex] = (error, result) => callback(error, error ? result : markCharColumns(result));
      return super.query(...args);
    }
    const returned = super.query(...args);
    return typeof returned?.then === 'function' ? returned.then(markCharColumns) : returned;
  }
}

/** Patches an adapter-pg queryable (adapter or transaction) so `"char"` columns read as Character. */
function reportCharColumns(queryable) {
  const charColumnsByQuery = new WeakMap();
  const performIO = queryable.performIO.bind(queryable);
  queryable.performIO = async (query) => {
    const result = await performIO(query);
    if (result?.charColumns) charColumnsByQuery.set(query, result.charColumns);
    return result;
  };
  const queryRaw = queryable.queryRaw.bind(queryable);
  queryable.queryRaw = async (query) => {
    const resultSet = await queryRaw(query);
    for (const index of charColumnsByQuery.get(query) ?? []) resultSet.columnTypes[index] = ColumnTypeEnum.Character;
    return resultSet;
  };
  return queryable;
}

/** Connection fields from a URL, with `?schema=` pulled out (it is Prisma's, not libpq's). */
export function parseDatabaseUrl(url) {
  const parsed = new URL(url);
  const schema = parsed.searchParams.get('schema') ?? undefined;
  parsed.searchParams.delete('schema');
  const config = parseConnectionString(parsed.toString());
  for (const [key, value] of Object.entries(config)) if (value === null || value === undefined) delete config[key];
  if (config.port) config.port = Number(config.port);
  return { config, schema };
}

function quoteIdentifier(name) {
  return `"${String(name).replaceAll('"', '""')}"`;
}

function poolConfig(config, schema) {
  // Build from fields (never `connectionString`, which would override `database`).
  return {
    ...config,
    Client: CharAwareClient,
    max: 4,
    ...(schema ? { options: `${config.options ?? ''} -c search_path=${quoteIdentifier(schema)}`.trim() } : {}),
  };
}

async function withMaintenanceClient(config, work) {
  // Any database on the server will do for CREATE/DROP DATABASE; prefer `postgres`, fall back to template1.
  let lastError;
  for (const database of ['postgres', 'template1', config.database]) {
    if (!database) continue;
    const client = new pg.Client({ ...config, database });
    try {
      await client.connect();
    } catch (error) {
      lastError = error;
      await client.end().catch(() => {});
      if (error?.code === '3D000') continue;
      throw error;
    }
    try {
      return await work(client);
    } finally {
      await client.end().catch(() => {});
    }
  }
  throw lastError;
}

export async function canConnect(url) {
  const { config } = parseDatabaseUrl(url);
  const client = new pg.Client(config);
  try {
    await client.connect();
    await client.query('SELECT 1');
  } finally {
    await client.end().catch(() => {});
  }
}

export async function createDatabase(url) {
  const { config } = parseDatabaseUrl(url);
  await withMaintenanceClient(config, (client) => client.query(`CREATE DATABASE ${quoteIdentifier(config.database)}`));
  return config.database;
}

/** Maps connection failures to the codes the Prisma CLI knows (P1003 makes it offer to create the database). */
export function describeConnectError(error, url) {
  let where = 'the database server';
  let database = 'the database';
  try {
    const { config } = parseDatabaseUrl(url);
    where = `${config.host ?? 'localhost'}:${config.port ?? 5432}`;
    database = config.database ?? database;
  } catch {
    // Keep the generic wording for a URL we cannot parse.
  }
  switch (error?.code) {
    case '3D000':
      return {
        code: 'P1003',
        message: `Database \`${database}\` does not exist on the database server at \`${where}\`.`,
      };
    case '28P01':
    case '28000':
      return {
        code: 'P1000',
        message: `Authentication failed against the database server at \`${where}\`: the provided credentials are not valid.`,
      };
    case '42501':
      return { code: 'P1010', message: `The database user was denied access on the database \`${database}\`.` };
    case 'ECONNREFUSED':
    case 'ENOTFOUND':
    case 'EHOSTUNREACH':
    case 'ETIMEDOUT':
      return {
        code: 'P1001',
        message: `Can't reach database server at \`${where}\`. Please make sure the server is running.`,
      };
    default:
      return {
        code: error?.code && /^P\d{4}$/.test(error.code) ? error.code : null,
        message: String(error?.message ?? error),
      };
  }
}

async function wipeDatabase(config) {
  const client = new pg.Client(config);
  await client.connect();
  try {
    const { rows } = await client.query(
      "SELECT nspname FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema'",
    );
    for (const { nspname } of rows) await client.query(`DROP SCHEMA ${quoteIdentifier(nspname)} CASCADE`);
    await client.query('CREATE SCHEMA IF NOT EXISTS public');
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * A migration-aware driver-adapter factory over adapter-pg. Its own shadow-database handling
 * drops the database while its pool is still open (a 5 s hang, then a failure that leaves the
 * database behind), so the shadow database is created, wiped and dropped here instead.
 */
export function createPostgresAdapterFactory(url, { shadowDatabaseUrl } = {}) {
  const main = parseDatabaseUrl(url);
  const openAdapters = new Set();

  async function openAdapter(config, schema, onDispose) {
    const pool = new pg.Pool(poolConfig(config, schema));
    const adapter = reportCharColumns(await new PrismaPg(pool, schema ? { schema } : undefined).connect());
    const startTransaction = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (...args) => reportCharColumns(await startTransaction(...args));
    // adapter-pg splits scripts on every ';', which breaks function bodies ($$ … ; … $$).
    // PostgreSQL runs a multi-statement simple query as one implicit transaction, like the native engine.
    adapter.executeScript = async (script) => {
      try {
        await pool.query(script);
      } catch (error) {
        factory.lastDatabaseError = { code: error?.code, message: error?.message };
        adapter.onError(error);
      }
    };
    adapter.dispose = async () => {
      if (!openAdapters.delete(adapter)) return;
      await pool.end();
      await onDispose?.();
    };
    openAdapters.add(adapter);
    return adapter;
  }

  const factory = {
    provider: 'postgres',
    adapterName: '@prisma/adapter-pg',
    /** The last error PostgreSQL returned for a script, for error messages. */
    lastDatabaseError: null,
    connect: () => openAdapter(main.config, main.schema),
    async connectToShadowDb() {
      if (shadowDatabaseUrl) {
        const shadow = parseDatabaseUrl(shadowDatabaseUrl);
        await wipeDatabase(shadow.config);
        if (shadow.schema) await ensureSchema(shadow.config, shadow.schema);
        return openAdapter(shadow.config, shadow.schema);
      }
      const database = `prisma_migrate_shadow_db_${randomUUID()}`;
      await withMaintenanceClient(main.config, (client) =>
        client.query(`CREATE DATABASE ${quoteIdentifier(database)}`),
      );
      const shadowConfig = { ...main.config, database };
      if (main.schema) await ensureSchema(shadowConfig, main.schema);
      return openAdapter(shadowConfig, main.schema, () =>
        withMaintenanceClient(main.config, (client) =>
          client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(database)} WITH (FORCE)`),
        ),
      );
    },
    /** Ends every pool still open and drops a shadow database the engine did not dispose of. */
    async closeAll() {
      await Promise.allSettled([...openAdapters].map((adapter) => adapter.dispose()));
    },
  };
  return factory;
}

async function ensureSchema(config, schema) {
  const client = new pg.Client(config);
  await client.connect();
  try {
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(schema)}`);
  } finally {
    await client.end().catch(() => {});
  }
}
