// GET /cases/export.csv's handler (lib/cases/export/csv-response.ts) on its own migrated database:
// 403 for a CLINICIAN, streamed keyset pages that match the list's filters, sort and search, a
// de-identified file with no identifier of the seeded patients, and one case.export_csv audit
// event with the ids sent — also when the client goes away midway.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

vi.mock('server-only', () => ({}));

import { createCase } from '@/lib/cases/create-case';
import { caseCsvResponse } from '@/lib/cases/export/csv-response';
import type { CaseCsvResult } from '@/lib/cases/export/csv-stream';
import { calendarDateOf, formatDateTime } from '@/lib/format/date-time';
import type { PrismaClient } from '@/lib/generated/prisma/client';

import { prismaFor } from '../../support/prisma';
import { createTestStaff } from '../../support/staff';
import { createScratchDatabase, dropDatabase, runPrisma } from '../../support/test-database';
import { TEST_TODAY, klonopinDailyV2Intake } from '../case-fixtures';

let db: PrismaClient;
/** The export reads its pages through pg, as it does on the app's pool under Prisma. */
let pool: pg.Pool;
let database: { name: string; url: string };
let supervisor: { id: string; role: 'SUPERVISOR' };
let clinician: { id: string; role: 'CLINICIAN' };
const seeded: Array<{
  id: string;
  first: string;
  last: string;
  mrn: string;
  phone: string;
  contact: string;
  dob: string;
}> = [];

const PEOPLE = [
  ['Jordan', 'Lee'],
  ['José', 'Núñez'],
  ['Leena', 'Okafor'],
  ['Sam', 'Leeds'],
  ['Ana', "O'Brien"],
  ['Björn', 'Strauß'],
  ['Mai', 'Nguyễn'],
] as const;

beforeAll(async () => {
  database = await createScratchDatabase('csvexport');
  const migrated = runPrisma(['migrate', 'deploy'], { databaseUrl: database.url });
  if (migrated.status !== 0) throw new Error(migrated.output);
  db = prismaFor(database.url);
  pool = new pg.Pool({ connectionString: database.url, max: 2 });
  supervisor = { id: (await createTestStaff(db, { role: 'SUPERVISOR' })).id, role: 'SUPERVISOR' };
  clinician = { id: (await createTestStaff(db, { role: 'CLINICIAN' })).id, role: 'CLINICIAN' };
  for (let index = 0; index < 14; index += 1) {
    const [first, last] = PEOPLE[index % PEOPLE.length]!;
    const person = {
      firstName: first,
      lastName: `${last}${index}`,
      mrn: `MRN-${4000 + index}`,
      phone: `+1 555 01${String(index).padStart(2, '0')}`,
      dateOfBirth: `19${70 + index}-0${(index % 9) + 1}-1${index % 10}`,
      emergencyContact: {
        name: `Kin${index} Contactperson`,
        phone: `555-02${String(index).padStart(2, '0')}`,
        relationship: 'sister',
      },
    };
    const created = await createCase(clinician, { intake: klonopinDailyV2Intake(person) }, { db, today: TEST_TODAY });
    if (!created.ok) throw new Error(created.message);
    seeded.push({
      id: created.caseId,
      first,
      last: person.lastName,
      mrn: person.mrn,
      phone: person.phone,
      contact: person.emergencyContact.name,
      dob: person.dateOfBirth,
    });
  }
  // Every third case closed: a status filter to match.
  await db.case.updateMany({
    where: { id: { in: seeded.filter((_, i) => i % 3 === 0).map((c) => c.id) } },
    data: { status: 'CLOSED' },
  });
}, 180_000);

afterAll(async () => {
  await db?.$disconnect();
  await pool?.end();
  if (database) await dropDatabase(database.name);
});

const CONTEXT = { requestId: 'csv-test' };

async function exportCsv(actor: { id: string; role: string }, query: string, search = '', pageSize = 4) {
  let result: CaseCsvResult | null = null;
  const response = caseCsvResponse({
    actor: actor as never,
    searchParams: new URLSearchParams(query),
    search,
    context: CONTEXT,
    db,
    pool,
    pageSize,
    onFinished: (finished) => {
      result = finished;
    },
  });
  const text = response.status === 200 ? await response.text() : '';
  return { response, text, result: () => result as CaseCsvResult | null };
}

function dataLines(text: string): string[] {
  return text
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .slice(1)
    .filter((line) => line !== '');
}

async function exportEvents() {
  return db.auditEvent.findMany({ where: { action: 'case.export_csv' }, orderBy: { id: 'asc' } });
}

describe('GET /cases/export.csv', () => {
  it('answers 403 to a CLINICIAN and records no export', async () => {
    const before = (await exportEvents()).length;
    const { response } = await exportCsv(clinician, '');
    expect(response.status).toBe(403);
    expect((await exportEvents()).length).toBe(before);
  });

  it('streams every case matching the filter, in the list sort, across keyset pages', async () => {
    const { response, text } = await exportCsv(supervisor, 'status=CLOSED&sort=name', '', 2);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="cases-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const ids = dataLines(text).map((line) => line.split(',')[0]);
    const expected = await db.case.findMany({
      where: { status: 'CLOSED' },
      orderBy: [{ patientLastNameKey: 'asc' }, { patientFirstNameKey: 'asc' }, { id: 'asc' }],
      select: { id: true },
    });
    expect(expected.length).toBe(5);
    expect(ids).toEqual(expected.map((row) => row.id));
  });

  it('applies the search words from the cookie, not the URL', async () => {
    const { text } = await exportCsv(supervisor, '', 'okafor');
    const lines = dataLines(text);
    expect(lines.length).toBe(2);
    for (const line of lines) expect(line).toContain('Okafor');
  });

  it('identified rows hold the names, MRN and phone, the phone neutralised as text', async () => {
    const { text } = await exportCsv(supervisor, '');
    expect(dataLines(text).length).toBe(seeded.length);
    const one = seeded[2]!;
    expect(text).toContain(one.mrn);
    expect(text).toContain(`"'${one.phone}"`);
    expect(text).toContain(one.contact);
    // Dates as the app writes them: the date of birth as stored, intake and update in the program zone.
    const stored = await db.case.findUniqueOrThrow({ where: { id: one.id } });
    const line = dataLines(text).find((row) => row.startsWith(one.id))!;
    expect(line).toContain(`,${one.dob},`);
    expect(line).toContain(`,"${formatDateTime(stored.createdAt)}","${formatDateTime(stored.updatedAt)}",`);
  });

  it('de-identified rows give the intake and update years in the program zone', async () => {
    const { text } = await exportCsv(supervisor, 'deidentified=1&sort=intake&dir=desc');
    const stored = await db.case.findMany({ orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] });
    expect(dataLines(text).map((line) => line.split(',').slice(0, 2))).toEqual(
      stored.map((row) => [calendarDateOf(row.createdAt).slice(0, 4), calendarDateOf(row.updatedAt).slice(0, 4)]),
    );
  });

  it('de-identified output contains none of the names, DOB, MRN, phone, contact or case ids', async () => {
    const { text } = await exportCsv(supervisor, 'deidentified=1');
    expect(dataLines(text).length).toBe(seeded.length);
    for (const person of seeded) {
      for (const identifier of [
        person.id,
        person.first,
        person.last,
        person.mrn,
        person.phone,
        person.contact,
        person.dob,
      ])
        expect(text).not.toContain(identifier);
    }
    expect(text).not.toMatch(/MRN|Date of birth|Phone/);
  });

  it('writes one case.export_csv event with the filters, row count, flag, and the ids sent', async () => {
    const before = (await exportEvents()).length;
    const { text, result } = await exportCsv(supervisor, 'status=CLOSED&deidentified=1');
    const events = await exportEvents();
    expect(events.length).toBe(before + 1);
    const event = events[events.length - 1]!;
    expect(event.actorId).toBe(supervisor.id);
    expect(event.outcome).toBe('SUCCESS');
    expect(event.detail).toMatchObject({ statuses: 'CLOSED', deidentified: true, rowsSent: 5, ended: 'complete' });
    expect(JSON.stringify(event.detail)).not.toMatch(/Lee|Núñez|MRN-/);
    expect(result()?.rowsSent).toBe(dataLines(text).length);
    const chunks = await db.csvExportCaseIds.findMany({
      where: { exportId: (event.detail as { exportId: string }).exportId },
    });
    const closed = await db.case.findMany({ where: { status: 'CLOSED' }, select: { id: true } });
    expect(chunks.flatMap((chunk) => chunk.caseIds).sort()).toEqual(closed.map((row) => row.id).sort());
  });

  it('records the rows sent when the client disconnects midway', async () => {
    const before = (await exportEvents()).length;
    let finished: CaseCsvResult | null = null;
    const response = caseCsvResponse({
      actor: supervisor as never,
      searchParams: new URLSearchParams(''),
      search: '',
      context: CONTEXT,
      db,
      pool,
      pageSize: 3,
      onFinished: (result) => {
        finished = result;
      },
    });
    const reader = response.body!.getReader();
    await reader.read(); // header
    await reader.read(); // first page of 3
    await reader.cancel();
    await vi.waitFor(() => expect(finished).not.toBeNull());
    const events = await exportEvents();
    expect(events.length).toBe(before + 1);
    const detail = events[events.length - 1]!.detail as Record<string, unknown>;
    expect(detail.ended).toBe('cancelled');
    expect(detail.rowsSent).toBeGreaterThanOrEqual(3);
    expect(detail.rowsSent).toBeLessThan(seeded.length);
  });
});
