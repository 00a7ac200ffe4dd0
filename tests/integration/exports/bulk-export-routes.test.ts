// The bulk export's routes and actions (issue 11 item 6) against PostgreSQL: GET /api/exports/<id>
// (status JSON, no patient names) and /download (the ZIP, audited export.bulk_download) answer
// 401 signed out, 403 without case:export, 404 for a job that is not the caller's (a supervisor's
// included), 409 until the job is done; the start action names a bad field and redirects to the
// job; the cancel action cancels one's own running job (the runner stops before its next case).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';

vi.mock('server-only', () => ({}));
process.env.DATABASE_URL = inject('databaseUrl');

type Resolution = {
  ok: true;
  staff: { id: string; email: string; displayName: string; role: string };
  claims: { signedInAt: number };
};
const session: { current: Resolution | { ok: false; reason: 'anonymous' } } = {
  current: { ok: false, reason: 'anonymous' },
};
vi.mock('@/lib/auth/session', () => ({
  getSessionResolution: async () => session.current,
  mayAuditAnonymousDenial: async () => true,
}));
// Route handlers and actions read the request's headers (request id, path); outside Next there is none.
vi.mock('next/headers', () => ({ headers: async () => new Headers({ 'x-request-id': 'test-request' }) }));

import { cancelBulkExportAction, startBulkExportAction } from '@/app/(staff)/exports/actions';
import { GET as downloadGET } from '@/app/api/exports/[jobId]/download/route';
import { GET as statusGET } from '@/app/api/exports/[jobId]/route';
import { createCase } from '@/lib/cases/create-case';
import { PURPOSES } from '@/lib/consent/part2-wording';
import { recordConsent } from '@/lib/consent/service';
import { runExportJob } from '@/lib/exports/bulk/runner';
import { createExportJob } from '@/lib/exports/bulk/service';
import type { ExportJobStatusJson } from '@/lib/exports/bulk/status';
import type { PrismaClient } from '@/lib/generated/prisma/client';

import { TEST_TODAY, klonopinDailyIntake } from '../cases/case-fixtures';
import { prismaFor } from '../support/prisma';
import { createTestStaff } from '../support/staff';

type Actor = { id: string; role: 'CLINICIAN' | 'SUPERVISOR' | 'INTAKE'; displayName: string };
let db: PrismaClient;
let dir: string;
let clinician: Actor;
let otherClinician: Actor;
let supervisor: Actor;
let intakeStaff: Actor;
let consented: string;
let unconsented: string;
const recipient = 'Harbor House Routes';
const NIL = '00000000-0000-4000-8000-000000000000';

function signIn(actor: Actor | null) {
  session.current = actor
    ? { ok: true, staff: { ...actor, email: `${actor.id}@example.test` }, claims: { signedInAt: Date.now() } }
    : { ok: false, reason: 'anonymous' };
}

const params = (jobId: string) => ({ params: Promise.resolve({ jobId }) });
const status = (jobId: string) => statusGET(new Request(`http://localhost/api/exports/${jobId}`), params(jobId));
const download = (jobId: string) =>
  downloadGET(new Request(`http://localhost/api/exports/${jobId}/download`), params(jobId));

/** Entries in a ZIP, from its end-of-central-directory record. */
function zipEntryCount(bytes: Buffer): number {
  const eocd = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  expect(eocd).toBeGreaterThan(0);
  return bytes.readUInt16LE(eocd + 10);
}

async function newJob(format: 'pdf' | 'fhir' = 'fhir'): Promise<string> {
  const created = await createExportJob(
    clinician,
    { caseIds: [consented, unconsented], format, recipientName: recipient },
    { db, schedule: false },
  );
  if (!created.ok) throw new Error(created.message);
  return created.jobId;
}

/** Next's redirect() throws an error whose digest names the target. */
async function redirectTarget(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (error) {
    const digest = String((error as { digest?: unknown }).digest ?? '');
    if (digest.startsWith('NEXT_REDIRECT')) return digest.split(';')[2] ?? '';
    throw error;
  }
  throw new Error('no redirect');
}

beforeAll(async () => {
  db = prismaFor(inject('databaseUrl'));
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulk-export-routes-'));
  const staff = async (role: Actor['role'], displayName: string): Promise<Actor> => ({
    id: (await createTestStaff(db, { role, displayName })).id,
    role,
    displayName,
  });
  clinician = await staff('CLINICIAN', 'Cleo Bulk');
  otherClinician = await staff('CLINICIAN', 'Otto Other');
  supervisor = await staff('SUPERVISOR', 'Sue Supervisor');
  intakeStaff = await staff('INTAKE', 'Ida Intake');
  const make = async (lastName: string) => {
    const created = await createCase(
      clinician,
      { intake: klonopinDailyIntake({ firstName: 'Ana', lastName }) },
      { db, today: TEST_TODAY },
    );
    if (!created.ok) throw new Error(created.message);
    return created.caseId;
  };
  consented = await make('Núñez-Consented');
  unconsented = await make('Strauß-Unconsented');
  // The routes work at the real clock: a consent that runs well past today.
  const consent = await recordConsent(clinician, {
    caseId: consented,
    kind: 'named',
    information: 'the intake assessment, level-of-care recommendation and referral summary',
    recipientName: recipient,
    recipientContact: '12 Dock St, Portland ME',
    purpose: PURPOSES.referral,
    expiryKind: 'date',
    expiresOn: '2099-12-31',
    expiryEvent: '',
    signatureMethod: 'typed',
    signatureName: 'Ana Núñez-Consented',
    signedOn: '',
  });
  if (!consent.ok) throw new Error(consent.message);
});

afterAll(async () => {
  await db?.$disconnect();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('GET /api/exports/<id>', () => {
  it('401 signed out, 403 without case:export, 404 for a job that is not the caller’s, JSON without names for the owner', async () => {
    const jobId = await newJob();
    signIn(null);
    expect((await status(jobId)).status).toBe(401);
    signIn(intakeStaff);
    expect((await status(jobId)).status).toBe(403);
    for (const other of [otherClinician, supervisor]) {
      signIn(other);
      const refused = await status(jobId);
      expect(refused.status, other.role).toBe(404);
      expect(await refused.text()).not.toContain(consented);
    }
    signIn(clinician);
    expect((await status(NIL)).status).toBe(404);
    expect((await status('not-a-uuid')).status).toBe(404);

    const response = await status(jobId);
    expect(response.status).toBe(200);
    expect(response.headers.get('Cache-Control')).toBe('no-store');
    const text = await response.text();
    expect(text).not.toMatch(/Núñez|Strauß|Ana|Harbor/);
    const body = JSON.parse(text) as ExportJobStatusJson;
    expect(body).toMatchObject({
      id: jobId,
      status: 'queued',
      format: 'fhir',
      total: 1,
      done: 0,
      downloadable: false,
      skipped: [
        { caseId: unconsented, reason: 'no_consent', message: 'There is no signed consent for this disclosure.' },
      ],
    });

    await runExportJob(jobId, { db, dir });
    const finished = (await (await status(jobId)).json()) as ExportJobStatusJson;
    expect(finished).toMatchObject({ status: 'done', done: 1, total: 1, exported: 1, downloadable: true });
  });
});

describe('GET /api/exports/<id>/download', () => {
  it('409 until done; then the ZIP with Content-Disposition, audited export.bulk_download; 401/403/404 for others', async () => {
    const jobId = await newJob('pdf');
    signIn(clinician);
    const early = await download(jobId);
    expect(early.status).toBe(409);
    expect(((await early.json()) as { error: string }).error).toMatch(/has not finished/);

    expect(await runExportJob(jobId, { db, dir })).toBe('done');
    signIn(null);
    expect((await download(jobId)).status).toBe(401);
    signIn(intakeStaff);
    expect((await download(jobId)).status).toBe(403);
    signIn(supervisor);
    expect((await download(jobId)).status).toBe(404);
    signIn(otherClinician);
    expect((await download(jobId)).status).toBe(404);
    expect(
      await db.auditEvent.count({ where: { action: 'export.bulk_download', entityId: jobId, outcome: 'SUCCESS' } }),
    ).toBe(0);

    signIn(clinician);
    const ok = await download(jobId);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('Content-Type')).toBe('application/zip');
    expect(ok.headers.get('Content-Disposition')).toBe(`attachment; filename="export-${jobId}-pdf.zip"`);
    expect(ok.headers.get('Cache-Control')).toBe('no-store');
    const bytes = Buffer.from(await ok.arrayBuffer());
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(zipEntryCount(bytes)).toBe(1);
    expect(bytes.toString('latin1')).toContain(`0001-${consented}.pdf`);

    const events = await db.auditEvent.findMany({
      where: { action: 'export.bulk_download', entityId: jobId },
      orderBy: { at: 'asc' },
      select: { outcome: true, actorId: true, detail: true, entityType: true },
    });
    expect(events.map((event) => event.outcome)).toEqual(['DENIED', 'DENIED', 'DENIED', 'SUCCESS']);
    const success = events.at(-1)!;
    expect(success).toMatchObject({ actorId: clinician.id, entityType: 'ExportJob' });
    expect(success.detail).toMatchObject({ format: 'pdf', recipient, caseIds: consented, exported: 1 });
    expect(String((success.detail as { consentIds: string }).consentIds)).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.stringify(success.detail)).not.toMatch(/Núñez|Strauß/);
    // Refusals by role are access.denied (the guard), with the path but no case.
    expect(
      await db.auditEvent.count({
        where: {
          action: 'access.denied',
          actorId: intakeStaff.id,
          detail: { path: ['permission'], equals: 'case:export' },
        },
      }),
    ).toBeGreaterThanOrEqual(1);
  });
});

describe('startBulkExportAction and cancelBulkExportAction', () => {
  const form = (fields: Record<string, string>) => {
    const data = new FormData();
    for (const [key, value] of Object.entries(fields)) data.set(key, value);
    return data;
  };

  it('names the field of bad input, and refuses a role without case:export', async () => {
    signIn(clinician);
    const empty = await startBulkExportAction(
      { status: 'idle' },
      form({ caseIds: '', format: 'pdf', recipientName: recipient }),
    );
    expect(empty).toMatchObject({
      status: 'error',
      reason: 'invalid',
      fieldErrors: { caseIds: ['Select at least one case.'] },
    });
    const noRecipient = await startBulkExportAction(
      { status: 'idle' },
      form({ caseIds: consented, format: 'docx', recipientName: ' ' }),
    );
    expect(noRecipient).toMatchObject({
      status: 'error',
      fieldErrors: { format: ['Choose PDF or FHIR.'], recipientName: ['Enter the recipient.'] },
      values: { recipientName: ' ' },
    });
    signIn(intakeStaff);
    expect(
      await startBulkExportAction(
        { status: 'idle' },
        form({ caseIds: consented, format: 'pdf', recipientName: recipient }),
      ),
    ).toMatchObject({ status: 'error', authError: 403 });
  });

  it('makes a job of the selected cases and redirects to its page', async () => {
    signIn(clinician);
    const before = await db.exportJob.count({ where: { createdById: clinician.id } });
    const target = await redirectTarget(() =>
      startBulkExportAction(
        { status: 'idle' },
        form({ caseIds: `${consented},${unconsented}`, format: 'fhir', recipientName: recipient }),
      ),
    );
    const job = await db.exportJob.findFirstOrThrow({
      where: { createdById: clinician.id },
      orderBy: { createdAt: 'desc' },
    });
    expect(await db.exportJob.count({ where: { createdById: clinician.id } })).toBe(before + 1);
    expect(target).toBe(`/exports/${job.id}`);
    expect(job).toMatchObject({ format: 'fhir', recipientName: recipient, caseIds: [consented], total: 1 });
    // The job runs on this process's runner (scheduled by the service); wait for it to end.
    for (let tries = 0; tries < 100; tries += 1) {
      const current = await db.exportJob.findUniqueOrThrow({ where: { id: job.id } });
      if (current.status === 'done' || current.status === 'failed') break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const ended = await db.exportJob.findUniqueOrThrow({ where: { id: job.id } });
    expect(ended.status).toBe('done');
    if (ended.filePath) fs.rmSync(ended.filePath, { force: true });
  });

  it('cancels one’s own running job: the runner stops before the next case, the status says cancelled, no download', async () => {
    const created = await createExportJob(
      clinician,
      { caseIds: [consented], format: 'fhir', recipientName: recipient },
      { db, schedule: false },
    );
    if (!created.ok) throw new Error(created.message);
    // The same case twice, so the job has a next case to stop before.
    await db.exportJob.update({ where: { id: created.jobId }, data: { caseIds: [consented, consented], total: 2 } });

    const jobId = created.jobId;
    const outcome = await runExportJob(jobId, {
      db,
      dir,
      afterCase: async (done) => {
        if (done !== 1) return;
        signIn(otherClinician);
        expect(await cancelBulkExportAction({ status: 'idle' }, form({ jobId }))).toMatchObject({
          status: 'error',
          reason: 'not_found',
        });
        signIn(clinician);
        const running = (await (await status(jobId)).json()) as ExportJobStatusJson;
        expect(running).toMatchObject({ status: 'running', done: 1, total: 2 });
        expect(await cancelBulkExportAction({ status: 'idle' }, form({ jobId }))).toEqual({
          status: 'success',
          message: 'Export cancelled.',
        });
      },
    });
    expect(outcome).toBe('cancelled');
    signIn(clinician);
    expect((await (await status(jobId)).json()) as ExportJobStatusJson).toMatchObject({
      status: 'cancelled',
      done: 1,
      downloadable: false,
    });
    const refused = await download(jobId);
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { error: string }).error).toMatch(/cancelled/);
    expect(await db.auditEvent.count({ where: { action: 'export.bulk_cancel', entityId: jobId } })).toBe(1);
    expect(await cancelBulkExportAction({ status: 'idle' }, form({ jobId }))).toMatchObject({
      status: 'error',
      reason: 'conflict',
    });
  });
});
