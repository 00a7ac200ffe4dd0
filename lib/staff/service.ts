import 'server-only';

import { AUDIT_ACTIONS } from '@/lib/audit/event-names';
import { appendAuditEvent, type AuditRequestContext } from '@/lib/audit/append';
import { hashPassword, verifyPassword } from '@/lib/auth/password-hash';
import { passwordPolicyProblems } from '@/lib/auth/password-policy';
import { signInThrottleKey } from '@/lib/auth/sign-in-limits';
import { ROLE_LABELS, type StaffRole } from '@/lib/auth/permissions';
import { getPrisma } from '@/lib/db/client';
import type { DbClient } from '@/lib/db/types';
import { isUniqueViolation } from '@/lib/db/prisma-errors';
import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client';
import { fail, type Outcome } from '@/lib/outcome';

import type { FirstAdmin, NewStaff } from './schemas';
import type { OwnPasswordField } from './service-types';

// Staff-account changes. Each one and its audit event are one transaction: saved together or not
// at all. Expected refusals come back as values with a message for the person; only unexpected
// errors throw.

/** Saved (with the sentence to show), or not saved and why. */
export type StaffChangeResult<Field extends string = string, T extends object = object> = Outcome<
  { message: string } & T,
  Field
>;

/** Who made the change: a staff member, or the command line (no actor). */
export type StaffChangeActor = { id: string | null; via: 'admin' | 'cli' | 'setup' };

export interface StaffListRow {
  id: string;
  email: string;
  displayName: string;
  role: StaffRole;
  active: boolean;
  createdAt: Date;
  lastSignInAt: Date | null;
  /** When two-factor sign-in was set up; null = not enrolled. */
  totpEnrolledAt: Date | null;
}

// Namespaces for pg_advisory_xact_lock: one for "is this the last active administrator?"
// decisions, one for first-run setup, so concurrent requests cannot both pass the check.
const ADMIN_CHANGE_LOCK = 7_302;
const FIRST_RUN_LOCK = 7_303;

export async function listStaff(db: DbClient = getPrisma()): Promise<StaffListRow[]> {
  return db.staffUser.findMany({
    orderBy: [{ active: 'desc' }, { displayName: 'asc' }, { email: 'asc' }],
    select: {
      id: true,
      email: true,
      displayName: true,
      role: true,
      active: true,
      createdAt: true,
      lastSignInAt: true,
      totpEnrolledAt: true,
    },
  });
}

export async function countStaff(db: DbClient = getPrisma()): Promise<number> {
  return db.staffUser.count();
}

const DUPLICATE_EMAIL = 'An account with this email already exists.';

/** Also the answer of /setup's action once any account exists. */
export const SETUP_CLOSED = 'Setup has already been completed. Sign in instead.';

/** Creates an account (input already validated by NewStaffSchema, policy included). */
export async function createStaff(
  input: NewStaff,
  actor: StaffChangeActor,
  context: AuditRequestContext = {},
  db: PrismaClient = getPrisma(),
): Promise<StaffChangeResult<keyof NewStaff, { id: string }>> {
  const problems = passwordPolicyProblems(input.password, input.email);
  if (problems.length > 0)
    return fail('invalid', 'The account was not created.', { fieldErrors: { password: problems } });
  const passwordHash = await hashPassword(input.password);
  try {
    const created = await db.$transaction(async (tx) => {
      const user = await tx.staffUser.create({
        data: { email: input.email, displayName: input.displayName, role: input.role, passwordHash },
        select: { id: true },
      });
      await appendAuditEvent(
        {
          actorId: actor.id,
          action: AUDIT_ACTIONS.STAFF_CREATE,
          entityType: 'StaffUser',
          entityId: user.id,
          outcome: 'SUCCESS',
          detail: { role: input.role, via: actor.via },
        },
        { db: tx, context },
      );
      return user;
    });
    return { ok: true, message: `Account created for ${input.displayName} (${input.email}).`, id: created.id };
  } catch (error) {
    if (isUniqueViolation(error))
      return fail('conflict', 'The account was not created.', { fieldErrors: { email: [DUPLICATE_EMAIL] } });
    throw error;
  }
}

/**
 * The first administrator, only while there are no accounts at all. An advisory lock makes two
 * simultaneous first visitors take turns; the second finds an account and is refused.
 */
export async function createFirstAdmin(
  input: FirstAdmin,
  context: AuditRequestContext = {},
  db: PrismaClient = getPrisma(),
): Promise<StaffChangeResult<keyof FirstAdmin>> {
  const problems = passwordPolicyProblems(input.password, input.email);
  if (problems.length > 0)
    return fail('invalid', 'The account was not created.', { fieldErrors: { password: problems } });
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${FIRST_RUN_LOCK}::int, 0)`;
    if ((await tx.staffUser.count()) > 0) {
      return fail('forbidden', SETUP_CLOSED);
    }
    const user = await tx.staffUser.create({
      data: { email: input.email, displayName: input.displayName, role: 'ADMIN', passwordHash },
      select: { id: true },
    });
    // A new install requires two-factor sign-in for everyone from the start (issue 13 item 8);
    // installs from before it have no row, which means off, until an administrator turns it on.
    await tx.systemSetting.upsert({
      where: { key: 'two_factor_required' },
      create: { key: 'two_factor_required', value: true },
      update: {},
    });
    // Both: the first-run event, and the staff.create every new account has.
    for (const action of [AUDIT_ACTIONS.SETUP_FIRST_ADMIN, AUDIT_ACTIONS.STAFF_CREATE]) {
      await appendAuditEvent(
        {
          actorId: null,
          action,
          entityType: 'StaffUser',
          entityId: user.id,
          outcome: 'SUCCESS',
          detail: { role: 'ADMIN', via: 'setup' },
        },
        { db: tx, context },
      );
    }
    return { ok: true, message: `Administrator account created for ${input.email}. Sign in to continue.` };
  });
}

/**
 * Ends every open server-side session (AuthSession) of a person, in the transaction that makes the
 * change; the callers also bump sessionVersion. See lib/auth/session.ts for the session check.
 */
async function revokeAllAuthSessions(
  staffId: string,
  reason: 'password_reset' | 'role_change' | 'deactivated',
  tx: Prisma.TransactionClient,
): Promise<void> {
  await tx.authSession.updateMany({ where: { staffId, revokedAt: null }, data: { revokedAt: new Date(), reason } });
}

const GONE = 'That staff account no longer exists. Reload the page.';
const OWN_ROLE = 'You cannot change your own role: another administrator can.';
const LAST_ADMIN = 'This is the last active administrator: make someone else an administrator first.';

/**
 * Takes the administrator-change lock (so two changes cannot both leave no active administrator)
 * and reads the account they change, or null when there is none.
 */
async function lockAndFindAdminChangeTarget(tx: Prisma.TransactionClient, staffId: string) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${ADMIN_CHANGE_LOCK}::int, 0)`;
  return tx.staffUser.findUnique({
    where: { id: staffId },
    select: { id: true, email: true, role: true, active: true },
  });
}

/** True when `staffId` is the only active ADMIN (call under the ADMIN_CHANGE_LOCK). */
async function isLastActiveAdmin(tx: Prisma.TransactionClient, staffId: string): Promise<boolean> {
  const others = await tx.staffUser.count({ where: { role: 'ADMIN', active: true, id: { not: staffId } } });
  return others === 0;
}

/**
 * Deactivates (signing the person out everywhere on their next request) or reactivates an
 * account. The last active administrator cannot be deactivated.
 */
export async function setStaffActive(
  staffId: string,
  active: boolean,
  actor: StaffChangeActor,
  context: AuditRequestContext = {},
  db: PrismaClient = getPrisma(),
): Promise<StaffChangeResult> {
  return db.$transaction(async (tx) => {
    const target = await lockAndFindAdminChangeTarget(tx, staffId);
    if (!target) return fail('not_found', GONE);
    if (target.active === active) {
      return { ok: true, message: `${target.email} is already ${active ? 'active' : 'deactivated'}.` };
    }
    if (!active && target.role === 'ADMIN' && (await isLastActiveAdmin(tx, target.id)))
      return fail('invalid', LAST_ADMIN);
    await tx.staffUser.update({
      where: { id: target.id },
      // Deactivation bumps sessionVersion: every session of this person ends on its next request.
      data: active ? { active: true } : { active: false, sessionVersion: { increment: 1 } },
    });
    if (!active) await revokeAllAuthSessions(target.id, 'deactivated', tx);
    await appendAuditEvent(
      {
        actorId: actor.id,
        action: active ? AUDIT_ACTIONS.STAFF_REACTIVATE : AUDIT_ACTIONS.STAFF_DEACTIVATE,
        entityType: 'StaffUser',
        entityId: target.id,
        outcome: 'SUCCESS',
        detail: { via: actor.via, self: actor.id === target.id },
      },
      { db: tx, context },
    );
    return {
      ok: true,
      message: active
        ? `${target.email} can sign in again.`
        : `${target.email} is deactivated and signed out everywhere.`,
    };
  });
}

/** Sets a new password, signs the person out everywhere and lifts any sign-in lock. */
export async function resetStaffPassword(
  staffId: string,
  password: string,
  actor: StaffChangeActor,
  context: AuditRequestContext = {},
  db: PrismaClient = getPrisma(),
): Promise<StaffChangeResult<'password'>> {
  const target = await db.staffUser.findUnique({ where: { id: staffId }, select: { id: true, email: true } });
  if (!target) return fail('not_found', GONE);
  const problems = passwordPolicyProblems(password, target.email);
  if (problems.length > 0)
    return fail('invalid', 'The password was not changed.', { fieldErrors: { password: problems } });
  const passwordHash = await hashPassword(password);
  return db.$transaction(async (tx) => {
    const updated = await tx.staffUser.updateMany({
      where: { id: target.id },
      data: {
        passwordHash,
        sessionVersion: { increment: 1 },
        // Set for someone else (an administrator, or the CLI): they must choose their own at the
        // next sign-in, and are told who set it and when (issue 13 item 7).
        mustChangePassword: actor.id !== target.id,
        passwordResetById: actor.id,
        passwordResetAt: new Date(),
      },
    });
    if (updated.count === 0) return fail('not_found', GONE);
    await revokeAllAuthSessions(target.id, 'password_reset', tx);
    await tx.signInThrottle.deleteMany({ where: { email: signInThrottleKey(target.email) } });
    await appendAuditEvent(
      {
        actorId: actor.id,
        action: AUDIT_ACTIONS.STAFF_PASSWORD_RESET,
        entityType: 'StaffUser',
        entityId: target.id,
        outcome: 'SUCCESS',
        detail: { via: actor.via, self: actor.id === target.id },
      },
      { db: tx, context },
    );
    return { ok: true, message: `New password set for ${target.email}; they are signed out everywhere.` };
  });
}

/**
 * Changes a role and ends every session of the person (they sign in again under the new role).
 * The last active admin keeps ADMIN.
 */
export async function changeStaffRole(
  staffId: string,
  role: StaffRole,
  actor: StaffChangeActor,
  context: AuditRequestContext = {},
  db: PrismaClient = getPrisma(),
): Promise<StaffChangeResult<'role'>> {
  // An administrator cannot change their own role (an admin is not a way into clinical data).
  if (actor.id !== null && actor.id === staffId)
    return fail('forbidden', OWN_ROLE, { fieldErrors: { role: [OWN_ROLE] } });
  return db.$transaction(async (tx) => {
    const target = await lockAndFindAdminChangeTarget(tx, staffId);
    if (!target) return fail('not_found', GONE);
    if (target.role === role) return { ok: true, message: `${target.email} already has that role.` };
    if (target.role === 'ADMIN' && target.active && (await isLastActiveAdmin(tx, target.id))) {
      return fail('invalid', LAST_ADMIN, { fieldErrors: { role: [LAST_ADMIN] } });
    }
    // A role change signs the person out everywhere: they sign in again under the new role.
    await tx.staffUser.update({ where: { id: target.id }, data: { role, sessionVersion: { increment: 1 } } });
    await revokeAllAuthSessions(target.id, 'role_change', tx);
    await appendAuditEvent(
      {
        actorId: actor.id,
        action: AUDIT_ACTIONS.STAFF_ROLE_CHANGE,
        entityType: 'StaffUser',
        entityId: target.id,
        outcome: 'SUCCESS',
        detail: { from: target.role, to: role, via: actor.via, self: actor.id === target.id },
      },
      { db: tx, context },
    );
    return { ok: true, message: `${target.email} is now: ${ROLE_LABELS[role]}.` };
  });
}

/** What the change-password page tells a person whose password was set for them. */
export interface PasswordResetNotice {
  readonly mustChange: boolean;
  /** null: set from the command line (no account), or unknown. */
  readonly byName: string | null;
  readonly at: Date | null;
}

export async function passwordResetNotice(staffId: string, db: DbClient = getPrisma()): Promise<PasswordResetNotice> {
  const row = await db.staffUser.findUnique({
    where: { id: staffId },
    select: { mustChangePassword: true, passwordResetById: true, passwordResetAt: true },
  });
  if (!row) return { mustChange: false, byName: null, at: null };
  const by =
    row.passwordResetById === null
      ? null
      : await db.staffUser.findUnique({ where: { id: row.passwordResetById }, select: { displayName: true } });
  return { mustChange: row.mustChangePassword, byName: by?.displayName ?? null, at: row.passwordResetAt };
}

/**
 * A person changes their own password: the current one is checked (outside any transaction — it
 * costs an argon2 hash), the new one must meet the policy, differ from the current one and be
 * typed twice. Clears "must change"; the person stays signed in. Audited.
 */
export async function changeOwnPassword(
  staffId: string,
  input: { currentPassword: string; newPassword: string; confirmPassword: string },
  context: AuditRequestContext = {},
  db: PrismaClient = getPrisma(),
): Promise<Outcome<object, OwnPasswordField>> {
  const target = await db.staffUser.findUnique({
    where: { id: staffId },
    select: { id: true, email: true, passwordHash: true },
  });
  if (!target) return fail('not_found', GONE);
  const notSaved = 'Your password was not changed.';
  if (!(await verifyPassword(target.passwordHash, input.currentPassword)))
    return fail('invalid', notSaved, { fieldErrors: { currentPassword: ['This is not your current password'] } });
  const problems = passwordPolicyProblems(input.newPassword, target.email);
  if (input.newPassword === input.currentPassword)
    problems.push('Choose a password different from the one you were given');
  if (problems.length > 0) return fail('invalid', notSaved, { fieldErrors: { newPassword: problems } });
  if (input.confirmPassword !== input.newPassword)
    return fail('invalid', notSaved, { fieldErrors: { confirmPassword: ['The two new passwords are not the same'] } });
  const passwordHash = await hashPassword(input.newPassword);
  return db.$transaction(async (tx) => {
    const updated = await tx.staffUser.updateMany({
      where: { id: target.id, passwordHash: target.passwordHash },
      data: { passwordHash, mustChangePassword: false },
    });
    if (updated.count === 0) return fail('conflict', 'Your password changed meanwhile. Sign in again.');
    await appendAuditEvent(
      {
        actorId: target.id,
        action: AUDIT_ACTIONS.STAFF_PASSWORD_CHANGE,
        entityType: 'StaffUser',
        entityId: target.id,
        outcome: 'SUCCESS',
      },
      { db: tx, context },
    );
    return { ok: true as const };
  });
}
