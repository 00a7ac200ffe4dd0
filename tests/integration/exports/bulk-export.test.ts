// Bulk export jobs (lib/exports/bulk): cases without a consent that permits the disclosure are
// listed and skipped, never exported; the ZIP is written with mode 0600; a job can be cancelled
// mid-run; a PDF job fails with the marked message until the PDF renderer lands; a restart fails
// running jobs with a clear reason; one export.bulk audit event per job.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

vi.mock('server-only', () => ({}));

import { createCase } from '@/lib/cases/create-case';
import { PURPOSES } from '@/lib/consent/part2-wording';
import { recordConsent } from '@/lib/consent/service';
import { RESTART_REASON, RUNNER_STALE_MS, recoverExportJobs, runExportJob } from '@/lib/exports/bulk/runner';
import { cancelExportJob, createExportJob } from '@/lib/exports/bulk/service';
import type { PrismaClient } from '@/lib/generated/prisma/client';

import { TEST_TODAY, klonopinDailyIntake } from '../cases/case-fixtures';
import { prismaFor } from '../support/prisma';
import { createTestStaff } from '../support/staff';
import { createScratchDatabase, dropDatabase, runPrisma } from '../support/test-database';

let db: PrismaClient;
let database: { name: string; url: string };
let clinician: { id: string; role: 'CLINICIAN'; displayName: string };
let dir: string;
const caseIds: string[] = [];
const now = new Date('2026-04-01T15:00:00Z');

async function consent(caseId: string, recipientName: string) {
  const result = await recordConsent(
    clinician,
    {
      caseId,
      kind: 'named',
      information: 'the intake assessment, level-of-care recommendation and referral summary of 2026-04-01',
      recipientName,
      recipientContact: '12 Dock St, Portland ME',
      purpose: PURPOSES.referral,
      expiryKind: 'date',
      expiresOn: '2026-07-01',
      expiryEvent: '',
      signatureMethod: 'typed',
      signatureName: 'Pat Patient',
      signedOn: '',
    },
    { db, now: new Date('2026-03-01T15:00:00Z') },
  );
  if (!result.ok) throw new Error(result.message);
  return result.consentId;
}

/** Entries in a ZIP, from its end-of-central-directory record. */
function zipEntryCount(file: string): number {
  const bytes = fs.readFileSync(file);
  const eocd = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  expect(eocd).toBeGreaterThan(0);
  return bytes.readUInt16LE(eocd + 10);
}

const options = () => ({ db, dir, now: () => now, schedule: false as const });

beforeAll(async () => {
  database = await createScratchDatabase('bulkexport');
  const migrated = runPrisma(['migrate', 'deploy'], { databaseUrl: database.url });
  if (migrated.status !== 0) throw new Error(migrated.output);
  db = prismaFor(database.url);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulk-export-'));
  const staff = await createTestStaff(db, { role: 'CLINICIAN', displayName: 'Cleo Clinician' });
  clinician = { id: staff.id, role: 'CLINICIAN', displayName: 'Cleo Clinician' };
  for (let index = 0; index < 5; index += 1) {
    const created = await createCase(
      clinician,
      { intake: klonopinDailyIntake({ firstName: 'Pat', lastName: `Patient${index}` }) },
      { db, today: TEST_TODAY },
    );
    if (!created.ok) throw new Error(created.message);
    caseIds.push(created.caseId);
  }
  // 0, 1, 3: consent to Harbor House. 2: none. 4: consent to another program only.
  for (const index of [0, 1, 3]) await consent(caseIds[index]!, 'Harbor House');
  await consent(caseIds[4]!, 'Other Place');
}, 180_000);

afterAll(async () => {
  await db?.$disconnect();
  if (database) await dropDatabase(database.name);
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('bulk export', () => {
  it('skips and lists the cases without a permitting consent, exports the others into a 0600 ZIP, audits once', async () => {
    const created = await createExportJob(
      clinician,
      { caseIds, format: 'fhir', recipientName: 'Harbor House' },
      options(),
    );
    if (!created.ok) throw new Error(created.message);
    expect(created.skipped).toEqual([
      { caseId: caseIds[2], reason: 'no_consent', message: expect.any(String) },
      { caseId: caseIds[4], reason: 'wrong_recipient', message: expect.any(String) },
    ]);
    expect(await runExportJob(created.jobId, options())).toBe('done');
    const job = await db.exportJob.findUniqueOrThrow({ where: { id: created.jobId } });
    expect(job).toMatchObject({ status: 'done', total: 3, done: 3 });
    expect([...job.exportedCaseIds].sort()).toEqual([caseIds[0], caseIds[1], caseIds[3]].sort());
    expect(job.exportedCaseIds).not.toContain(caseIds[2]);
    const file = job.filePath!;
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(zipEntryCount(file)).toBe(3);
    const zipText = fs.readFileSync(file).toString('latin1');
    expect(zipText).not.toContain('Patient2');

    const events = await db.auditEvent.findMany({ where: { action: 'export.bulk', entityId: created.jobId } });
    expect(events).toHaveLength(1);
    const detail = events[0]!.detail as Record<string, unknown>;
    expect(detail).toMatchObject({
      format: 'fhir',
      recipient: 'Harbor House',
      status: 'done',
      exported: 3,
      skipped: 2,
    });
    expect(String(detail.caseIds).split(',').sort()).toEqual([caseIds[0], caseIds[1], caseIds[3]].sort());
    expect(String(detail.consentIds).split(',')).toHaveLength(3);
    expect(String(detail.skippedCaseIds)).toContain(`${caseIds[2]}:no_consent`);
  });

  it('can be cancelled mid-run: stops before the next case, deletes the partial file, audits what was done', async () => {
    const created = await createExportJob(
      clinician,
      { caseIds, format: 'fhir', recipientName: 'Harbor House' },
      options(),
    );
    if (!created.ok) throw new Error(created.message);
    const status = await runExportJob(created.jobId, {
      ...options(),
      afterCase: async (done) => {
        if (done === 1) expect(await cancelExportJob(clinician, created.jobId, { db })).toEqual({ ok: true });
      },
    });
    expect(status).toBe('cancelled');
    const job = await db.exportJob.findUniqueOrThrow({ where: { id: created.jobId } });
    expect(job).toMatchObject({ status: 'cancelled', done: 1, total: 3, filePath: null });
    expect(job.exportedCaseIds).toHaveLength(1);
    expect(fs.existsSync(path.join(dir, `${created.jobId}.zip`))).toBe(false);
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: 'export.bulk', entityId: created.jobId } });
    expect(event.detail).toMatchObject({ status: 'cancelled', exported: 1 });
    expect(await cancelExportJob(clinician, created.jobId, { db })).toMatchObject({ ok: false, reason: 'conflict' });
  });

  it('makes a ZIP of referral summary PDFs, one per case', async () => {
    const created = await createExportJob(
      clinician,
      { caseIds: [caseIds[0], caseIds[1]], format: 'pdf', recipientName: 'Harbor House' },
      options(),
    );
    if (!created.ok) throw new Error(created.message);
    expect(await runExportJob(created.jobId, options())).toBe('done');
    const job = await db.exportJob.findUniqueOrThrow({ where: { id: created.jobId } });
    expect(job).toMatchObject({ status: 'done', done: 2, error: null });
    expect(zipEntryCount(job.filePath!)).toBe(2);
    // Entries are stored or deflated; either way each is named <n>-<case id>.pdf (no patient name).
    const names = fs.readFileSync(job.filePath!).toString('latin1');
    expect(names).toContain(`0001-${caseIds[0]}.pdf`);
    expect(names).toContain(`0002-${caseIds[1]}.pdf`);
  });

  it('refuses bad input naming the field, and a role without case:export', async () => {
    expect(
      await createExportJob(clinician, { caseIds: [], format: 'fhir', recipientName: 'X' }, options()),
    ).toMatchObject({
      ok: false,
      reason: 'invalid',
      fieldErrors: { caseIds: ['Select at least one case.'] },
    });
    expect(
      await createExportJob(
        { id: clinician.id, role: 'INTAKE', displayName: 'Ines Intake' },
        { caseIds, format: 'fhir', recipientName: 'Harbor House' },
        options(),
      ),
    ).toMatchObject({ ok: false, reason: 'forbidden' });
  });

  it('after a restart, a job left running is failed with a clear reason', async () => {
    const created = await createExportJob(
      clinician,
      { caseIds: [caseIds[0]], format: 'fhir', recipientName: 'Harbor House' },
      options(),
    );
    if (!created.ok) throw new Error(created.message);
    const quietSince = new Date(now.getTime() - RUNNER_STALE_MS - 1_000);
    await db.exportJob.update({ where: { id: created.jobId }, data: { status: 'running', heartbeatAt: quietSince } });
    await recoverExportJobs({ db, dir, now: () => now });
    const job = await db.exportJob.findUniqueOrThrow({ where: { id: created.jobId } });
    expect(job).toMatchObject({ status: 'failed', error: RESTART_REASON });
  });

  it('leaves alone a job another live process is running (fresh heartbeat), as with several app servers', async () => {
    const created = await createExportJob(
      clinician,
      { caseIds: [caseIds[0]], format: 'fhir', recipientName: 'Harbor House' },
      options(),
    );
    if (!created.ok) throw new Error(created.message);
    await db.exportJob.update({ where: { id: created.jobId }, data: { status: 'running', heartbeatAt: now } });
    await recoverExportJobs({ db, dir, now: () => now });
    const job = await db.exportJob.findUniqueOrThrow({ where: { id: created.jobId } });
    expect(job).toMatchObject({ status: 'running', error: null });
  });

  it('stamps the heartbeat while it runs', async () => {
    const created = await createExportJob(
      clinician,
      { caseIds: [caseIds[0]], format: 'fhir', recipientName: 'Harbor House' },
      options(),
    );
    if (!created.ok) throw new Error(created.message);
    const stamps: (Date | null)[] = [];
    await runExportJob(created.jobId, {
      ...options(),
      afterCase: async () => {
        const row = await db.exportJob.findUniqueOrThrow({ where: { id: created.jobId } });
        stamps.push(row.heartbeatAt);
      },
    });
    expect(stamps.map((stamp) => stamp?.getTime())).toEqual([now.getTime()]);
  });
});
