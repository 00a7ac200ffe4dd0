-- Integrity in the database (issue 13 item 10): what the application already guarantees is also a
-- rule of the database, so a bug, a script or a hand-written query cannot store what the app never
-- would. Keep these lists equal to lib/placement/shared/vocabulary.ts (TREATMENT_LEVELS,
-- WITHDRAWAL_MANAGEMENT_LEVELS — shared by rules v1 and v2) and the limits to lib/cases/schemas.ts;
-- tests/integration/db/integrity.test.ts compares them.

-- Level vocabularies.
ALTER TABLE "Case"
  ADD CONSTRAINT "Case_computedLevel_vocabulary" CHECK ("computedLevel" IN ('0.5', '1', '2.1', '2.5', '3.1', '3.5', '3.7', '4')),
  ADD CONSTRAINT "Case_finalLevel_vocabulary" CHECK ("finalLevel" IN ('0.5', '1', '2.1', '2.5', '3.1', '3.5', '3.7', '4')),
  ADD CONSTRAINT "Case_computedWm_vocabulary" CHECK ("computedWm" IN ('none', '1-WM', '2-WM', '3.2-WM', '3.7-WM', '4-WM')),
  ADD CONSTRAINT "Case_finalWm_vocabulary" CHECK ("finalWm" IN ('none', '1-WM', '2-WM', '3.2-WM', '3.7-WM', '4-WM')),
  ADD CONSTRAINT "Case_version_not_negative" CHECK ("version" >= 0);

ALTER TABLE "CaseOverride"
  ADD CONSTRAINT "CaseOverride_previousLevel_vocabulary" CHECK ("previousLevel" IN ('0.5', '1', '2.1', '2.5', '3.1', '3.5', '3.7', '4')),
  ADD CONSTRAINT "CaseOverride_level_vocabulary" CHECK ("level" IN ('0.5', '1', '2.1', '2.5', '3.1', '3.5', '3.7', '4')),
  ADD CONSTRAINT "CaseOverride_previousWm_vocabulary" CHECK ("previousWm" IN ('none', '1-WM', '2-WM', '3.2-WM', '3.7-WM', '4-WM')),
  ADD CONSTRAINT "CaseOverride_wm_vocabulary" CHECK ("wm" IN ('none', '1-WM', '2-WM', '3.2-WM', '3.7-WM', '4-WM')),
  -- OVERRIDE_REASON_MIN / OVERRIDE_REASON_MAX (the app trims first; zod counts UTF-16 units, which
  -- are never fewer than the characters counted here).
  ADD CONSTRAINT "CaseOverride_reason_length" CHECK (char_length(btrim("reason")) >= 10 AND char_length("reason") <= 2000);

-- NOTE_MAX.
ALTER TABLE "CaseNote"
  ADD CONSTRAINT "CaseNote_body_length" CHECK (char_length(btrim("body")) >= 1 AND char_length("body") <= 4000);

ALTER TABLE "IntakeDraft"
  ADD CONSTRAINT "IntakeDraft_version_not_negative" CHECK ("version" >= 0);

-- Append-only tables. One function for every such table (the audit log keeps its own from
-- 20261125143428_audit_append_only); each table gets a row trigger for UPDATE/DELETE and a
-- statement trigger for TRUNCATE:
--   CREATE TRIGGER "<Table>_append_only" BEFORE UPDATE OR DELETE ON "<Table>"
--     FOR EACH ROW EXECUTE FUNCTION reject_append_only_change();
--   CREATE TRIGGER "<Table>_append_only_truncate" BEFORE TRUNCATE ON "<Table>"
--     FOR EACH STATEMENT EXECUTE FUNCTION reject_append_only_change();
CREATE FUNCTION reject_append_only_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER "CaseNote_append_only" BEFORE UPDATE OR DELETE ON "CaseNote"
  FOR EACH ROW EXECUTE FUNCTION reject_append_only_change();
CREATE TRIGGER "CaseNote_append_only_truncate" BEFORE TRUNCATE ON "CaseNote"
  FOR EACH STATEMENT EXECUTE FUNCTION reject_append_only_change();

CREATE TRIGGER "CaseOverride_append_only" BEFORE UPDATE OR DELETE ON "CaseOverride"
  FOR EACH ROW EXECUTE FUNCTION reject_append_only_change();
CREATE TRIGGER "CaseOverride_append_only_truncate" BEFORE TRUNCATE ON "CaseOverride"
  FOR EACH STATEMENT EXECUTE FUNCTION reject_append_only_change();
