// Fills a migrated database with synthetic cases (issue 9 item 9), set-based: each batch of 10,000
// cases is one INSERT … SELECT that stamps per-case patients and dates onto intake templates in
// PostgreSQL (lib/cases/seed/intake-templates.ts: v2 intakes parsed with the real schema and
// scored by the real rules). Rows are what createCase writes (lib/cases/create-case.ts): patient
// columns copied out of the intake, search keys from lib/cases/search-key.ts, the recommendation's
// level, WM and flags, final = computed unless overridden (then a CaseOverride row), plus
// `synthetic = true`. Used by `npm run db:seed` (scripts/cli/seed.ts), the list bench and tests.
//
// EXTENSION POINT: tables other features add (status history, care team, re-assessments) get
// their synthetic rows from a step in SEED_STEPS below, run after the cases exist, each with the
// same client and SeedContext: this run's cases are `JOIN seed_run_case r ON r.id = c.id AND
// r.run = context.runId` (a temporary table of the session).
import { randomBytes } from 'node:crypto';

import pg from 'pg';

import { hashPassword } from '@/lib/auth/password-hash';
import { isUrgentFlag } from '@/lib/cases/recommendation-view';
import { searchKey } from '@/lib/cases/search-key';
import { buildIntakeTemplates, LAST_USE_OFFSETS, TEMPLATE_TOKENS } from '@/lib/cases/seed/intake-templates';
import { FIRST_NAMES, LAST_NAMES } from '@/lib/cases/seed/names';
import { PROGRAM_TIME_ZONE } from '@/lib/format/date-time';

export interface SeededStaff {
  readonly id: string;
  readonly email: string;
  readonly displayName: string;
  readonly role: 'INTAKE' | 'CLINICIAN' | 'SUPERVISOR';
}

export interface SeedOptions {
  readonly cases: number;
  /** Seed even when the database holds cases that are not synthetic. */
  readonly force?: boolean;
  /** Password of the seeded staff accounts; leave out for a random one nobody knows. */
  readonly staffPassword?: string;
  /** PRNG seed for PostgreSQL's random() and the templates: same seed, same data. */
  readonly seed?: number;
  readonly batchSize?: number;
  readonly log?: (message: string) => void;
}

export interface SeedContext {
  readonly client: pg.Client;
  readonly staff: readonly SeededStaff[];
  /** This run's cases are the rows of the temporary table seed_run_case with run = runId. */
  readonly runId: string;
  readonly cases: number;
  readonly log: (message: string) => void;
}

export interface SeedStep {
  readonly name: string;
  run(context: SeedContext): Promise<void>;
}

export interface SeedResult {
  readonly cases: number;
  readonly staff: readonly SeededStaff[];
  readonly seconds: number;
  readonly templates: number;
}

export class SeedRefused extends Error {}

export const SEED_STAFF: ReadonlyArray<Omit<SeededStaff, 'id'>> = [
  { email: 'intake.one@seed.test', displayName: 'Ines Intake', role: 'INTAKE' },
  { email: 'intake.two@seed.test', displayName: 'Ivan Intake', role: 'INTAKE' },
  { email: 'clinician.one@seed.test', displayName: 'Dr. Cora Clinician', role: 'CLINICIAN' },
  { email: 'clinician.two@seed.test', displayName: 'Dr. Colin Clinician', role: 'CLINICIAN' },
  { email: 'clinician.three@seed.test', displayName: 'Dr. Chen Clinician', role: 'CLINICIAN' },
  { email: 'supervisor@seed.test', displayName: 'Sam Supervisor', role: 'SUPERVISOR' },
];

const NOTE_BODIES = [
  'Called the patient to confirm the assessment appointment; left a voicemail.',
  'Insurance verified. Prior authorization requested for the recommended level of care.',
  'Patient declined residential placement for now; discussed intensive outpatient as an alternative.',
  'Referral sent to the program; waiting for a bed date.',
  'Family meeting held. Patient agrees to the plan and will attend orientation on Monday.',
];

const OVERRIDE_REASON =
  'Clinical judgment after interview: history and current presentation support a different level than the rules give.';

const CLOSE_REASONS = [
  'Episode of care completed; discharge summary sent to the primary care provider.',
  'Patient moved out of the service area; referred to a local program.',
  'No longer seeking treatment after repeated outreach.',
];

const DECLINE_REASON = 'Program could not accept the referral; alternatives discussed with the patient.';

/**
 * The path each seeded case took from NEW to its current status, every step a move in
 * CASE_TRANSITIONS (lib/cases/workflow/transitions.ts; the seed test checks each one). A case
 * takes variant (first byte of its id mod 2) of its status: a CLOSED case was closed after
 * admission or from review, a DECLINED one was declined from review or after referral.
 */
const STATUS_PATHS: Readonly<Record<string, readonly [readonly string[], readonly string[]]>> = {
  IN_REVIEW: [
    ['NEW', 'IN_REVIEW'],
    ['NEW', 'IN_REVIEW'],
  ],
  REFERRED: [
    ['NEW', 'IN_REVIEW', 'REFERRED'],
    ['NEW', 'IN_REVIEW', 'REFERRED'],
  ],
  ADMITTED: [
    ['NEW', 'IN_REVIEW', 'REFERRED', 'ADMITTED'],
    ['NEW', 'IN_REVIEW', 'REFERRED', 'ADMITTED'],
  ],
  CLOSED: [
    ['NEW', 'IN_REVIEW', 'REFERRED', 'ADMITTED', 'CLOSED'],
    ['NEW', 'IN_REVIEW', 'CLOSED'],
  ],
  DECLINED: [
    ['NEW', 'IN_REVIEW', 'DECLINED'],
    ['NEW', 'IN_REVIEW', 'REFERRED', 'DECLINED'],
  ],
};

/** STATUS_PATHS as rows: one per step, step i of k. */
function statusPathRows() {
  return Object.entries(STATUS_PATHS).flatMap(([status, variants]) =>
    variants.flatMap((path, variant) =>
      path.slice(1).map((to, i) => ({
        status,
        variant,
        step: i + 1,
        steps: path.length - 1,
        from_status: path[i],
        to_status: to,
      })),
    ),
  );
}

/** Rows other features need, added after the cases: see the EXTENSION POINT note at the top. */
export const SEED_STEPS: SeedStep[] = [
  {
    // Assessment 1 of every case, as createCase writes it: the intake it was created with, scored
    // then, by its creator, at its creation; final = computed (overrides are CaseOverride rows).
    name: 'assessments',
    async run({ client, runId }) {
      await client.query(
        `INSERT INTO "CaseAssessment" (id, "caseId", sequence, at, "byId", intake, "instrumentItems", recommendation,
           "rulesVersion", "computedLevel", "computedWm", "finalLevel", "finalWm", flags)
         SELECT gen_random_uuid(), c.id, 1, c."createdAt", c."createdById", c.intake, c."instrumentItems", c.recommendation,
                c."rulesVersion", c."computedLevel", c."computedWm", c."computedLevel", c."computedWm", c.flags
         FROM "Case" c JOIN seed_run_case r ON r.id = c.id AND r.run = $1`,
        [runId],
      );
    },
  },
  {
    // The status history: the case's path from NEW (STATUS_PATHS), step i of k at
    // createdAt + i/k of the way to updatedAt. The first move (NEW → IN_REVIEW, any clinical
    // role) is the creator's; the clinical decisions are a clinician's or the supervisor's.
    name: 'status history',
    async run({ client, staff, runId }) {
      await client.query(
        `INSERT INTO "CaseStatusChange" (id, "caseId", "byId", at, "fromStatus", "toStatus", reason, "reasonCode")
         SELECT gen_random_uuid(), c.id,
                CASE WHEN p.from_status = 'NEW' THEN c."createdById"
                     ELSE ($1::uuid[])[1 + floor(random() * cardinality($1::uuid[]))::int] END,
                c."createdAt" + (c."updatedAt" - c."createdAt") * (p.step::float8 / p.steps),
                p.from_status::"CaseStatus", p.to_status::"CaseStatus",
                CASE p.to_status WHEN 'CLOSED' THEN ($2::text[])[1 + floor(random() * cardinality($2::text[]))::int]
                                 WHEN 'DECLINED' THEN $3 END,
                CASE WHEN p.to_status = 'DECLINED'
                     THEN (enum_range(NULL::"CaseDeclineReason"))[1 + floor(random() * 5)::int] END
         FROM "Case" c JOIN seed_run_case r ON r.id = c.id AND r.run = $4
         JOIN jsonb_to_recordset($5::jsonb) AS p(status text, variant int, step int, steps int, from_status text, to_status text)
           ON p.status = c.status::text AND p.variant = get_byte(uuid_send(c.id), 0) % 2`,
        [
          idsOf(staff, ['CLINICIAN', 'SUPERVISOR']),
          CLOSE_REASONS,
          DECLINE_REASON,
          runId,
          JSON.stringify(statusPathRows()),
        ],
      );
    },
  },
  {
    // A care team for a third of the cases past NEW: one or two clinicians added by the supervisor.
    name: 'care teams',
    async run({ client, staff, runId }) {
      await client.query(
        `INSERT INTO "CaseCareTeamMember" (id, "caseId", "staffId", "addedById", "addedAt")
         SELECT gen_random_uuid(), c.id, ($1::uuid[])[1 + (c.first + k) % cardinality($1::uuid[])], $2::uuid,
                c."createdAt" + (c."updatedAt" - c."createdAt") * 0.5
         FROM (SELECT c.id, c."createdAt", c."updatedAt", floor(random() * cardinality($1::uuid[]))::int AS first,
                      1 + (random() < 0.4)::int AS members
               FROM "Case" c JOIN seed_run_case r ON r.id = c.id AND r.run = $3
               WHERE c.status <> 'NEW' AND random() < 0.33) AS c
         CROSS JOIN LATERAL generate_series(0, least(c.members, cardinality($1::uuid[])) - 1) AS k`,
        [idsOf(staff, ['CLINICIAN']), idsOf(staff, ['SUPERVISOR'])[0], runId],
      );
    },
  },
  {
    // A few re-assessments (sequence 2): the same intake re-scored by the same rules, by a
    // clinician, between intake and the last update — the case row stays what the latest says.
    name: 're-assessments',
    async run({ client, staff, runId }) {
      await client.query(
        `INSERT INTO "CaseAssessment" (id, "caseId", sequence, at, "byId", intake, "instrumentItems", recommendation,
           "rulesVersion", "computedLevel", "computedWm", "finalLevel", "finalWm", flags)
         SELECT gen_random_uuid(), c.id, 2, c."createdAt" + (c."updatedAt" - c."createdAt") * 0.75,
                ($1::uuid[])[1 + floor(random() * cardinality($1::uuid[]))::int],
                c.intake, c."instrumentItems", c.recommendation,
                c."rulesVersion", c."computedLevel", c."computedWm", c."computedLevel", c."computedWm", c.flags
         FROM "Case" c JOIN seed_run_case r ON r.id = c.id AND r.run = $2
         WHERE c.status <> 'NEW' AND c."updatedAt" > c."createdAt" AND random() < 0.05`,
        [idsOf(staff, ['CLINICIAN', 'SUPERVISOR']), runId],
      );
    },
  },
  {
    name: 'overrides',
    async run({ client, staff, runId }) {
      await client.query(
        `INSERT INTO "CaseOverride" (id, "caseId", "byId", at, "previousLevel", "previousWm", level, wm, reason)
         SELECT gen_random_uuid(), c.id, ($1::uuid[])[1 + floor(random() * cardinality($1::uuid[]))::int],
                least(c."createdAt" + interval '1 day', c."updatedAt"), c."computedLevel", c."computedWm", c."finalLevel", c."finalWm", $2
         FROM "Case" c JOIN seed_run_case r ON r.id = c.id AND r.run = $3
         WHERE c."finalLevel" <> c."computedLevel"`,
        [idsOf(staff, ['CLINICIAN', 'SUPERVISOR']), OVERRIDE_REASON, runId],
      );
    },
  },
  {
    name: 'notes',
    async run({ client, staff, runId }) {
      await client.query(
        `INSERT INTO "CaseNote" (id, "caseId", "authorId", "createdAt", body)
         SELECT gen_random_uuid(), c.id, ($1::uuid[])[1 + floor(random() * cardinality($1::uuid[]))::int],
                least(c."createdAt" + make_interval(hours => n * 20), now()),
                ($2::text[])[1 + floor(random() * cardinality($2::text[]))::int]
         FROM (SELECT c.id, c."createdAt", 1 + floor(random() * 3)::int AS notes
               FROM "Case" c JOIN seed_run_case r ON r.id = c.id AND r.run = $3
               WHERE c.status <> 'NEW' AND random() < 0.35) AS c
         CROSS JOIN LATERAL generate_series(1, c.notes) AS n`,
        [idsOf(staff, ['INTAKE', 'CLINICIAN', 'SUPERVISOR']), NOTE_BODIES, runId],
      );
    },
  },
];

function idsOf(staff: readonly SeededStaff[], roles: readonly string[]): string[] {
  return staff.filter((member) => roles.includes(member.role)).map((member) => member.id);
}

/** Name pool rows with their search keys, computed by the app's own searchKey(). */
function namePool(names: readonly string[]) {
  return names.map((name, i) => ({ i, name, key: searchKey(name) }));
}

/** SQL that replaces every template token in `column` with this row's dates. */
function fillDates(column: string): string {
  let expression = `replace(${column}, '${TEMPLATE_TOKENS.dateOfBirth}', to_char(x.dob, 'YYYY-MM-DD'))`;
  for (const days of LAST_USE_OFFSETS)
    expression = `replace(${expression}, '${TEMPLATE_TOKENS.daysBefore(days)}', to_char(x.assessed - ${days}, 'YYYY-MM-DD'))`;
  return expression;
}

/**
 * One batch of cases, g from $1 + 1 to $1 + $2. Names: early pool entries are more common.
 * Dates: two years back from now, denser recently. Status follows the case's age. MRNs: 8 digits,
 * some with hyphens, 8% none.
 */
const INSERT_BATCH = `
WITH draws AS (
  SELECT g,
         date_trunc('milliseconds', now() - make_interval(secs => 730 * 86400 * power(random(), 1.15))) AS created,
         floor($3::int * power(random(), 1.6))::int AS fi,
         floor($4::int * power(random(), 1.6))::int AS li,
         floor($5::int * random())::int AS ti,
         random() AS r_status, random() AS r_mrn, random() AS r_assign, random() AS r_override,
         ($6::uuid[])[1 + floor(random() * cardinality($6::uuid[]))::int] AS creator,
         ($7::uuid[])[1 + floor(random() * cardinality($7::uuid[]))::int] AS assignee,
         random() * 6 AS r_updated_days
  FROM generate_series($1::int + 1, $1::int + $2::int) AS g
), shaped AS (
  SELECT d.*, (d.created AT TIME ZONE $8)::date AS assessed,
         extract(epoch FROM now() - d.created) / 86400 AS age,
         CASE WHEN d.r_mrn < 0.08 THEN NULL
              WHEN d.r_mrn < 0.25 THEN regexp_replace(lpad(((d.g::bigint * 7919 + $9::bigint) % 100000000)::text, 8, '0'), '^(\\d{2})(\\d{3})(\\d{3})$', '\\1-\\2-\\3')
              ELSE lpad(((d.g::bigint * 7919 + $9::bigint) % 100000000)::text, 8, '0') END AS mrn
  FROM draws d
), statused AS (
  SELECT s.*, (s.assessed - make_interval(years => t.age_years, days => t.birthday_days_ago))::date AS dob, t.i AS template,
         (CASE WHEN s.age < 3 THEN CASE WHEN s.r_status < 0.8 THEN 'NEW' ELSE 'IN_REVIEW' END
               WHEN s.age < 21 THEN CASE WHEN s.r_status < 0.15 THEN 'NEW' WHEN s.r_status < 0.55 THEN 'IN_REVIEW' WHEN s.r_status < 0.85 THEN 'REFERRED' ELSE 'ADMITTED' END
               WHEN s.age < 90 THEN CASE WHEN s.r_status < 0.02 THEN 'NEW' WHEN s.r_status < 0.10 THEN 'IN_REVIEW' WHEN s.r_status < 0.40 THEN 'REFERRED' WHEN s.r_status < 0.75 THEN 'ADMITTED' WHEN s.r_status < 0.83 THEN 'DECLINED' ELSE 'CLOSED' END
               ELSE CASE WHEN s.r_status < 0.01 THEN 'IN_REVIEW' WHEN s.r_status < 0.15 THEN 'REFERRED' WHEN s.r_status < 0.45 THEN 'ADMITTED' WHEN s.r_status < 0.55 THEN 'DECLINED' ELSE 'CLOSED' END
          END)::"CaseStatus" AS status
  FROM shaped s JOIN seed_template t ON t.i = s.ti
), inserted AS (
  INSERT INTO "Case" (id, "createdAt", "updatedAt", "createdById", "assignedToId", status,
    "patientFirstName", "patientLastName", "patientDateOfBirth", "patientMrn",
    "patientFirstNameKey", "patientLastNameKey", "patientMrnKey",
    intake, "instrumentItems", recommendation, "rulesVersion", "computedLevel", "computedWm", "finalLevel", "finalWm", flags,
    urgent, version, synthetic)
  SELECT gen_random_uuid(), x.created,
         least(now(), x.created + make_interval(secs => x.r_updated_days * 86400 * (x.status <> 'NEW')::int)),
         x.creator, CASE WHEN x.status <> 'NEW' AND x.r_assign < 0.7 THEN x.assignee END, x.status,
         f.name, l.name, x.dob, x.mrn,
         f.key, l.key, regexp_replace(lower(x.mrn), '[^a-z0-9]', '', 'g'),
         (SELECT CASE WHEN x.mrn IS NULL THEN p ELSE jsonb_set(p, '{patient,mrn}', to_jsonb(x.mrn)) END
          FROM (SELECT jsonb_set(jsonb_set(${fillDates('t.intake')}::jsonb, '{patient,firstName}', to_jsonb(f.name)),
                                 '{patient,lastName}', to_jsonb(l.name)) AS p) AS named),
         NULL,
         ${fillDates('t.recommendation')}::jsonb, t.rules_version, t.level, t.wm,
         CASE WHEN x.status <> 'NEW' AND x.r_override < 0.06 THEN t.override_level ELSE t.level END, t.wm, t.flags,
         t.urgent, (x.status <> 'NEW')::int + (x.status <> 'NEW' AND x.r_override < 0.06)::int, true
  FROM statused x
  JOIN seed_first f ON f.i = x.fi
  JOIN seed_last l ON l.i = x.li
  JOIN seed_template t ON t.i = x.template
  RETURNING id
)
INSERT INTO seed_run_case (id, run) SELECT id, $10 FROM inserted`;

async function refuseUnlessSafe(client: pg.Client, force: boolean): Promise<void> {
  const column = await client.query(
    `SELECT 1 FROM information_schema.columns WHERE table_name = 'Case' AND column_name = 'synthetic'`,
  );
  if (column.rowCount === 0)
    throw new SeedRefused('The database is not migrated (no Case.synthetic column): run `npm run db:migrate` first.');
  const real = await client.query<{ n: string }>(`SELECT count(*) AS n FROM "Case" WHERE NOT synthetic`);
  const count = Number(real.rows[0]?.n ?? 0);
  if (count > 0 && !force)
    throw new SeedRefused(
      `The database holds ${count} case(s) that are not synthetic. Nothing was written. Seed a database of test data only, or pass --force to add synthetic cases anyway.`,
    );
}

async function upsertStaff(client: pg.Client, password: string): Promise<SeededStaff[]> {
  const passwordHash = await hashPassword(password);
  const rows = await client.query<SeededStaff>(
    `INSERT INTO "StaffUser" (id, email, "displayName", role, "passwordHash", "updatedAt")
     SELECT gen_random_uuid(), s.email, s."displayName", s.role::"StaffRole", $2, now()
     FROM jsonb_to_recordset($1::jsonb) AS s(email text, "displayName" text, role text)
     ON CONFLICT (email) DO UPDATE SET "passwordHash" = EXCLUDED."passwordHash", active = true, "updatedAt" = now()
     RETURNING id, email, "displayName", role`,
    [JSON.stringify(SEED_STAFF), passwordHash],
  );
  return rows.rows;
}

export async function seedDatabase(databaseUrl: string, options: SeedOptions): Promise<SeedResult> {
  const log = options.log ?? (() => {});
  const started = performance.now();
  const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
  if (!Number.isInteger(options.cases) || options.cases < 1) throw new RangeError('cases must be a whole number ≥ 1');
  const batchSize = options.batchSize ?? 10_000;
  const seed = options.seed ?? 20_261_203;
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await refuseUnlessSafe(client, options.force === true);
    await client.query(`SELECT setseed($1)`, [((seed % 1000) + 0.5) / 1001]);
    const staff = await upsertStaff(client, options.staffPassword ?? randomBytes(24).toString('base64url'));
    log(`staff: ${staff.length} accounts (${SEED_STAFF.map((member) => member.email).join(', ')})`);

    const { templates, rejected } = buildIntakeTemplates(240, seed);
    log(
      `templates: ${templates.length} v2 intakes scored by the rules (${rejected} refused by the schema) — ${elapsed()}`,
    );
    await client.query(
      `CREATE TEMP TABLE seed_first AS SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(i int, name text, key text)`,
      [JSON.stringify(namePool(FIRST_NAMES))],
    );
    await client.query(
      `CREATE TEMP TABLE seed_last AS SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(i int, name text, key text)`,
      [JSON.stringify(namePool(LAST_NAMES))],
    );
    await client.query(
      `CREATE TEMP TABLE seed_template AS
       SELECT i, intake, recommendation, age_years, birthday_days_ago, rules_version, level, wm, override_level,
              ARRAY(SELECT jsonb_array_elements_text(flags)) AS flags, urgent
       FROM jsonb_to_recordset($1::jsonb) AS x(i int, intake text, recommendation text, age_years int, birthday_days_ago int,
            rules_version text, level text, wm text, override_level text, flags jsonb, urgent boolean)`,
      [
        JSON.stringify(
          templates.map((template, i) => ({
            i,
            intake: template.intakeJson,
            recommendation: template.recommendationJson,
            age_years: template.ageYears,
            birthday_days_ago: template.birthdayDaysAgo,
            rules_version: template.rulesVersion,
            level: template.treatmentLevel,
            wm: template.withdrawalManagement,
            override_level: template.overrideLevel,
            flags: template.flags,
            urgent: template.flags.some((flag) => isUrgentFlag(flag)),
          })),
        ),
      ],
    );
    await client.query(`CREATE TEMP TABLE seed_run_case (id uuid PRIMARY KEY, run text NOT NULL)`);
    await client.query('ANALYZE seed_first, seed_last, seed_template');

    const runId = randomBytes(6).toString('hex');
    const mrnOffset = 1_234_567 + Math.floor(Math.random() * 1_000_000);
    const creators = idsOf(staff, ['INTAKE', 'CLINICIAN']);
    const assignees = idsOf(staff, ['INTAKE', 'CLINICIAN', 'SUPERVISOR']);
    for (let done = 0; done < options.cases; done += batchSize) {
      const size = Math.min(batchSize, options.cases - done);
      await client.query(INSERT_BATCH, [
        done,
        size,
        FIRST_NAMES.length,
        LAST_NAMES.length,
        templates.length,
        creators,
        assignees,
        PROGRAM_TIME_ZONE,
        mrnOffset,
        runId,
      ]);
      log(`cases: ${(done + size).toLocaleString('en-US')} of ${options.cases.toLocaleString('en-US')} — ${elapsed()}`);
    }

    const context: SeedContext = { client, staff, runId, cases: options.cases, log };
    for (const step of SEED_STEPS) {
      await step.run(context);
      log(`${step.name}: done — ${elapsed()}`);
    }
    // A live table has been vacuumed and analyzed by autovacuum; a freshly loaded one has not.
    await client.query(
      'VACUUM ANALYZE "Case", "CaseOverride", "CaseNote", "CaseAssessment", "CaseStatusChange", "CaseCareTeamMember", "StaffUser"',
    );
    log(`analyzed — ${elapsed()}`);
    return {
      cases: options.cases,
      staff,
      templates: templates.length,
      seconds: Math.round((performance.now() - started) / 100) / 10,
    };
  } finally {
    await client.end();
  }
}
