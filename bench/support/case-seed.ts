// Seeds a migrated database with staff and N cases in a few set-based SQL statements (no
// per-row round trips): 100,000 cases take seconds. Rows look like what createCase writes —
// patient columns copied from the intake, search keys from lib/cases/search-key.ts, the
// recommendation from lib/placement — spread over two years, with overrides and notes on some.
import pg from 'pg';

import { hashPassword } from '@/lib/auth/password-hash';
import { searchKey } from '@/lib/cases/search-key';

import { buildCaseTemplates } from './case-templates';
import { FIRST_NAMES, LAST_NAMES } from '@/lib/cases/seed/names';

export const BENCH_PASSWORD = 'bench password, not a secret';

export interface SeededStaff {
  readonly id: string;
  readonly email: string;
  readonly role: 'INTAKE' | 'CLINICIAN' | 'SUPERVISOR';
}

export interface SeedResult {
  readonly cases: number;
  readonly staff: readonly SeededStaff[];
  readonly seconds: number;
  /** Average bytes of intake + recommendation JSON per case, as PostgreSQL stores it (possibly compressed). */
  readonly jsonBytesPerCase: number;
}

const STAFF: ReadonlyArray<Omit<SeededStaff, 'id'> & { readonly displayName: string }> = [
  { email: 'intake.one@bench.test', displayName: 'Ines Intake', role: 'INTAKE' },
  { email: 'intake.two@bench.test', displayName: 'Ivan Intake', role: 'INTAKE' },
  { email: 'clinician.one@bench.test', displayName: 'Dr. Cora Clinician', role: 'CLINICIAN' },
  { email: 'clinician.two@bench.test', displayName: 'Dr. Colin Clinician', role: 'CLINICIAN' },
  { email: 'clinician.three@bench.test', displayName: 'Dr. Chen Clinician', role: 'CLINICIAN' },
  { email: 'supervisor@bench.test', displayName: 'Sam Supervisor', role: 'SUPERVISOR' },
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

/** Name pool rows with their search keys, computed by the app's own searchKey(). */
function namePool(names: readonly string[]): Array<{ i: number; name: string; key: string }> {
  return names.map((name, i) => ({ i, name, key: searchKey(name) }));
}

export async function seedCases(databaseUrl: string, count: number): Promise<SeedResult> {
  const started = performance.now();
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    // createdAt → the case's "today" is read in the server's zone (localCalendarDate); match it.
    await client.query(`SET TIME ZONE '${Intl.DateTimeFormat().resolvedOptions().timeZone.replace(/'/g, '')}'`);
    await client.query('SELECT setseed(0.2026)');

    const passwordHash = await hashPassword(BENCH_PASSWORD);
    const staff = (
      await client.query<SeededStaff>(
        `INSERT INTO "StaffUser" (id, email, "displayName", role, "passwordHash", "updatedAt")
         SELECT gen_random_uuid(), s.email, s."displayName", s.role::"StaffRole", $2, now()
         FROM jsonb_to_recordset($1::jsonb) AS s(email text, "displayName" text, role text)
         RETURNING id, email, role`,
        [JSON.stringify(STAFF), passwordHash],
      )
    ).rows;
    const idsOf = (roles: readonly string[]) =>
      staff.filter((member) => roles.includes(member.role)).map((member) => member.id);
    const creators = idsOf(['INTAKE', 'CLINICIAN']);
    const clinicians = idsOf(['CLINICIAN', 'SUPERVISOR']);

    const templates = buildCaseTemplates().map((template, i) => ({
      i,
      body: template.body,
      sex: template.sex,
      pregnant: template.pregnant,
      phone: template.phone,
      recommendation: template.recommendation,
      level: template.recommendation.treatmentLevel,
      wm: template.recommendation.withdrawalManagement,
      flags: template.recommendation.flags,
      rulesVersion: template.recommendation.rulesVersion,
      overrideLevel: template.overrideLevel,
    }));
    await client.query(
      `CREATE TEMP TABLE bench_first AS SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(i int, name text, key text)`,
      [JSON.stringify(namePool(FIRST_NAMES))],
    );
    await client.query(
      `CREATE TEMP TABLE bench_last AS SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(i int, name text, key text)`,
      [JSON.stringify(namePool(LAST_NAMES))],
    );
    await client.query(
      `CREATE TEMP TABLE bench_template AS
       SELECT i, body, sex, pregnant, phone, recommendation, level, wm, "rulesVersion" AS rules_version,
              "overrideLevel" AS override_level, ARRAY(SELECT jsonb_array_elements_text(flags)) AS flags
       FROM jsonb_to_recordset($1::jsonb) AS x(i int, body jsonb, sex text, pregnant boolean, phone text, recommendation jsonb,
            level text, wm text, flags jsonb, "rulesVersion" text, "overrideLevel" text)`,
      [JSON.stringify(templates)],
    );
    await client.query('ANALYZE bench_first, bench_last, bench_template');

    // One statement for all cases. Names: early pool entries are more common (power > 1).
    // Dates: two years back from now, a little denser recently. Status follows the case's age.
    // MRNs: 8 digits, unique (7919 is coprime with 10^8), some written with hyphens; 8% have none.
    await client.query(
      `WITH draws AS (
         SELECT g,
                date_trunc('milliseconds', now() - make_interval(secs => 730 * 86400 * power(random(), 1.15))) AS created,
                floor($2::int * power(random(), 1.6))::int AS fi,
                floor($3::int * power(random(), 1.6))::int AS li,
                floor($4::int * random())::int AS ti,
                random() AS r_status, random() AS r_mrn, random() AS r_assign, random() AS r_override,
                (18 * 365 + floor(random() * 57 * 365))::int AS age_days,
                ($5::uuid[])[1 + floor(random() * cardinality($5::uuid[]))::int] AS creator,
                ($6::uuid[])[1 + floor(random() * cardinality($6::uuid[]))::int] AS assignee,
                random() * 4 AS r_updated_days
         FROM generate_series(1, $1::int) AS g
       ), shaped AS (
         SELECT d.*, d.created::date AS created_date,
                extract(epoch FROM now() - d.created) / 86400 AS age,
                CASE WHEN d.r_mrn < 0.08 THEN NULL
                     WHEN d.r_mrn < 0.25 THEN regexp_replace(lpad(((d.g::bigint * 7919 + 1234567) % 100000000)::text, 8, '0'), '^(\\d{2})(\\d{3})(\\d{3})$', '\\1-\\2-\\3')
                     ELSE lpad(((d.g::bigint * 7919 + 1234567) % 100000000)::text, 8, '0') END AS mrn
         FROM draws d
       ), statused AS (
         SELECT s.*,
                (CASE WHEN s.age < 3 THEN CASE WHEN s.r_status < 0.8 THEN 'NEW' ELSE 'IN_REVIEW' END
                      WHEN s.age < 21 THEN CASE WHEN s.r_status < 0.15 THEN 'NEW' WHEN s.r_status < 0.55 THEN 'IN_REVIEW' WHEN s.r_status < 0.85 THEN 'REFERRED' ELSE 'ADMITTED' END
                      WHEN s.age < 90 THEN CASE WHEN s.r_status < 0.02 THEN 'NEW' WHEN s.r_status < 0.10 THEN 'IN_REVIEW' WHEN s.r_status < 0.40 THEN 'REFERRED' WHEN s.r_status < 0.75 THEN 'ADMITTED' ELSE 'CLOSED' END
                      ELSE CASE WHEN s.r_status < 0.01 THEN 'IN_REVIEW' WHEN s.r_status < 0.15 THEN 'REFERRED' WHEN s.r_status < 0.45 THEN 'ADMITTED' ELSE 'CLOSED' END
                 END)::"CaseStatus" AS status
         FROM shaped s
       )
       INSERT INTO "Case" (id, "createdAt", "updatedAt", "createdById", "assignedToId", status,
         "patientFirstName", "patientLastName", "patientDateOfBirth", "patientMrn",
         "patientFirstNameKey", "patientLastNameKey", "patientMrnKey",
         intake, recommendation, "rulesVersion", "computedLevel", "computedWm", "finalLevel", "finalWm", flags, version)
       SELECT gen_random_uuid(), x.created, x.created + make_interval(secs => x.r_updated_days * 86400 * (x.status <> 'NEW')::int), x.creator,
              CASE WHEN x.status <> 'NEW' AND x.r_assign < 0.7 THEN x.assignee END, x.status,
              f.name, l.name, x.created_date - x.age_days, x.mrn,
              f.key, l.key, regexp_replace(lower(x.mrn), '[^a-z0-9]', '', 'g'),
              t.body || jsonb_build_object(
                'patient', jsonb_strip_nulls(jsonb_build_object(
                  'firstName', f.name, 'lastName', l.name, 'dateOfBirth', to_char(x.created_date - x.age_days, 'YYYY-MM-DD'),
                  'sex', t.sex, 'pregnant', t.pregnant, 'mrn', x.mrn, 'phone', t.phone)),
                'substances', (SELECT jsonb_agg(CASE WHEN s ? 'lastUseDaysAgo'
                                                     THEN (s - 'lastUseDaysAgo') || jsonb_build_object('lastUse', to_char(x.created_date - (s ->> 'lastUseDaysAgo')::int, 'YYYY-MM-DD'))
                                                     ELSE s END ORDER BY o)
                               FROM jsonb_array_elements(t.body -> 'substances') WITH ORDINALITY AS e(s, o))),
              t.recommendation, t.rules_version, t.level, t.wm,
              CASE WHEN x.status <> 'NEW' AND x.r_override < 0.06 THEN t.override_level ELSE t.level END, t.wm, t.flags,
              (x.status <> 'NEW')::int + (x.status <> 'NEW' AND x.r_override < 0.06)::int
       FROM statused x
       JOIN bench_first f ON f.i = x.fi
       JOIN bench_last l ON l.i = x.li
       JOIN bench_template t ON t.i = x.ti`,
      [count, FIRST_NAMES.length, LAST_NAMES.length, templates.length, creators, clinicians],
    );

    // Every override has its history row; about a third of the cases that left NEW have notes.
    await client.query(
      `INSERT INTO "CaseOverride" (id, "caseId", "byId", at, "previousLevel", "previousWm", level, wm, reason)
       SELECT gen_random_uuid(), id, ($1::uuid[])[1 + floor(random() * cardinality($1::uuid[]))::int], "createdAt" + interval '1 day',
              "computedLevel", "computedWm", "finalLevel", "finalWm", $2
       FROM "Case" WHERE "finalLevel" <> "computedLevel"`,
      [clinicians, OVERRIDE_REASON],
    );
    await client.query(
      `INSERT INTO "CaseNote" (id, "caseId", "authorId", "createdAt", body)
       SELECT gen_random_uuid(), c.id, ($1::uuid[])[1 + floor(random() * cardinality($1::uuid[]))::int],
              c."createdAt" + make_interval(hours => n * 20), ($2::text[])[1 + floor(random() * cardinality($2::text[]))::int]
       FROM (SELECT id, "createdAt", 1 + floor(random() * 3)::int AS notes FROM "Case" WHERE status <> 'NEW' AND random() < 0.35) AS c
       CROSS JOIN LATERAL generate_series(1, c.notes) AS n`,
      [clinicians, NOTE_BODIES],
    );
    // A live table has been vacuumed and analyzed by autovacuum; a freshly loaded one has not.
    await client.query('VACUUM ANALYZE "Case", "CaseOverride", "CaseNote", "StaffUser"');

    const size = await client.query<{ cases: string; bytes: string }>(
      `SELECT count(*) AS cases, coalesce(avg(pg_column_size(intake) + pg_column_size(recommendation)), 0)::int AS bytes FROM "Case"`,
    );
    return {
      cases: Number(size.rows[0]?.cases ?? 0),
      staff,
      seconds: Math.round((performance.now() - started) / 100) / 10,
      jsonBytesPerCase: Number(size.rows[0]?.bytes ?? 0),
    };
  } finally {
    await client.end();
  }
}
