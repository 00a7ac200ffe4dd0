// PLACEHOLDER: replaced by the access branch (issue 9 item 3, need-to-know). Same exports and
// signatures; the case list (lib/cases/list) takes its access condition from here only.
// Rule here: SUPERVISOR sees every case; everyone else the cases they created or are assigned to.
import 'server-only';

import { getPrisma } from '@/lib/db/client';
import { Prisma, type PrismaClient } from '@/lib/generated/prisma/client';

import { isUuid, type CaseActor } from './actor';

function seesAll(actor: CaseActor): boolean {
  return actor.role === 'SUPERVISOR';
}

/** The cases `actor` may see, as a Prisma condition. */
export function caseAccessWhere(actor: CaseActor): Prisma.CaseWhereInput {
  if (seesAll(actor)) return {};
  return { OR: [{ createdById: actor.id }, { assignedToId: actor.id }] };
}

/** The same condition as SQL on the Case table under `alias` (e.g. `c`). */
export function caseAccessSql(actor: CaseActor, alias: string): Prisma.Sql {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(alias)) throw new RangeError('caseAccessSql: alias must be an identifier');
  if (seesAll(actor)) return Prisma.sql`TRUE`;
  const table = Prisma.raw(`"${alias}"`);
  return Prisma.sql`(${table}."createdById" = ${actor.id}::uuid OR ${table}."assignedToId" = ${actor.id}::uuid)`;
}

/** Whether `actor` may open the case (false for a case that does not exist). */
export async function canOpenCase(
  actor: CaseActor,
  caseId: string,
  options: { readonly db?: PrismaClient } = {},
): Promise<boolean> {
  if (!isUuid(caseId)) return false;
  const db = options.db ?? getPrisma();
  const found = await db.case.findFirst({
    where: { AND: [{ id: caseId }, caseAccessWhere(actor)] },
    select: { id: true },
  });
  return found !== null;
}
