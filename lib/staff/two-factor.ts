import 'server-only';

import QRCode from 'qrcode';

import { AUDIT_ACTIONS } from '@/lib/audit/event-names';
import { appendAuditEvent, type AuditRequestContext } from '@/lib/audit/append';
import { verifyPassword } from '@/lib/auth/password-hash';
import {
  decryptTotpSecret,
  encryptTotpSecret,
  generateRecoveryCodes,
  generateTotpSecret,
  hashRecoveryCode,
  otpauthUri,
  verifyTotp,
} from '@/lib/auth/two-factor';
import { checkSecondFactor, totpKey, TWO_FACTOR_REQUIRED_KEY } from '@/lib/staff/two-factor-store';
import { getPrisma } from '@/lib/db/client';
import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client';
import { fail, type Outcome } from '@/lib/outcome';

// Two-factor enrolment, disabling and administrator reset (issue 13 item 8). The secret is kept
// encrypted in StaffUser.totpSecretEnc from the moment the enrolment page is shown; it counts only
// once confirmed with a code (totpEnrolledAt). Secrets and codes never reach a log or a URL.

export type TwoFactorField = 'code' | 'password';

export type EnrolmentView =
  { enrolled: true; enrolledAt: Date; recoveryCodesLeft: number } | { enrolled: false; secret: string; qrSvg: string };

/**
 * What the enrolment page shows: when not enrolled, the pending secret (made and stored on the
 * first visit, the same on a reload) as text and as a QR code SVG rendered here on the server.
 */
export async function enrolmentView(staffId: string, db: PrismaClient = getPrisma()): Promise<EnrolmentView> {
  const staff = await db.staffUser.findUniqueOrThrow({
    where: { id: staffId },
    select: { email: true, totpSecretEnc: true, totpEnrolledAt: true },
  });
  if (staff.totpEnrolledAt) {
    const left = await db.recoveryCode.count({ where: { staffId, usedAt: null } });
    return { enrolled: true, enrolledAt: staff.totpEnrolledAt, recoveryCodesLeft: left };
  }
  const key = totpKey();
  let secret: string | null = null;
  if (staff.totpSecretEnc) {
    try {
      secret = decryptTotpSecret(staff.totpSecretEnc, key);
    } catch {
      secret = null; // the app secret changed: start again
    }
  }
  if (!secret) {
    secret = generateTotpSecret();
    await db.staffUser.update({ where: { id: staffId }, data: { totpSecretEnc: encryptTotpSecret(secret, key) } });
  }
  const qrSvg = await QRCode.toString(otpauthUri(secret, staff.email), {
    type: 'svg',
    errorCorrectionLevel: 'M',
    margin: 2,
  });
  return { enrolled: false, secret, qrSvg };
}

/**
 * Confirms enrolment with a code from the app: sets totpEnrolledAt and the used step, replaces
 * any recovery codes with ten new ones (stored hashed) and returns them to be shown once.
 */
export async function confirmEnrolment(
  staffId: string,
  code: string,
  context: AuditRequestContext = {},
  now: Date = new Date(),
  db: PrismaClient = getPrisma(),
): Promise<Outcome<{ recoveryCodes: string[] }, TwoFactorField>> {
  const staff = await db.staffUser.findUniqueOrThrow({
    where: { id: staffId },
    select: { totpSecretEnc: true, totpEnrolledAt: true },
  });
  const notSaved = 'Two-factor sign-in was not set up.';
  if (staff.totpEnrolledAt) return fail('conflict', 'Two-factor sign-in is already set up.');
  if (!staff.totpSecretEnc) return fail('conflict', `${notSaved} Reload the page and scan the new code.`);
  let secret: string;
  try {
    secret = decryptTotpSecret(staff.totpSecretEnc, totpKey());
  } catch {
    return fail('conflict', `${notSaved} Reload the page and scan the new code.`);
  }
  const check = verifyTotp(secret, code, now.getTime(), null);
  if (!check.ok)
    return fail('invalid', notSaved, {
      fieldErrors: { code: ['Enter the 6-digit code your authenticator app shows now'] },
    });
  const recoveryCodes = generateRecoveryCodes();
  await db.$transaction(async (tx) => {
    await tx.staffUser.update({
      where: { id: staffId },
      data: { totpEnrolledAt: now, totpLastStep: BigInt(check.step) },
    });
    await tx.recoveryCode.deleteMany({ where: { staffId } });
    await tx.recoveryCode.createMany({ data: recoveryCodes.map((c) => ({ staffId, ...hashRecoveryCode(c) })) });
    await appendAuditEvent(
      {
        actorId: staffId,
        action: AUDIT_ACTIONS.TWO_FACTOR_ENROL,
        entityType: 'StaffUser',
        entityId: staffId,
        outcome: 'SUCCESS',
      },
      { db: tx, context },
    );
  });
  return { ok: true, recoveryCodes };
}

async function clearTwoFactor(tx: Prisma.TransactionClient, staffId: string) {
  await tx.staffUser.update({
    where: { id: staffId },
    data: { totpSecretEnc: null, totpEnrolledAt: null, totpLastStep: null },
  });
  await tx.recoveryCode.deleteMany({ where: { staffId } });
}

/** Turns one's own two-factor off: needs the password and a current code (or a recovery code). */
export async function disableOwnTwoFactor(
  staffId: string,
  input: { password: string; code: string },
  context: AuditRequestContext = {},
  now: Date = new Date(),
  db: PrismaClient = getPrisma(),
): Promise<Outcome<object, TwoFactorField>> {
  const staff = await db.staffUser.findUniqueOrThrow({
    where: { id: staffId },
    select: { id: true, passwordHash: true, totpSecretEnc: true, totpLastStep: true, totpEnrolledAt: true },
  });
  const notSaved = 'Two-factor sign-in was not turned off.';
  if (!staff.totpEnrolledAt) return fail('conflict', 'Two-factor sign-in is not set up.');
  if (!(await verifyPassword(staff.passwordHash, input.password)))
    return fail('invalid', notSaved, { fieldErrors: { password: ['This is not your current password'] } });
  const second = await checkSecondFactor(db, staff, input.code, now);
  if (!second.ok)
    return fail('invalid', notSaved, { fieldErrors: { code: ['Enter a current code or an unused recovery code'] } });
  await db.$transaction(async (tx) => {
    await clearTwoFactor(tx, staffId);
    await appendAuditEvent(
      {
        actorId: staffId,
        action: AUDIT_ACTIONS.TWO_FACTOR_DISABLE,
        entityType: 'StaffUser',
        entityId: staffId,
        outcome: 'SUCCESS',
      },
      { db: tx, context },
    );
  });
  return { ok: true };
}

/**
 * An administrator resets another member's two-factor (lost phone): clears it and the recovery
 * codes and ends every session of theirs (sessionVersion bumped, AuthSession rows revoked).
 */
export async function resetTwoFactorFor(
  actorId: string,
  targetId: string,
  context: AuditRequestContext = {},
  db: PrismaClient = getPrisma(),
): Promise<Outcome<object, never>> {
  if (actorId === targetId) return fail('invalid', 'Turn your own two-factor off from your account page.');
  const target = await db.staffUser.findUnique({ where: { id: targetId }, select: { id: true } });
  if (!target) return fail('not_found', 'That account no longer exists.');
  await db.$transaction(async (tx) => {
    await clearTwoFactor(tx, targetId);
    await tx.staffUser.update({ where: { id: targetId }, data: { sessionVersion: { increment: 1 } } });
    await tx.authSession.updateMany({
      where: { staffId: targetId, revokedAt: null },
      data: { revokedAt: new Date(), reason: 'two_factor_reset' },
    });
    await appendAuditEvent(
      {
        actorId,
        action: AUDIT_ACTIONS.TWO_FACTOR_RESET,
        entityType: 'StaffUser',
        entityId: targetId,
        outcome: 'SUCCESS',
      },
      { db: tx, context },
    );
  });
  return { ok: true };
}

/** The administrator setting "two-factor required for all staff" (audited settings.change). */
export async function setTwoFactorRequired(
  value: boolean,
  actorId: string | null = null,
  context: AuditRequestContext = {},
  db: PrismaClient = getPrisma(),
): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.systemSetting.upsert({
      where: { key: TWO_FACTOR_REQUIRED_KEY },
      create: { key: TWO_FACTOR_REQUIRED_KEY, value },
      update: { value },
    });
    await appendAuditEvent(
      {
        actorId,
        action: AUDIT_ACTIONS.SETTING_CHANGE,
        outcome: 'SUCCESS',
        detail: { key: TWO_FACTOR_REQUIRED_KEY, value },
      },
      { db: tx, context },
    );
  });
}
