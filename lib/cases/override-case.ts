import 'server-only';

import { AUDIT_ACTIONS } from '@/lib/audit/event-names';
import { appendAuditEvent } from '@/lib/audit/append';
import { can } from '@/lib/auth/permissions';
import { getPrisma } from '@/lib/db/client';
import type { PrismaClient } from '@/lib/generated/prisma/client';

import { caseAccessWhere, type AccessActor } from './access';
import { deny } from './audit-denial';
import { staleCaseFailure, updateCaseAtVersion } from './case-version';
import { isUuid } from './actor';
import { fail, type Outcome } from '@/lib/outcome';
import { OverrideInputSchema, type OverrideField } from './schemas';

export type OverrideOutcome = Outcome<
  { readonly version: number; readonly level: string; readonly wm: string },
  OverrideField
>;

/**
 * Overrides the final treatment level and/or WM level of a case (CLINICIAN and up), with a
 * reason. The computed recommendation is never changed; every override is kept as history.
 * Refused, with nothing written, when the case changed since the form was loaded.
 */
export async function overrideCase(
  actor: AccessActor,
  input: unknown,
  options: { readonly db?: PrismaClient } = {},
): Promise<OverrideOutcome> {
  const db = options.db ?? getPrisma();
  const caseId = (input as { caseId?: unknown } | null)?.caseId;
  const entity = isUuid(caseId) ? { entityType: 'Case' as const, entityId: caseId } : undefined;
  if (!can(actor.role, 'case:override')) return deny(db, actor, AUDIT_ACTIONS.CASE_OVERRIDE, entity);

  const parsed = OverrideInputSchema.safeParse(input);
  if (!parsed.success) {
    const fieldErrors: Partial<Record<OverrideField, string[]>> = {};
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? '') as OverrideField;
      (fieldErrors[field] ??= []).push(issue.message);
    }
    return fail('invalid', 'The override was not saved. Check the fields marked below.', { fieldErrors });
  }
  const { expectedVersion, reason } = parsed.data;
  if (!isUuid(parsed.data.caseId)) return fail('not_found', 'There is no case with that id.');
  const id = parsed.data.caseId;

  return db.$transaction(async (tx): Promise<OverrideOutcome> => {
    const current = await tx.case.findFirst({
      where: { AND: [{ id }, caseAccessWhere(actor)] },
      select: { version: true, finalLevel: true, finalWm: true },
    });
    if (current === null) return fail('not_found', 'There is no case with that id.');
    const level = parsed.data.level || current.finalLevel;
    const wm = parsed.data.wm || current.finalWm;
    if (current.version !== expectedVersion) return staleCaseFailure();
    if (level === current.finalLevel && wm === current.finalWm) {
      return fail<OverrideField>(
        'invalid',
        'The override was not saved: choose a treatment level or WM level different from the current one.',
        {
          fieldErrors: { level: ['Choose a level different from the current one, or change the WM level'] },
        },
      );
    }
    const written = await updateCaseAtVersion(tx, id, expectedVersion, { finalLevel: level, finalWm: wm });
    if (!written.ok) return written;
    await tx.caseOverride.create({
      data: {
        caseId: id,
        byId: actor.id,
        previousLevel: current.finalLevel,
        previousWm: current.finalWm,
        level,
        wm,
        reason,
      },
    });
    await appendAuditEvent(
      {
        actorId: actor.id,
        action: AUDIT_ACTIONS.CASE_OVERRIDE,
        entityType: 'Case',
        entityId: id,
        outcome: 'SUCCESS',
        detail: { version: written.version },
      },
      { db: tx },
    );
    return { ok: true as const, version: written.version, level, wm };
  });
}
