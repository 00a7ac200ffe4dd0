import path from 'node:path';

import { defineConfig } from 'prisma/config';

// The embedded database (npm start without DATABASE_URL) listens here; see scripts/embedded-db.mjs.
const embeddedDatabaseUrl = `postgresql://postgres:postgres@127.0.0.1:${process.env.EMBEDDED_DB_PORT || '54329'}/postgres`;

// Lets a bare `npx prisma …` work offline too: the CLI resolves the engine after loading this file.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ||= path.join(import.meta.dirname, 'scripts', 'prisma-engine', 'schema-engine.mjs');

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: {
    // Read directly (not env()): `prisma generate` must work with DATABASE_URL unset.
    url: process.env.DATABASE_URL || embeddedDatabaseUrl,
    shadowDatabaseUrl: process.env.SHADOW_DATABASE_URL || undefined,
  },
});
