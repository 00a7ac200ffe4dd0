import 'server-only';

import { z } from 'zod';

import { AUDIT_ACTIONS, type AuditAction } from '@/lib/audit/event-names';
import { appendAuditEvent } from '@/lib/audit/append';
import { can } from '@/lib/auth/permissions';
import { getPrisma } from '@/lib/db/client';
import type { DbClient } from '@/lib/db/types';
import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client';
import { fail, type Failure, type Outcome } from '@/lib/outcome';

import { isUuid, type CaseActor } from './actor';
import { deny } from './audit-denial';
import { updateCaseAtVersion } from './case-version';
import type { CaseStatusValue } from './status';

// Assignment and care team (issue 9, item 2). SUPERVISOR (case:reassign) assigns, reassigns and
// changes the care team; each change claims the case version it was based on and is audited in
// the same transaction. Removing a member deletes the row: the audit events keep the history.

const NOT_FOUND = 'There is no case with that id.';
/** Roles that work cases and so may be assigned or added to a care team. */
const CLINICAL_ROLES = ['INTAKE', 'CLINICIAN', 'SUPERVISOR'] as const;

const version = z.coerce.number().int().min(0);
const AssignInputSchema = z.object({
  caseId: z.string(),
  /** '' or null: unassign. */
  assigneeId: z.union([z.uuid(), z.literal(''), z.null()]),
  expectedVersion: version,
});
const MemberInputSchema = z.object({ caseId: z.string(), staffId: z.uuid(), expectedVersion: version });

export interface TeamMember {
  readonly staffId: string;
  readonly name: string;
  readonly role: string;
  readonly addedAt: Date;
  readonly addedByName: string;
}

export interface StaffOption {
  readonly id: string;
  readonly name: string;
  readonly role: string;
}

export interface CareTeamPanel {
  readonly assignedTo: StaffOption | null;
  readonly members: readonly TeamMember[];
  /** Active staff who may be assigned or added (for the supervisor's choices). */
  readonly staff: readonly StaffOption[];
}

type WriteOutcome = Outcome<{ readonly version: number }>;

function invalid(): Failure {
  return fail('invalid', 'Nothing was changed: the request was incomplete. Reload the page and try again.');
}

async function activeClinicalStaff(db: Pick<PrismaClient, 'staffUser'>, staffId: string) {
  return db.staffUser.findFirst({
    where: { id: staffId, active: true, role: { in: [...CLINICAL_ROLES] } },
    select: { id: true },
  });
}

/** The case columns of the care-team panel: its assignee and care team (read by lib/cases/case-page-sections.ts). */
export const CARE_TEAM_PANEL_SELECT = {
  assignedTo: { select: { id: true, displayName: true, role: true } },
  careTeam: {
    orderBy: { addedAt: 'asc' },
    select: {
      staffId: true,
      addedAt: true,
      staff: { select: { displayName: true, role: true } },
      addedBy: { select: { displayName: true } },
    },
  },
} as const satisfies Prisma.CaseSelect;

/** Active staff who may be assigned or added: the supervisor's choices on the panel. */
export async function assignableStaff(db: DbClient): Promise<readonly StaffOption[]> {
  const rows = await db.staffUser.findMany({
    where: { active: true, role: { in: [...CLINICAL_ROLES] } },
    orderBy: { displayName: 'asc' },
    select: { id: true, displayName: true, role: true },
  });
  return rows.map((person) => ({ id: person.id, name: person.displayName, role: person.role }));
}

/** The panel from the case's CARE_TEAM_PANEL_SELECT columns and the assignable staff. */
export function toCareTeamPanel(
  row: Prisma.CaseGetPayload<{ select: typeof CARE_TEAM_PANEL_SELECT }>,
  staff: readonly StaffOption[],
): CareTeamPanel {
  return {
    assignedTo: row.assignedTo
      ? { id: row.assignedTo.id, name: row.assignedTo.displayName, role: row.assignedTo.role }
      : null,
    members: row.careTeam.map((member) => ({
      staffId: member.staffId,
      name: member.staff.displayName,
      role: member.staff.role,
      addedAt: member.addedAt,
      addedByName: member.addedBy.displayName,
    })),
    staff,
  };
}

async function refuse(db: PrismaClient, actor: CaseActor, action: AuditAction, caseId: unknown) {
  return deny(db, actor, action, isUuid(caseId) ? { entityType: 'Case', entityId: caseId } : undefined);
}

type MemberChange = {
  readonly ok: true;
  readonly caseId: string;
  readonly staffId: string;
  readonly expectedVersion: number;
};

/** The permission (refusals audited), then the input of a care-team change. */
async function readMemberChange(
  db: PrismaClient,
  actor: CaseActor,
  action: AuditAction,
  input: unknown,
): Promise<MemberChange | Failure> {
  const caseId = (input as { caseId?: unknown } | null)?.caseId;
  if (!can(actor.role, 'case:reassign')) return refuse(db, actor, action, caseId);
  const parsed = MemberInputSchema.safeParse(input);
  if (!parsed.success) return invalid();
  if (!isUuid(parsed.data.caseId)) return fail('not_found', NOT_FOUND);
  return { ok: true, ...parsed.data };
}

/** The change's audit event, in the change's transaction. */
function auditTeamChange(
  tx: DbClient,
  actor: CaseActor,
  action: AuditAction,
  caseId: string,
  detail: Record<string, string | number | null>,
): Promise<void> {
  return appendAuditEvent(
    { actorId: actor.id, action, entityType: 'Case', entityId: caseId, outcome: 'SUCCESS', detail },
    { db: tx },
  );
}

/** Assigns the case to a staff member, reassigns it, or (assigneeId '') leaves it unassigned. */
export async function assignCase(
  actor: CaseActor,
  input: unknown,
  options: { readonly db?: PrismaClient } = {},
): Promise<WriteOutcome> {
  const db = options.db ?? getPrisma();
  const caseId = (input as { caseId?: unknown } | null)?.caseId;
  if (!can(actor.role, 'case:reassign')) return refuse(db, actor, AUDIT_ACTIONS.CASE_ASSIGN, caseId);
  const parsed = AssignInputSchema.safeParse(input);
  if (!parsed.success) return invalid();
  if (!isUuid(parsed.data.caseId)) return fail('not_found', NOT_FOUND);
  const id = parsed.data.caseId;
  const assigneeId = parsed.data.assigneeId || null;

  return db.$transaction(async (tx): Promise<WriteOutcome> => {
    const current = await tx.case.findUnique({ where: { id }, select: { assignedToId: true } });
    if (current === null) return fail('not_found', NOT_FOUND);
    if (assigneeId !== null && (await activeClinicalStaff(tx, assigneeId)) === null)
      return fail('invalid', 'Not assigned: choose an active staff member who works cases.');
    const claimed = await updateCaseAtVersion(tx, id, parsed.data.expectedVersion, { assignedToId: assigneeId });
    if (!claimed.ok) return claimed;
    await auditTeamChange(tx, actor, AUDIT_ACTIONS.CASE_ASSIGN, id, {
      assigneeId,
      previousAssigneeId: current.assignedToId,
      version: claimed.version,
    });
    return { ok: true as const, version: claimed.version };
  });
}

/** Adds a staff member to the case's care team. */
export async function addCareTeamMember(
  actor: CaseActor,
  input: unknown,
  options: { readonly db?: PrismaClient } = {},
): Promise<WriteOutcome> {
  const db = options.db ?? getPrisma();
  const change = await readMemberChange(db, actor, AUDIT_ACTIONS.CASE_CARE_TEAM_ADD, input);
  if (!change.ok) return change;
  const { caseId: id, staffId, expectedVersion } = change;

  return db.$transaction(async (tx): Promise<WriteOutcome> => {
    const exists = await tx.case.findUnique({ where: { id }, select: { id: true } });
    if (exists === null) return fail('not_found', NOT_FOUND);
    if ((await activeClinicalStaff(tx, staffId)) === null)
      return fail('invalid', 'Not added: choose an active staff member who works cases.');
    const already = await tx.caseCareTeamMember.findUnique({
      where: { caseId_staffId: { caseId: id, staffId } },
      select: { id: true },
    });
    if (already !== null) return fail('invalid', 'Not added: that person is already on the care team.');
    const claimed = await updateCaseAtVersion(tx, id, expectedVersion);
    if (!claimed.ok) return claimed;
    await tx.caseCareTeamMember.create({ data: { caseId: id, staffId, addedById: actor.id } });
    await auditTeamChange(tx, actor, AUDIT_ACTIONS.CASE_CARE_TEAM_ADD, id, { staffId, version: claimed.version });
    return { ok: true as const, version: claimed.version };
  });
}

/** Removes a staff member from the care team (the row is deleted; the audit event remains). */
export async function removeCareTeamMember(
  actor: CaseActor,
  input: unknown,
  options: { readonly db?: PrismaClient } = {},
): Promise<WriteOutcome> {
  const db = options.db ?? getPrisma();
  const change = await readMemberChange(db, actor, AUDIT_ACTIONS.CASE_CARE_TEAM_REMOVE, input);
  if (!change.ok) return change;
  const { caseId: id, staffId, expectedVersion } = change;

  return db
    .$transaction(async (tx): Promise<WriteOutcome> => {
      const exists = await tx.case.findUnique({ where: { id }, select: { id: true } });
      if (exists === null) return fail('not_found', NOT_FOUND);
      const claimed = await updateCaseAtVersion(tx, id, expectedVersion);
      if (!claimed.ok) return claimed;
      const { count } = await tx.caseCareTeamMember.deleteMany({ where: { caseId: id, staffId } });
      if (count === 0) throw new NotOnTeam();
      await auditTeamChange(tx, actor, AUDIT_ACTIONS.CASE_CARE_TEAM_REMOVE, id, { staffId, version: claimed.version });
      return { ok: true as const, version: claimed.version };
    })
    .catch((error: unknown) => {
      // Thrown to roll the version claim back; nothing was written.
      if (error instanceof NotOnTeam) return fail('invalid', 'Not removed: that person is not on the care team.');
      throw error;
    });
}

class NotOnTeam extends Error {}

export interface MyCaseRow {
  readonly id: string;
  readonly createdAt: Date;
  readonly status: CaseStatusValue;
  readonly patientName: string;
  readonly finalLevel: string;
  /** Why it is mine: assigned to me, or on its care team (or both). */
  readonly assigned: boolean;
  readonly careTeam: boolean;
}

const MY_CASES_LIMIT = 200;

/** "My cases": assigned to me or where I am on the care team, newest first. Audited as case.list. */
export async function listMyCases(
  actor: CaseActor,
  options: { readonly db?: PrismaClient } = {},
): Promise<Outcome<{ readonly rows: readonly MyCaseRow[]; readonly limited: boolean }>> {
  const db = options.db ?? getPrisma();
  if (!can(actor.role, 'case:read')) return deny(db, actor, AUDIT_ACTIONS.CASE_LIST);
  const rows = await db.case.findMany({
    where: { OR: [{ assignedToId: actor.id }, { careTeam: { some: { staffId: actor.id } } }] },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: MY_CASES_LIMIT + 1,
    select: {
      id: true,
      createdAt: true,
      status: true,
      patientFirstName: true,
      patientLastName: true,
      finalLevel: true,
      assignedToId: true,
      careTeam: { where: { staffId: actor.id }, select: { id: true } },
    },
  });
  const shown = rows.slice(0, MY_CASES_LIMIT);
  await appendAuditEvent(
    {
      actorId: actor.id,
      action: AUDIT_ACTIONS.CASE_LIST,
      entityType: 'Case',
      outcome: 'SUCCESS',
      detail: { view: 'mine', resultCount: shown.length, caseIds: shown.map((row) => row.id).join(',') },
    },
    { db },
  );
  return {
    ok: true,
    limited: rows.length > MY_CASES_LIMIT,
    rows: shown.map((row) => ({
      id: row.id,
      createdAt: row.createdAt,
      status: row.status,
      patientName: `${row.patientLastName}, ${row.patientFirstName}`,
      finalLevel: row.finalLevel,
      assigned: row.assignedToId === actor.id,
      careTeam: row.careTeam.length > 0,
    })),
  };
}
