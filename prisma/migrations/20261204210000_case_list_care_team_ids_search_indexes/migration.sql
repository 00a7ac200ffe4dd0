-- The case list's access condition and name search (issue 9; lib/cases/access.ts caseAccessSql,
-- lib/cases/list/query.ts; docs/performance.md "Case list, dashboard").

-- 1. Who is on each case's care team, on the case row. The list's need-to-know condition for
--    INTAKE and CLINICIAN ("created by me, assigned to me or on the care team") probed
--    CaseCareTeamMember per listed case (planned as a hash of every case the person is on the team
--    of, built for the count and again for the page). It now reads this column. The column is kept
--    by the triggers below, in the same statement as the care-team change, so it always says what
--    CaseCareTeamMember says; the app never writes it.
-- AlterTable
ALTER TABLE "Case" ADD COLUMN     "careTeamStaffIds" UUID[] DEFAULT ARRAY[]::UUID[];
-- Kept in the row, never compressed or moved to TOAST ("Case" has toast_tuple_target = 128, see
-- 20261125155933_case_json_out_of_line): the access condition reads it for every row it tests, and
-- out of line that was one TOAST fetch per row (a clinician's counts by status: 95,000 buffers, 90
-- ms; in line 4,300 buffers, 25 ms). One or two uuids, 40–56 bytes.
ALTER TABLE "Case" ALTER COLUMN "careTeamStaffIds" SET STORAGE PLAIN;

CREATE FUNCTION case_care_team_ids_refresh(case_ids UUID[]) RETURNS void LANGUAGE sql AS $$
  UPDATE "Case" c
  SET "careTeamStaffIds" = coalesce(
    (SELECT array_agg(t."staffId" ORDER BY t."staffId") FROM "CaseCareTeamMember" t WHERE t."caseId" = c.id),
    ARRAY[]::UUID[])
  WHERE c.id = ANY(case_ids);
$$;

CREATE FUNCTION case_care_team_ids_on_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM case_care_team_ids_refresh(ARRAY(SELECT DISTINCT "caseId" FROM new_rows));
  RETURN NULL;
END;
$$;

CREATE FUNCTION case_care_team_ids_on_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM case_care_team_ids_refresh(ARRAY(SELECT DISTINCT "caseId" FROM old_rows));
  RETURN NULL;
END;
$$;

CREATE FUNCTION case_care_team_ids_on_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM case_care_team_ids_refresh(
    ARRAY(SELECT "caseId" FROM new_rows UNION SELECT "caseId" FROM old_rows));
  RETURN NULL;
END;
$$;

CREATE TRIGGER case_care_team_ids_insert AFTER INSERT ON "CaseCareTeamMember"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION case_care_team_ids_on_insert();
CREATE TRIGGER case_care_team_ids_delete AFTER DELETE ON "CaseCareTeamMember"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION case_care_team_ids_on_delete();
CREATE TRIGGER case_care_team_ids_update AFTER UPDATE ON "CaseCareTeamMember"
  REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION case_care_team_ids_on_update();
-- A TRUNCATE of the care team would leave the column behind: refuse it.
CREATE FUNCTION case_care_team_no_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'CaseCareTeamMember cannot be truncated (Case.careTeamStaffIds mirrors it); delete the rows instead';
END;
$$;
CREATE TRIGGER case_care_team_no_truncate BEFORE TRUNCATE ON "CaseCareTeamMember"
  FOR EACH STATEMENT EXECUTE FUNCTION case_care_team_no_truncate();

-- The care teams that exist already.
UPDATE "Case" c SET "careTeamStaffIds" = t.ids
FROM (SELECT "caseId", array_agg("staffId" ORDER BY "staffId") AS ids FROM "CaseCareTeamMember" GROUP BY "caseId") AS t
WHERE t."caseId" = c.id;

-- 2. Name search: every case of a matched name key in intake-date order with every column the
--    search's conditions and sorts read, so matches are found, filtered and ordered by index-only
--    scans and only the page's 51 rows are read from the heap (a search for "mith" matches ~5,500
--    cases at 100,000: one heap fetch each before).
-- CreateIndex
CREATE INDEX "Case_lastNameKey_search_idx" ON "Case"("patientLastNameKey", "createdAt" DESC, "id" DESC, "updatedAt", "status", "finalLevel", "finalWm", "urgent", "assignedToId", "createdById", "patientFirstNameKey", "patientMrnKey", "careTeamStaffIds");

-- CreateIndex
CREATE INDEX "Case_firstNameKey_search_idx" ON "Case"("patientFirstNameKey", "createdAt" DESC, "id" DESC, "updatedAt", "status", "finalLevel", "finalWm", "urgent", "assignedToId", "createdById", "patientLastNameKey", "patientMrnKey", "careTeamStaffIds");

-- 3. Indexes nothing reads any more: the trigram indexes on the Case keys (the search matches the
--    CaseNameKey dictionary since 20261203030100), the one-column name-key indexes (every index
--    that starts with the key serves its ranges) and (createdAt DESC), which (createdAt DESC, id
--    DESC) serves. Each cost every write, and the planner reads every index of "Case" for each
--    mention of it in a statement (the search mentions it six times).
-- DropIndex
DROP INDEX "Case_createdAt_idx";

-- DropIndex
DROP INDEX "Case_patientFirstNameKey_idx";

-- DropIndex
DROP INDEX "Case_patientFirstNameKey_trgm_idx";

-- DropIndex
DROP INDEX "Case_patientLastNameKey_idx";

-- DropIndex
DROP INDEX "Case_patientLastNameKey_trgm_idx";

-- 4. Capped counts ("first 1,001 visible cases") run as sequential scans that stop early. With
--    synchronized scans (on by default, for tables over a quarter of shared_buffers — "Case" at
--    100,000 cases) each scan starts where a concurrent one is, so how far a count must read
--    depended on where other callers' scans happened to be (a clinician's count read 113 pages, or
--    4,900). The app runs no large concurrent scans that would gain from sharing. New sessions on
--    this database start every scan at the first page (docs/performance.md).
DO $$
BEGIN
  EXECUTE format('ALTER DATABASE %I SET synchronize_seqscans = off', current_database());
END
$$;
