// One throwaway database per integration run: created and migrated here, dropped at the end.
// As in a deployment (issue 13.1, docs/security.md), it has two roles: migrations run as the
// owner, and the tests — like the app — connect as the app role, which may only SELECT and INSERT
// on the audit log. So the suite also proves the app works with the app role's grants alone.
// Tests that must act as the owner (a trigger's own message, tampering) use `ownerDatabaseUrl`.
import type { TestProject } from 'vitest/node';

import { createTwoRoleDatabase } from './support/test-database';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The app role's URL (also DATABASE_URL in every test process). */
    databaseUrl: string;
    /** The owner role's URL (MIGRATION_DATABASE_URL). */
    ownerDatabaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const database = await createTwoRoleDatabase('run');
  process.env.DATABASE_URL = database.appUrl;
  process.env.MIGRATION_DATABASE_URL = database.ownerUrl;
  project.provide('databaseUrl', database.appUrl);
  project.provide('ownerDatabaseUrl', database.ownerUrl);
  return async () => {
    await database.drop();
  };
}
