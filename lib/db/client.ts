import 'server-only';

import { PrismaPg } from '@prisma/adapter-pg';

import { PrismaClient } from '@/lib/generated/prisma/client';

// One PrismaClient (one connection pool) per process. Next.js dev reloads modules, so the
// instance is kept on globalThis instead of module scope.
const globalForPrisma = globalThis as unknown as { intakePrisma?: PrismaClient };

function createPrismaClient(): PrismaClient {
  const url = process.env.DATABASE_URL;
  if (!url) {
    throw new Error(
      'DATABASE_URL is not set. Start the app with `npm start` (it starts the embedded database) or set DATABASE_URL.',
    );
  }
  const adapter = new PrismaPg({
    connectionString: url,
    max: Number(process.env.DATABASE_POOL_SIZE || 10),
    // Fail fast instead of hanging a request when the database is down.
    connectionTimeoutMillis: 5_000,
  });
  return new PrismaClient({ adapter });
}

export function getPrisma(): PrismaClient {
  globalForPrisma.intakePrisma ??= createPrismaClient();
  return globalForPrisma.intakePrisma;
}
