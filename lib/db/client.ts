import 'server-only';

import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';

import { PrismaClient } from '@/lib/generated/prisma/client';

// One connection pool per process, shared by the PrismaClient (through its pg adapter) and the few
// reads that go to `pg` directly (getPgPool). Next.js dev reloads modules, so both are kept on
// globalThis instead of module scope; the pool is looked up through its client, so replacing the
// client (as tests/integration/health.test.ts does) replaces the pool too.
const globalForPrisma = globalThis as unknown as {
  intakePrisma?: PrismaClient;
  intakePgPools?: WeakMap<PrismaClient, pg.Pool>;
};

function createPrismaClient(): PrismaClient {
  const url = process.env.DATABASE_URL;
  if (!url) {
    throw new Error(
      'DATABASE_URL is not set. Start the app with `npm start` (it starts the embedded database) or set DATABASE_URL.',
    );
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: Number(process.env.DATABASE_POOL_SIZE || 10),
    // Fail fast instead of hanging a request when the database is down.
    connectionTimeoutMillis: 5_000,
  });
  const client = new PrismaClient({ adapter: new PrismaPg(pool) });
  (globalForPrisma.intakePgPools ??= new WeakMap()).set(client, pool);
  return client;
}

export function getPrisma(): PrismaClient {
  globalForPrisma.intakePrisma ??= createPrismaClient();
  return globalForPrisma.intakePrisma;
}

/**
 * The pg pool under getPrisma()'s adapter, for a read whose rows Prisma's raw-result layer would
 * make too costly (the 100,000-row CSV export, lib/cases/export/csv-stream.ts): same connections,
 * same settings, no second pool. Everything else goes through Prisma.
 */
export function getPgPool(): pg.Pool {
  const prisma = getPrisma();
  const pool = globalForPrisma.intakePgPools?.get(prisma);
  if (!pool) throw new Error('The Prisma client was not made by lib/db/client.ts: it has no pg pool.');
  return pool;
}
