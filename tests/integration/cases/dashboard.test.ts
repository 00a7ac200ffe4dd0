// The home dashboard's queries (lib/dashboard/queries.ts) on a seeded database, checked against
// the same numbers computed here from all rows: counts by status, the urgent queue (open, an
// urgent flag, oldest first), my cases, intakes per week, recommended levels, the medians
// from the status history, the access condition, and the case.list audit event.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

vi.mock('server-only', () => ({}));

import { loadDashboard } from '@/lib/dashboard/queries';
import { isUrgentFlag } from '@/lib/cases/recommendation-view';
import { OPEN_STATUSES, mondayOf, weekStarts } from '@/lib/dashboard/summary';
import { calendarDateOf } from '@/lib/format/date-time';
import type { PrismaClient } from '@/lib/generated/prisma/client';

import { seedDatabase, type SeededStaff } from '../../../scripts/lib/seed/seed-database';
import { prismaFor } from '../support/prisma';
import { createScratchDatabase, dropDatabase, runPrisma } from '../support/test-database';

let db: PrismaClient;
let database: { name: string; url: string };
let staff: readonly SeededStaff[];

beforeAll(async () => {
  database = await createScratchDatabase('dashboard');
  const migrated = runPrisma(['migrate', 'deploy'], { databaseUrl: database.url });
  if (migrated.status !== 0) throw new Error(migrated.output);
  db = prismaFor(database.url);
  staff = (await seedDatabase(database.url, { cases: 600 })).staff;
}, 180_000);

afterAll(async () => {
  await db?.$disconnect();
  if (database) await dropDatabase(database.name);
});

const median = (values: number[]) => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = (sorted.length - 1) / 2;
  return Math.round((((sorted[Math.floor(mid)] ?? 0) + (sorted[Math.ceil(mid)] ?? 0)) / 2) * 10) / 10;
};

describe('loadDashboard', () => {
  it('gives a supervisor the numbers of every case', async () => {
    const supervisor = staff.find((member) => member.role === 'SUPERVISOR')!;
    const now = new Date();
    const dashboard = (await loadDashboard({ id: supervisor.id, role: 'SUPERVISOR' }, { db, now }))!;
    const all = await db.case.findMany();

    for (const row of dashboard.statusCounts)
      expect(row.count).toBe(all.filter((item) => item.status === row.status).length);

    const open = (status: string) => (OPEN_STATUSES as readonly string[]).includes(status);
    const urgent = all
      .filter((item) => open(item.status) && item.flags.some((flag) => isUrgentFlag(flag)))
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : 1));
    expect(urgent.length).toBeGreaterThan(0);
    expect(dashboard.urgent.total).toBe(urgent.length);
    expect(dashboard.urgent.cases.map((item) => item.id)).toEqual(urgent.slice(0, 10).map((item) => item.id));

    const firstWeek = weekStarts(calendarDateOf(now))[0]!;
    const inWindow = all.filter((item) => mondayOf(calendarDateOf(item.createdAt)) >= firstWeek);
    expect(dashboard.intakesPerWeek.reduce((sum, week) => sum + week.count, 0)).toBe(inWindow.length);
    for (const week of dashboard.intakesPerWeek)
      expect(week.count).toBe(
        inWindow.filter((item) => mondayOf(calendarDateOf(item.createdAt)) === week.weekStart).length,
      );
    for (const level of dashboard.recommendedLevels)
      expect(level.count).toBe(inWindow.filter((item) => item.computedLevel === level.level).length);

    // Medians from the status history: each case's first move to the status, if in the last 90 days.
    const since = now.getTime() - 90 * 86_400_000;
    const changes = await db.caseStatusChange.findMany({ orderBy: { at: 'asc' }, include: { case: true } });
    expect(changes.length).toBeGreaterThan(0);
    const daysOf = (status: string) => {
      const first = new Map<string, (typeof changes)[number]>();
      for (const change of changes)
        if (change.toStatus === status && !first.has(change.caseId)) first.set(change.caseId, change);
      return [...first.values()]
        .filter((change) => change.at.getTime() >= since)
        .map((change) => (change.at.getTime() - change.case.createdAt.getTime()) / 86_400_000);
    };
    expect(daysOf('REFERRED').length).toBeGreaterThan(0);
    expect(dashboard.medians.referralCases).toBe(daysOf('REFERRED').length);
    expect(dashboard.medians.admissionCases).toBe(daysOf('ADMITTED').length);
    expect(dashboard.medians.toReferralDays).toBeCloseTo(median(daysOf('REFERRED')) ?? NaN, 1);
    expect(dashboard.medians.toAdmissionDays).toBeCloseTo(median(daysOf('ADMITTED')) ?? NaN, 1);

    const event = await db.auditEvent.findFirst({ where: { actorId: supervisor.id, action: 'case.list' } });
    expect(event?.detail).toMatchObject({ view: 'dashboard' });
  });

  it('counts only what a clinician may see, and lists their open assigned cases as theirs', async () => {
    const clinician = staff.find((member) => member.role === 'CLINICIAN')!;
    const dashboard = (await loadDashboard({ id: clinician.id, role: 'CLINICIAN' }, { db }))!;
    const visible = await db.case.findMany({
      where: {
        OR: [
          { createdById: clinician.id },
          { assignedToId: clinician.id },
          { careTeam: { some: { staffId: clinician.id } } },
        ],
      },
    });
    expect(dashboard.statusCounts.reduce((sum, row) => sum + row.count, 0)).toBe(visible.length);
    const mine = visible.filter(
      (item) => item.assignedToId === clinician.id && (OPEN_STATUSES as readonly string[]).includes(item.status),
    );
    expect(dashboard.mine.total).toBe(mine.length);
    expect(dashboard.mine.cases.every((item) => mine.some((own) => own.id === item.id))).toBe(true);
  });

  it('reuses the aggregates for a minute, keeps the lists live, then computes them again', async () => {
    const supervisor = staff.find((member) => member.role === 'SUPERVISOR')!;
    const actor = { id: supervisor.id, role: 'SUPERVISOR' };
    const t0 = new Date();
    const first = (await loadDashboard(actor, { db, now: t0, fresh: true }))!;
    const newest = await db.case.findFirst({ where: { status: 'IN_REVIEW' }, orderBy: { createdAt: 'asc' } });
    await db.case.update({ where: { id: newest!.id }, data: { status: 'NEW' } });
    const soon = (await loadDashboard(actor, { db, now: new Date(t0.getTime() + 30_000) }))!;
    expect(soon.aggregatesAt).toEqual(first.aggregatesAt);
    expect(soon.statusCounts).toEqual(first.statusCounts);
    const later = (await loadDashboard(actor, { db, now: new Date(t0.getTime() + 61_000) }))!;
    expect(later.aggregatesAt.getTime()).toBe(t0.getTime() + 61_000);
    const count = (d: typeof first, status: string) => d.statusCounts.find((row) => row.status === status)!.count;
    expect(count(later, 'NEW')).toBe(count(first, 'NEW') + 1);
  });

  it('computes the aggregates once for requests that arrive together while the cache is empty or expired', async () => {
    const supervisor = staff.find((member) => member.role === 'SUPERVISOR')!;
    const actor = { id: supervisor.id, role: 'SUPERVISOR' };
    // Far past any cached entry of the other tests: the cache is expired for this viewer.
    const t0 = new Date(Date.now() + 10 * 60_000);
    const together = await Promise.all(
      [0, 1, 2, 3].map((offset) => loadDashboard(actor, { db, now: new Date(t0.getTime() + offset) })),
    );
    // One computation, started by the first request, served all four.
    for (const dashboard of together) expect(dashboard!.aggregatesAt.getTime()).toBe(t0.getTime());
    // And it filled the cache for the minute after it.
    const after = (await loadDashboard(actor, { db, now: new Date(t0.getTime() + 30_000) }))!;
    expect(after.aggregatesAt.getTime()).toBe(t0.getTime());
  });

  it('counts a case by its first referral only: a re-referral after a reopen adds nothing, a new referral adds one', async () => {
    const supervisor = staff.find((member) => member.role === 'SUPERVISOR')!;
    const actor = { id: supervisor.id, role: 'SUPERVISOR' };
    const now = new Date();
    const before = (await loadDashboard(actor, { db, now, fresh: true }))!.medians;
    const old = await db.caseStatusChange.findFirst({
      where: {
        toStatus: 'REFERRED',
        at: { lt: new Date(now.getTime() - 120 * 86_400_000) },
        case: { status: 'CLOSED' },
      },
    });
    const reviewing = await db.case.findFirst({ where: { status: 'IN_REVIEW' } });
    const at = new Date(now.getTime() - 60_000);
    await db.caseStatusChange.createMany({
      data: [
        {
          caseId: old!.caseId,
          byId: supervisor.id,
          at,
          fromStatus: 'CLOSED',
          toStatus: 'IN_REVIEW',
          reason: 'New information',
        },
        { caseId: old!.caseId, byId: supervisor.id, at, fromStatus: 'IN_REVIEW', toStatus: 'REFERRED' },
        { caseId: reviewing!.id, byId: supervisor.id, at, fromStatus: 'IN_REVIEW', toStatus: 'REFERRED' },
      ],
    });
    // As changeCaseStatus does: the case row is updated with its status change.
    await db.case.updateMany({
      where: { id: { in: [old!.caseId, reviewing!.id] } },
      data: { version: { increment: 1 } },
    });
    const after = (await loadDashboard(actor, { db, now: new Date(), fresh: true }))!.medians;
    expect(after.referralCases).toBe(before.referralCases + 1);
    expect(after.admissionCases).toBe(before.admissionCases);
  });

  it('shows nothing to a role without case:read', async () => {
    expect(await loadDashboard({ id: staff[0]!.id, role: 'ADMIN' }, { db })).toBeNull();
  });
});
