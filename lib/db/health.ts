import 'server-only';

import { getPrisma } from './client';

export type DatabaseHealth = 'ok' | 'unavailable';

/** Asks the database a trivial question, giving up after `timeoutMs`. */
export async function checkDatabase(timeoutMs = 3_000): Promise<DatabaseHealth> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('database health check timed out')), timeoutMs);
    });
    await Promise.race([getPrisma().$queryRaw`SELECT 1`, timeout]);
    return 'ok';
  } catch {
    return 'unavailable';
  } finally {
    clearTimeout(timer);
  }
}
