import 'server-only';

import { getPrisma } from '@/lib/db/client';
import type { PrismaClient } from '@/lib/generated/prisma/client';

import { sessionSecret } from '@/lib/auth/session-rules';
import {
  decryptTotpSecret,
  deriveTotpKey,
  looksLikeRecoveryCode,
  matchRecoveryCode,
  verifyTotp,
} from '@/lib/auth/two-factor';

/** The SystemSetting key; no row means off (installs from before two-factor). */
export const TWO_FACTOR_REQUIRED_KEY = 'two_factor_required';

/** The encryption key for TOTP secrets, from the app secret (NEXTAUTH_SECRET / AUTH_SECRET). */
export function totpKey(): Buffer {
  return deriveTotpKey(sessionSecret() ?? '');
}

export async function isTwoFactorRequired(db: PrismaClient = getPrisma()): Promise<boolean> {
  const row = await db.systemSetting.findUnique({ where: { key: TWO_FACTOR_REQUIRED_KEY } });
  return row?.value === true;
}

export type SecondFactorResult = { ok: true; method: 'totp' | 'recovery' } | { ok: false; reason: string };

/**
 * Checks a TOTP or recovery code for an enrolled staff member and consumes it: the accepted step
 * is stored only if it is later than the last one (so two racing requests cannot both use one
 * code), and a recovery code is marked used only if it was still unused.
 */
export async function checkSecondFactor(
  db: PrismaClient,
  staff: { id: string; totpSecretEnc: string | null; totpLastStep: bigint | null },
  code: string,
  now: Date,
): Promise<SecondFactorResult> {
  if (!staff.totpSecretEnc) return { ok: false, reason: 'not_enrolled' };
  if (looksLikeRecoveryCode(code)) {
    const rows = await db.recoveryCode.findMany({ where: { staffId: staff.id } });
    const id = matchRecoveryCode(code, rows);
    if (!id) return { ok: false, reason: 'wrong_recovery_code' };
    const used = await db.recoveryCode.updateMany({ where: { id, usedAt: null }, data: { usedAt: now } });
    return used.count === 1 ? { ok: true, method: 'recovery' } : { ok: false, reason: 'wrong_recovery_code' };
  }
  let secret: string;
  try {
    secret = decryptTotpSecret(staff.totpSecretEnc, totpKey());
  } catch {
    return { ok: false, reason: 'secret_unreadable' };
  }
  const last = staff.totpLastStep === null ? null : Number(staff.totpLastStep);
  const check = verifyTotp(secret, code, now.getTime(), last);
  if (!check.ok) return { ok: false, reason: `${check.reason}_code` };
  const step = BigInt(check.step);
  const stored = await db.staffUser.updateMany({
    where: { id: staff.id, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
    data: { totpLastStep: step },
  });
  return stored.count === 1 ? { ok: true, method: 'totp' } : { ok: false, reason: 'replayed_code' };
}
