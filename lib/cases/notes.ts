import 'server-only';

import { AUDIT_ACTIONS } from '@/lib/audit/event-names';
import { appendAuditEvent } from '@/lib/audit/append';
import { can } from '@/lib/auth/permissions';
import { getPrisma } from '@/lib/db/client';
import type { PrismaClient } from '@/lib/generated/prisma/client';

import { caseAccessWhere, type AccessActor } from './access';
import { deny } from './audit-denial';
import { isUuid } from './actor';
import { fail, type Outcome } from '@/lib/outcome';
import { NoteBodySchema } from './schemas';

/** Adds a note to a case (case:note), with a case.note audit event in the same transaction. */
export async function addCaseNote(
  actor: AccessActor,
  input: { readonly caseId: unknown; readonly body: unknown },
  options: { readonly db?: PrismaClient } = {},
): Promise<Outcome<{ readonly noteId: string }, 'body'>> {
  const db = options.db ?? getPrisma();
  const entity = isUuid(input.caseId) ? { entityType: 'Case' as const, entityId: input.caseId } : undefined;
  if (!can(actor.role, 'case:note')) return deny(db, actor, AUDIT_ACTIONS.CASE_NOTE, entity);
  if (!isUuid(input.caseId)) return fail('not_found', 'There is no case with that id.');
  const body = NoteBodySchema.safeParse(input.body);
  if (!body.success)
    return fail('invalid', 'The note was not saved.', {
      fieldErrors: { body: body.error.issues.map((issue) => issue.message) },
    });
  const caseId = input.caseId;

  return db.$transaction(async (tx) => {
    const exists = await tx.case.findFirst({
      where: { AND: [{ id: caseId }, caseAccessWhere(actor)] },
      select: { id: true },
    });
    if (exists === null) return fail('not_found', 'There is no case with that id.');
    const note = await tx.caseNote.create({
      data: { caseId, authorId: actor.id, body: body.data },
      select: { id: true },
    });
    await appendAuditEvent(
      {
        actorId: actor.id,
        action: AUDIT_ACTIONS.CASE_NOTE,
        entityType: 'Case',
        entityId: caseId,
        outcome: 'SUCCESS',
        detail: { noteId: note.id },
      },
      { db: tx },
    );
    return { ok: true as const, noteId: note.id };
  });
}
