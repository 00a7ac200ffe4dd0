import 'server-only';

import { getPrisma } from '@/lib/db/client';
import type { DbClient } from '@/lib/db/types';
import { Prisma } from '@/lib/generated/prisma/client';

import { isUuid, type CaseActor } from './actor';

// Need-to-know (42 CFR Part 2, HIPAA minimum necessary): THE one place that decides which cases a
// staff member may see. Every read of a case — the list, search, opening one, notes, overrides —
// filters by this condition, so a case outside it is indistinguishable from a missing one.
//
//   SUPERVISOR          every case
//   INTAKE, CLINICIAN   cases they created, are assigned to, or are on the care team of, and any
//                       case they broke the glass for in THIS session
//   anything else       nothing (fail closed: ADMIN has no clinical rights, unknown roles none)

/**
 * The actor plus the session it acts in. A session has no id of its own: it is named by the
 * JWT's `signedInAt` claim (lib/auth/session-rules.ts), which a new sign-in replaces, so a
 * break-the-glass grant keyed by it ends with the session. Without it no grant applies.
 */
export interface AccessActor extends CaseActor {
  readonly sessionStartedAt?: Date | null;
}

type Scope = 'all' | 'own' | 'none';

/** Which cases a role may see, before any row is looked at. Pure. */
export function caseAccessScope(role: unknown): Scope {
  if (role === 'SUPERVISOR') return 'all';
  if (role === 'INTAKE' || role === 'CLINICIAN') return 'own';
  return 'none';
}

/** A session start that can key a grant: a real instant, nothing else. */
function sessionKey(actor: AccessActor): Date | null {
  const at = actor.sessionStartedAt;
  return at instanceof Date && Number.isFinite(at.getTime()) ? at : null;
}

/** The cases `actor` may see, as a Prisma condition (AND it with the query's own). */
export function caseAccessWhere(actor: AccessActor): Prisma.CaseWhereInput {
  const scope = caseAccessScope(actor.role);
  if (scope === 'all') return {};
  // An id that is not a UUID can match nothing; `in: []` is Prisma's "no rows".
  if (scope === 'none' || !isUuid(actor.id)) return { id: { in: [] } };
  const session = sessionKey(actor);
  return {
    OR: [
      { createdById: actor.id },
      { assignedToId: actor.id },
      { careTeam: { some: { staffId: actor.id } } },
      ...(session ? [{ breakGlassGrants: { some: { staffId: actor.id, sessionStartedAt: session } } }] : []),
    ],
  };
}

const SQL_ALIAS = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * The same condition as `caseAccessWhere`, as a SQL fragment for raw queries over "Case":
 * `WHERE ${caseAccessSql(actor, 'c')} AND …`. `alias` is the name the query gives "Case"
 * (an identifier, checked: it is spliced in, never taken from input).
 */
export function caseAccessSql(actor: AccessActor, alias: string): Prisma.Sql {
  if (!SQL_ALIAS.test(alias)) throw new Error('caseAccessSql: alias must be a plain SQL identifier');
  const scope = caseAccessScope(actor.role);
  if (scope === 'all') return Prisma.sql`TRUE`;
  if (scope === 'none' || !isUuid(actor.id)) return Prisma.sql`FALSE`;
  const c = Prisma.raw(`"${alias}"`);
  const me = Prisma.sql`${actor.id}::uuid`;
  const session = sessionKey(actor);
  const grant = session
    ? Prisma.sql` OR EXISTS (SELECT 1 FROM "BreakGlassGrant" g WHERE g."caseId" = ${c}."id" AND g."staffId" = ${me} AND g."sessionStartedAt" = ${session}::timestamptz)`
    : Prisma.empty;
  // The care team is read from the case row ("careTeamStaffIds", kept equal to CaseCareTeamMember
  // by triggers, migration 20261204210000), not probed per case: a list or count tests thousands
  // of rows, and the probe was planned as a hash of every case the person is on the team of.
  return Prisma.sql`(${c}."createdById" = ${me} OR ${c}."assignedToId" = ${me} OR ${me} = ANY(${c}."careTeamStaffIds")${grant})`;
}

/** Whether `actor` may open the case. False for a missing case and for a bad id alike. */
export async function canOpenCase(
  actor: AccessActor,
  caseId: unknown,
  options: { readonly db?: DbClient } = {},
): Promise<boolean> {
  if (!isUuid(caseId) || caseAccessScope(actor.role) === 'none') return false;
  const db = options.db ?? getPrisma();
  const row = await db.case.findFirst({
    where: { AND: [{ id: caseId }, caseAccessWhere(actor)] },
    select: { id: true },
  });
  return row !== null;
}
