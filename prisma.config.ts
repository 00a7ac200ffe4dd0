import path from 'node:path';

import { defineConfig } from 'prisma/config';

import { configuredDatabaseUrl } from './scripts/lib/embedded-db-address.mjs';

// Lets a bare `npx prisma …` work offline too: the CLI resolves the engine after loading this file.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ||= path.join(
  import.meta.dirname,
  'scripts',
  'prisma-engine',
  'schema-engine.mjs',
);

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: {
    // DATABASE_URL, else the embedded database's address (npm start without DATABASE_URL).
    // Read directly (not env()): `prisma generate` must work with DATABASE_URL unset.
    url: configuredDatabaseUrl(),
    shadowDatabaseUrl: process.env.SHADOW_DATABASE_URL || undefined,
  },
});
