// GET /api/health against the run's real database, and against a server that is not there.
import { inject, vi, describe, expect, it, beforeEach } from 'vitest';

vi.mock('server-only', () => ({}));

const globalForPrisma = globalThis as unknown as { intakePrisma?: unknown };

async function callHealth(databaseUrl: string) {
  process.env.DATABASE_URL = databaseUrl;
  vi.resetModules();
  const { GET } = await import('@/app/api/health/route');
  return GET();
}

beforeEach(() => {
  // One Prisma client per process: start each case with a fresh one for its DATABASE_URL.
  delete globalForPrisma.intakePrisma;
});

describe('GET /api/health', () => {
  it('answers 200 with status and database ok when the database answers', async () => {
    const response = await callHealth(inject('databaseUrl'));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', database: 'ok' });
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('answers 503 with database unavailable when the database server is unreachable', async () => {
    const response = await callHealth('postgresql://postgres@127.0.0.1:1/unreachable');
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: 'unavailable', database: 'unavailable' });
  });
});
