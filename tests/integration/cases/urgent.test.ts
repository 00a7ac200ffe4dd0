// Case.urgent (migration 20261203150000_case_urgent): stored with the flags from the rules
// tables' urgency, so the list's urgent filter and the dashboard's urgent queue read an index —
// and agree with each other. A v2 HARM_TO_OTHERS case (urgent by the v2 table) is in both; the
// dashboard's old hand-made list left it out.
import fs from 'node:fs';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';

vi.mock('server-only', () => ({}));
process.env.DATABASE_URL = inject('databaseUrl');

import { createCase } from '@/lib/cases/create-case';
import { isUrgentFlag } from '@/lib/cases/recommendation-view';
import { loadDashboard } from '@/lib/dashboard/queries';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { URGENT_FLAG_CODES, URGENT_FLAG_CODES_V2 } from '@/lib/placement';

import { prismaFor } from '../support/prisma';
import { createTestStaff } from '../support/staff';
import { TEST_TODAY, klonopinDailyV2Intake } from './case-fixtures';

let db: PrismaClient;
let supervisor: { id: string; role: 'SUPERVISOR'; sessionStartedAt: null };

beforeAll(async () => {
  db = prismaFor(inject('databaseUrl'));
  supervisor = {
    id: (await createTestStaff(db, { role: 'SUPERVISOR' })).id,
    role: 'SUPERVISOR',
    sessionStartedAt: null,
  };
});
afterAll(async () => {
  await db.$disconnect();
});

async function storedCase(homicidalIdeation: boolean) {
  const intake = klonopinDailyV2Intake({ lastName: `Urgent${homicidalIdeation ? 'Yes' : 'No'}` });
  const created = await createCase(
    supervisor,
    { intake: { ...intake, mentalHealth: { ...intake.mentalHealth, homicidalIdeation } } },
    { db, today: TEST_TODAY },
  );
  if (!created.ok) throw new Error(created.message);
  return db.case.findUniqueOrThrow({ where: { id: created.caseId }, select: { id: true, flags: true, urgent: true } });
}

describe('Case.urgent', () => {
  it('is true for a v2 case flagged HARM_TO_OTHERS (urgent by the v2 table), and it is in the urgent queue', async () => {
    const row = await storedCase(true);
    expect(row.flags).toContain('HARM_TO_OTHERS');
    expect(row.urgent).toBe(true);
    const dashboard = await loadDashboard(supervisor, { db, fresh: true });
    // Oldest first and 10 shown: this newest case is counted, if not necessarily shown.
    const total = dashboard!.urgent.total;
    const urgentOpen = await db.case.count({
      where: { urgent: true, status: { in: ['NEW', 'IN_REVIEW', 'REFERRED'] } },
    });
    expect(total).toBe(Math.min(urgentOpen, 1001));
  });

  it('is false when no flag is urgent, and always equals "some flag is urgent by its table"', async () => {
    const row = await storedCase(false);
    expect(row.flags.some((flag) => isUrgentFlag(flag))).toBe(false);
    expect(row.urgent).toBe(false);
    const all = await db.case.findMany({ select: { flags: true, urgent: true } });
    for (const stored of all) expect(stored.urgent).toBe(stored.flags.some((flag) => isUrgentFlag(flag)));
  });

  it('was filled for existing rows from the same codes the rules tables call urgent', () => {
    const sql = fs.readFileSync(
      path.join(process.cwd(), 'prisma/migrations/20261203150000_case_urgent/migration.sql'),
      'utf8',
    );
    const listed = /flags && ARRAY\[([^\]]*)\]/.exec(sql)?.[1] ?? '';
    const codes = [...listed.matchAll(/'([A-Z_]+)'/g)].map((match) => match[1]);
    expect(new Set(codes)).toEqual(new Set([...URGENT_FLAG_CODES, ...URGENT_FLAG_CODES_V2]));
  });
});
