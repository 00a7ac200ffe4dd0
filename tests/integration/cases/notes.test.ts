// Case notes: added by anyone with case:note, with a case.note audit event; an empty note is
// refused with a field message; ADMIN (no clinical rights) is refused and the refusal recorded.
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';

vi.mock('server-only', () => ({}));
process.env.DATABASE_URL = inject('databaseUrl');

import { createCase } from '@/lib/cases/create-case';
import { getCase } from '@/lib/cases/get-case';
import { addCaseNote } from '@/lib/cases/notes';
import type { PrismaClient } from '@/lib/generated/prisma/client';

import { prismaFor } from '../support/prisma';
import { createTestStaff } from '../support/staff';
import { TEST_TODAY, klonopinDailyIntake } from './case-fixtures';

let db: PrismaClient;
let intakeStaff: { id: string; role: 'INTAKE' };
let admin: { id: string; role: 'ADMIN' };
let caseId: string;
beforeAll(async () => {
  db = prismaFor(inject('databaseUrl'));
  intakeStaff = { id: (await createTestStaff(db, { role: 'INTAKE', displayName: 'Noa Notes' })).id, role: 'INTAKE' };
  admin = { id: (await createTestStaff(db, { role: 'ADMIN' })).id, role: 'ADMIN' };
  const created = await createCase(intakeStaff, { intake: klonopinDailyIntake() }, { db, today: TEST_TODAY });
  if (!created.ok) throw new Error('not created');
  caseId = created.caseId;
});
afterAll(async () => {
  await db.$disconnect();
});

describe('addCaseNote', () => {
  it('adds a note shown on the case, with an audit event naming the note, not its words', async () => {
    const result = await addCaseNote(
      intakeStaff,
      { caseId, body: '  Called back at 14:10; bed available tomorrow.  ' },
      { db },
    );
    expect(result.ok).toBe(true);
    const view = await getCase(intakeStaff, caseId, { db });
    expect(view.ok && view.case.notes).toEqual([
      expect.objectContaining({ authorName: 'Noa Notes', body: 'Called back at 14:10; bed available tomorrow.' }),
    ]);
    const event = await db.auditEvent.findFirstOrThrow({ where: { entityId: caseId, action: 'case.note' } });
    expect(event).toMatchObject({
      outcome: 'SUCCESS',
      actorId: intakeStaff.id,
      detail: { noteId: result.ok ? result.noteId : '' },
    });
  });

  it('refuses an empty note with a field message', async () => {
    expect(await addCaseNote(intakeStaff, { caseId, body: '   ' }, { db })).toMatchObject({
      ok: false,
      reason: 'invalid',
      fieldErrors: { body: ['Write the note'] },
    });
  });

  it('refuses ADMIN and unknown cases', async () => {
    expect(await addCaseNote(admin, { caseId, body: 'hello there' }, { db })).toMatchObject({
      ok: false,
      reason: 'forbidden',
    });
    expect(
      await db.auditEvent.findFirst({
        where: { entityId: caseId, action: 'case.note', outcome: 'DENIED', actorId: admin.id },
      }),
    ).not.toBeNull();
    expect(
      await addCaseNote(intakeStaff, { caseId: '00000000-0000-4000-8000-000000000009', body: 'hello there' }, { db }),
    ).toMatchObject({ ok: false, reason: 'not_found' });
  });
});
