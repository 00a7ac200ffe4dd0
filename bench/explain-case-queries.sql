-- EXPLAIN ANALYZE of the case list queries exactly as Prisma sends them from lib/cases/list-cases.ts
-- (statement text copied from Prisma's query log; parameters as listCases passes them).
-- Seed a database and keep it, then run this file against it:
--   BENCH_KEEP_DB=1 BENCH_SECONDS=0.5 npm run bench -- case-list   # prints "kept database <name>: <url>"
--   psql "<url>" -f bench/explain-case-queries.sql
--   psql "postgresql://postgres@127.0.0.1:5432/postgres" -c 'DROP DATABASE "<name>" WITH (FORCE)'
\pset pager off
SET plan_cache_mode = force_custom_plan; -- as an unnamed statement from adapter-pg is planned: with its values

-- count({ where, take: 10001 }): Prisma orders the capped subquery by id.
PREPARE list_count AS
SELECT COUNT(*) AS "_count$_all" FROM (SELECT "public"."Case"."id" FROM "public"."Case" WHERE 1=1 ORDER BY "public"."Case"."id" ASC LIMIT $1 OFFSET $2) AS "sub";
PREPARE list_rows AS
SELECT "public"."Case"."id", "public"."Case"."createdAt", "public"."Case"."status"::text, "public"."Case"."patientFirstName", "public"."Case"."patientLastName", "public"."Case"."patientDateOfBirth", "public"."Case"."patientMrn", "public"."Case"."computedLevel", "public"."Case"."computedWm", "public"."Case"."finalLevel", "public"."Case"."finalWm", "public"."Case"."flags" FROM "public"."Case" WHERE 1=1 ORDER BY "public"."Case"."createdAt" DESC, "public"."Case"."id" DESC LIMIT $1 OFFSET $2;
PREPARE status_count AS
SELECT COUNT(*) AS "_count$_all" FROM (SELECT "public"."Case"."id" FROM "public"."Case" WHERE "public"."Case"."status" = CAST($1::text AS "public"."CaseStatus") ORDER BY "public"."Case"."id" ASC LIMIT $2 OFFSET $3) AS "sub";
-- The same count ordered by createdAt, as count({ where, take, orderBy: { createdAt: 'desc' } }) sends it (proposed fix).
PREPARE status_count_by_created AS
SELECT COUNT(*) AS "_count$_all" FROM (SELECT "public"."Case"."id" FROM "public"."Case" WHERE "public"."Case"."status" = CAST($1::text AS "public"."CaseStatus") ORDER BY "public"."Case"."createdAt" DESC LIMIT $2 OFFSET $3) AS "sub";
PREPARE status_rows AS
SELECT "public"."Case"."id", "public"."Case"."createdAt", "public"."Case"."status"::text, "public"."Case"."patientFirstName", "public"."Case"."patientLastName", "public"."Case"."patientDateOfBirth", "public"."Case"."patientMrn", "public"."Case"."computedLevel", "public"."Case"."computedWm", "public"."Case"."finalLevel", "public"."Case"."finalWm", "public"."Case"."flags" FROM "public"."Case" WHERE "public"."Case"."status" = CAST($1::text AS "public"."CaseStatus") ORDER BY "public"."Case"."createdAt" DESC, "public"."Case"."id" DESC LIMIT $2 OFFSET $3;
-- One search term: key range (what the B-tree indexes serve) plus Prisma's startsWith re-check.
PREPARE search_count AS
SELECT COUNT(*) AS "_count$_all" FROM (SELECT "public"."Case"."id" FROM "public"."Case" WHERE (("public"."Case"."patientLastNameKey" >= $1 AND "public"."Case"."patientLastNameKey" < $2 AND "public"."Case"."patientLastNameKey"::text LIKE ($3 || '%')) OR ("public"."Case"."patientFirstNameKey" >= $4 AND "public"."Case"."patientFirstNameKey" < $5 AND "public"."Case"."patientFirstNameKey"::text LIKE ($6 || '%')) OR ("public"."Case"."patientMrnKey" >= $7 AND "public"."Case"."patientMrnKey" < $8 AND "public"."Case"."patientMrnKey"::text LIKE ($9 || '%'))) ORDER BY "public"."Case"."id" ASC LIMIT $10 OFFSET $11) AS "sub";
PREPARE search_rows AS
SELECT "public"."Case"."id", "public"."Case"."createdAt", "public"."Case"."status"::text, "public"."Case"."patientFirstName", "public"."Case"."patientLastName", "public"."Case"."patientDateOfBirth", "public"."Case"."patientMrn", "public"."Case"."computedLevel", "public"."Case"."computedWm", "public"."Case"."finalLevel", "public"."Case"."finalWm", "public"."Case"."flags" FROM "public"."Case" WHERE (("public"."Case"."patientLastNameKey" >= $1 AND "public"."Case"."patientLastNameKey" < $2 AND "public"."Case"."patientLastNameKey"::text LIKE ($3 || '%')) OR ("public"."Case"."patientFirstNameKey" >= $4 AND "public"."Case"."patientFirstNameKey" < $5 AND "public"."Case"."patientFirstNameKey"::text LIKE ($6 || '%')) OR ("public"."Case"."patientMrnKey" >= $7 AND "public"."Case"."patientMrnKey" < $8 AND "public"."Case"."patientMrnKey"::text LIKE ($9 || '%'))) ORDER BY "public"."Case"."createdAt" DESC, "public"."Case"."id" DESC LIMIT $10 OFFSET $11;

\echo '=== list page 1, newest first: count, then rows'
EXPLAIN (ANALYZE, BUFFERS) EXECUTE list_count(10001, 0);
EXPLAIN (ANALYZE, BUFFERS) EXECUTE list_rows(25, 0);
\echo '=== list page 50'
EXPLAIN (ANALYZE, BUFFERS) EXECUTE list_rows(25, 1225);
\echo '=== status CLOSED (about half the cases): count as sent, count ordered by createdAt, rows'
EXPLAIN (ANALYZE, BUFFERS) EXECUTE status_count('CLOSED', 10001, 0);
EXPLAIN (ANALYZE, BUFFERS) EXECUTE status_count_by_created('CLOSED', 10001, 0);
EXPLAIN (ANALYZE, BUFFERS) EXECUTE status_rows('CLOSED', 25, 0);
\echo '=== status NEW (about 1.5%): count as sent, rows'
EXPLAIN (ANALYZE, BUFFERS) EXECUTE status_count('NEW', 10001, 0);
EXPLAIN (ANALYZE, BUFFERS) EXECUTE status_rows('NEW', 25, 0);
\echo '=== name search "Smi" (common: the Smiths): count, rows'
EXPLAIN (ANALYZE, BUFFERS) EXECUTE search_count('smi', 'smj', 'smi', 'smi', 'smj', 'smi', 'smi', 'smj', 'smi', 10001, 0);
EXPLAIN (ANALYZE, BUFFERS) EXECUTE search_rows('smi', 'smj', 'smi', 'smi', 'smj', 'smi', 'smi', 'smj', 'smi', 25, 0);
\echo '=== name search "Núñez" (rare): count, rows'
EXPLAIN (ANALYZE, BUFFERS) EXECUTE search_count('nunez', 'nunf', 'nunez', 'nunez', 'nunf', 'nunez', 'nunez', 'nunf', 'nunez', 10001, 0);
EXPLAIN (ANALYZE, BUFFERS) EXECUTE search_rows('nunez', 'nunf', 'nunez', 'nunez', 'nunf', 'nunez', 'nunez', 'nunf', 'nunez', 25, 0);
\echo '=== MRN search (a whole MRN of an existing case)'
SELECT "patientMrnKey" AS mrn, left("patientMrnKey", -1) || chr(ascii(right("patientMrnKey", 1)) + 1) AS mrn_next
FROM "Case" WHERE "patientMrnKey" ~ '[0-8]$' ORDER BY "createdAt" LIMIT 1 \gset
EXPLAIN (ANALYZE, BUFFERS) EXECUTE search_count(:'mrn', :'mrn_next', :'mrn', :'mrn', :'mrn_next', :'mrn', :'mrn', :'mrn_next', :'mrn', 10001, 0);
EXPLAIN (ANALYZE, BUFFERS) EXECUTE search_rows(:'mrn', :'mrn_next', :'mrn', :'mrn', :'mrn_next', :'mrn', :'mrn', :'mrn_next', :'mrn', 25, 0);
