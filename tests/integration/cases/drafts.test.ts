// Intake drafts: saved as staff go, versioned (a stale tab is told "not saved"), and private to
// their author — another user can neither open, save over, list nor delete them.
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';

vi.mock('server-only', () => ({}));
process.env.DATABASE_URL = inject('databaseUrl');

import { deleteDraft, deleteDrafts, listDrafts, loadDraft, saveDraft } from '@/lib/cases/drafts';
import { emptyIntakeFormValues } from '@/lib/intake/form/values';
import type { PrismaClient } from '@/lib/generated/prisma/client';

import { prismaFor } from '../support/prisma';
import { createTestStaff } from '../support/staff';
import { klonopinDailyValues } from './case-fixtures';

let db: PrismaClient;
type Actor = { id: string; role: 'INTAKE' | 'CLINICIAN' | 'ADMIN' };
let author: Actor;
let colleague: Actor;
let admin: Actor;
beforeAll(async () => {
  db = prismaFor(inject('databaseUrl'));
  author = { id: (await createTestStaff(db, { role: 'INTAKE' })).id, role: 'INTAKE' };
  colleague = { id: (await createTestStaff(db, { role: 'CLINICIAN' })).id, role: 'CLINICIAN' };
  admin = { id: (await createTestStaff(db, { role: 'ADMIN' })).id, role: 'ADMIN' };
});
afterAll(async () => {
  await db.$disconnect();
});

function withFirstName(firstName: string) {
  const values = emptyIntakeFormValues();
  return { ...values, patient: { ...values.patient, firstName } };
}

async function newDraft(actor: Actor, firstName = 'Jo') {
  const saved = await saveDraft(
    actor,
    { draftId: null, expectedVersion: null, values: withFirstName(firstName), section: 'patient' },
    { db },
  );
  if (!saved.ok) throw new Error(saved.message);
  return saved;
}

describe('saveDraft and loadDraft', () => {
  it('creates a draft, saves newer answers over the version it read, and loads them back', async () => {
    const created = await newDraft(author);
    expect(created.version).toBe(0);
    const values = klonopinDailyValues({ dateOfBirth: '1990-0' }); // half-typed: kept as typed
    const saved = await saveDraft(
      author,
      { draftId: created.draftId, expectedVersion: 0, values, section: 'substances' },
      { db },
    );
    expect(saved).toMatchObject({ ok: true, draftId: created.draftId, version: 1 });

    const loaded = await loadDraft(author, created.draftId, { db });
    expect(loaded.ok && loaded.draft).toMatchObject({ id: created.draftId, version: 1, section: 'substances', values });

    const audit = await db.auditEvent.findMany({
      where: { entityId: created.draftId },
      orderBy: { id: 'asc' },
      select: { action: true, outcome: true, detail: true },
    });
    expect(audit).toEqual([
      { action: 'draft.save', outcome: 'SUCCESS', detail: { version: 0, created: true } },
      { action: 'draft.save', outcome: 'SUCCESS', detail: { version: 1 } },
      { action: 'draft.view', outcome: 'SUCCESS', detail: null },
    ]);
  });

  it('opens a draft saved by the v1 form in the v2 form (pregnant yes → "yes", new questions empty) and keeps saving it as v2', async () => {
    const v2 = emptyIntakeFormValues();
    // As a browser sends it (JSON): the keys v2 added are absent.
    const v1Values: unknown = JSON.parse(
      JSON.stringify({
        ...v2,
        intakeVersion: undefined,
        patient: {
          firstName: 'Old',
          lastName: 'Draft',
          dateOfBirth: '1990-0',
          sex: 'female',
          pregnant: 'yes',
          mrn: '',
          phone: '',
        },
        substances: [{ ...v2.substances[0]!, prescribed: undefined, name: 'Vodka' }],
        overdoseRisk: undefined,
        treatment: undefined,
        mentalHealth: {
          phq9: v2.mentalHealth.phq9,
          gad7: v2.mentalHealth.gad7,
          suicidalIdeationWithPlan: 'no',
          psychosis: '',
        },
        environment: { housing: 'stable', livesWithActiveUser: '', supportSystem: '', interpersonalSafetyConcern: '' },
      }),
    );
    const stored = await db.intakeDraft.create({
      data: {
        authorId: author.id,
        data: JSON.parse(JSON.stringify({ formVersion: 1, section: 'substances', values: v1Values })),
      },
      select: { id: true },
    });
    const loaded = await loadDraft(author, stored.id, { db });
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    expect(loaded.draft.section).toBe('substances');
    expect(loaded.draft.values).toMatchObject({
      intakeVersion: 2,
      patient: { firstName: 'Old', dateOfBirth: '1990-0', pregnancy: 'yes', coverage: '', interpreterNeeded: '' },
      substances: [{ name: 'Vodka', prescribed: '' }],
      overdoseRisk: { usesAlone: '' },
      mentalHealth: { suicidalIdeationWithPlan: 'no', homicidalIdeation: '' },
      environment: { housing: 'stable', ambulatoryWithdrawalSupport: '' },
    });

    const saved = await saveDraft(
      author,
      { draftId: stored.id, expectedVersion: loaded.draft.version, values: loaded.draft.values, section: 'patient' },
      { db },
    );
    expect(saved.ok).toBe(true);
    const row = await db.intakeDraft.findUniqueOrThrow({ where: { id: stored.id }, select: { data: true } });
    expect(row.data).toMatchObject({ formVersion: 2, values: { intakeVersion: 2, patient: { pregnancy: 'yes' } } });

    // A page loaded before v2 may still send v1 values: they are saved, upgraded.
    const fromOldPage = await saveDraft(
      author,
      { draftId: stored.id, expectedVersion: saved.ok ? saved.version : -1, values: v1Values, section: 'patient' },
      { db },
    );
    expect(fromOldPage.ok).toBe(true);
  });

  it('refuses a save from a stale tab and keeps the newer answers', async () => {
    const created = await newDraft(author, 'First');
    expect(
      await saveDraft(
        author,
        { draftId: created.draftId, expectedVersion: 0, values: withFirstName('Second'), section: 'patient' },
        { db },
      ),
    ).toMatchObject({ ok: true, version: 1 });
    const stale = await saveDraft(
      author,
      { draftId: created.draftId, expectedVersion: 0, values: withFirstName('Stale'), section: 'patient' },
      { db },
    );
    expect(stale).toMatchObject({ ok: false, reason: 'conflict' });
    expect(!stale.ok && stale.message).toMatch(/^Not saved/);
    const loaded = await loadDraft(author, created.draftId, { db });
    expect(loaded.ok && loaded.draft.values.patient.firstName).toBe('Second');
  });

  it('keeps a draft private to its author: another user cannot open, save over or delete it', async () => {
    const created = await newDraft(author, 'Private');
    expect(await loadDraft(colleague, created.draftId, { db })).toMatchObject({ ok: false, reason: 'not_found' });
    expect(
      await saveDraft(
        colleague,
        { draftId: created.draftId, expectedVersion: 0, values: withFirstName('Hijack'), section: 'patient' },
        { db },
      ),
    ).toMatchObject({
      ok: false,
      reason: 'not_found',
    });
    expect(await deleteDraft(colleague, created.draftId, { db })).toMatchObject({ ok: false, reason: 'not_found' });

    const row = await db.intakeDraft.findUniqueOrThrow({ where: { id: created.draftId } });
    expect(row).toMatchObject({ authorId: author.id, version: 0 });
    expect((row.data as { values: { patient: { firstName: string } } }).values.patient.firstName).toBe('Private');

    const denials = await db.auditEvent.findMany({
      where: { entityId: created.draftId, outcome: 'DENIED' },
      select: { action: true, actorId: true },
    });
    expect(denials).toEqual([
      { action: 'draft.view', actorId: colleague.id },
      { action: 'draft.save', actorId: colleague.id },
      { action: 'draft.delete', actorId: colleague.id },
    ]);
  });

  it('saves the rest when one answer is over its length limit: that answer cut to the limit, and named', async () => {
    const values = withFirstName('J'.repeat(101));
    const long = { ...values, patient: { ...values.patient, lastName: 'Lee' } };
    const saved = await saveDraft(
      author,
      { draftId: null, expectedVersion: null, values: long, section: 'patient' },
      { db },
    );
    expect(saved).toMatchObject({ ok: true, tooLong: [{ path: 'patient.firstName', maximum: 100, length: 101 }] });
    if (!saved.ok) return;
    const loaded = await loadDraft(author, saved.draftId, { db });
    expect(loaded.ok && loaded.draft.values.patient).toMatchObject({ firstName: 'J'.repeat(100), lastName: 'Lee' });
  });

  it('refuses values of the wrong shape, malformed ids and roles without case:create', async () => {
    expect(
      await saveDraft(
        author,
        { draftId: null, expectedVersion: null, values: { patient: { firstName: 42 } }, section: 'patient' },
        { db },
      ),
    ).toMatchObject({
      ok: false,
      reason: 'invalid',
      message: expect.stringContaining('patient.firstName'),
    });
    expect(await loadDraft(author, '../etc/passwd', { db })).toMatchObject({ ok: false, reason: 'not_found' });
    expect(
      await saveDraft(
        admin,
        { draftId: null, expectedVersion: null, values: emptyIntakeFormValues(), section: 'patient' },
        { db },
      ),
    ).toMatchObject({
      ok: false,
      reason: 'forbidden',
    });
  });
});

describe('listDrafts and deleteDraft', () => {
  it('lists only the author’s drafts, newest first, labelled by patient name', async () => {
    const owner: Actor = { id: (await createTestStaff(db, { role: 'INTAKE' })).id, role: 'INTAKE' };
    const unnamed = await newDraft(owner, '');
    const named = await saveDraft(
      owner,
      { draftId: null, expectedVersion: null, values: klonopinDailyValues(), section: 'review' },
      { db },
    );
    await newDraft(colleague, 'NotMine');
    if (!named.ok) throw new Error('not saved');
    const drafts = await listDrafts(owner, { db });
    expect(drafts.map((draft) => [draft.id, draft.patientLabel])).toEqual([
      [named.draftId, 'Lee, Jordan'],
      [unnamed.draftId, 'Unnamed patient'],
    ]);
  });

  it('deletes the author’s draft', async () => {
    const created = await newDraft(author, 'Gone');
    expect(await deleteDraft(author, created.draftId, { db })).toEqual({ ok: true });
    expect(await db.intakeDraft.findUnique({ where: { id: created.draftId } })).toBeNull();
  });

  it('tells look-alike drafts apart: date of birth, MRN and section reached as saved, "not yet" as null', async () => {
    const owner: Actor = { id: (await createTestStaff(db, { role: 'INTAKE' })).id, role: 'INTAKE' };
    const values = klonopinDailyValues({ dateOfBirth: '1986-04-02', mrn: 'MRN-4411' });
    const full = await saveDraft(
      owner,
      { draftId: null, expectedVersion: null, values, section: 'withdrawal' },
      { db },
    );
    if (!full.ok) throw new Error('not saved');
    const bare = await newDraft(owner, 'Jo');
    const drafts = await listDrafts(owner, { db });
    expect(drafts.find((draft) => draft.id === full.draftId)).toMatchObject({
      dateOfBirth: '1986-04-02',
      mrn: 'MRN-4411',
      sectionTitle: 'Withdrawal',
    });
    expect(drafts.find((draft) => draft.id === bare.draftId)).toMatchObject({
      dateOfBirth: null,
      mrn: null,
      sectionTitle: 'Patient',
    });
  });
});

describe('deleteDrafts (discard several)', () => {
  it('deletes every chosen draft of the author and audits each', async () => {
    const owner: Actor = { id: (await createTestStaff(db, { role: 'INTAKE' })).id, role: 'INTAKE' };
    const kept = await newDraft(owner, 'Kept');
    const first = await newDraft(owner, 'One');
    const second = await newDraft(owner, 'Two');
    expect(await deleteDrafts(owner, [first.draftId, second.draftId], { db })).toEqual({ ok: true, deleted: 2 });
    expect((await listDrafts(owner, { db })).map((draft) => draft.id)).toEqual([kept.draftId]);
    const audited = await db.auditEvent.findMany({
      where: { action: 'draft.delete', actorId: owner.id, outcome: 'SUCCESS' },
      select: { entityId: true },
    });
    expect(audited.map((event) => event.entityId).sort()).toEqual([first.draftId, second.draftId].sort());
  });

  it('deletes none when one chosen draft is someone else’s, names the refusal, and audits the foreign id as denied', async () => {
    const owner: Actor = { id: (await createTestStaff(db, { role: 'INTAKE' })).id, role: 'INTAKE' };
    const mine = await newDraft(owner, 'Mine');
    const theirs = await newDraft(colleague, 'Theirs');
    const result = await deleteDrafts(owner, [mine.draftId, theirs.draftId], { db });
    expect(result).toMatchObject({ ok: false, reason: 'not_found' });
    expect(!result.ok && result.message).toContain('Nothing was discarded');
    expect(await db.intakeDraft.count({ where: { id: { in: [mine.draftId, theirs.draftId] } } })).toBe(2);
    const denied = await db.auditEvent.findMany({
      where: { action: 'draft.delete', actorId: owner.id, outcome: 'DENIED' },
      select: { entityId: true },
    });
    expect(denied.map((event) => event.entityId)).toEqual([theirs.draftId]);
  });

  it('refuses an empty choice and more than 50 at once, deleting nothing', async () => {
    const owner: Actor = { id: (await createTestStaff(db, { role: 'INTAKE' })).id, role: 'INTAKE' };
    const mine = await newDraft(owner, 'Mine');
    expect(await deleteDrafts(owner, [], { db })).toMatchObject({ ok: false, reason: 'invalid' });
    const tooMany = [mine.draftId, ...Array.from({ length: 50 }, () => crypto.randomUUID())];
    expect(await deleteDrafts(owner, tooMany, { db })).toMatchObject({ ok: false, reason: 'invalid' });
    expect(await db.intakeDraft.count({ where: { id: mine.draftId } })).toBe(1);
  });
});
