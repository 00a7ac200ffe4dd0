// One throwaway database per integration run: created and migrated here, dropped at the end.
import type { TestProject } from 'vitest/node';

import { createScratchDatabase, dropDatabase, runPrisma } from './support/test-database';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const database = await createScratchDatabase('run');
  const migrate = runPrisma(['migrate', 'deploy'], { databaseUrl: database.url });
  if (migrate.status !== 0) {
    await dropDatabase(database.name);
    throw new Error(`Could not migrate the test database:\n${migrate.output}`);
  }
  process.env.DATABASE_URL = database.url;
  project.provide('databaseUrl', database.url);
  return async () => {
    await dropDatabase(database.name);
  };
}
