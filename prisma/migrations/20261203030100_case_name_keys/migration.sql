-- The forgiving name search's dictionary of name keys (issue 9 item 7; lib/cases/list/query.ts).
-- CreateTable
CREATE TABLE "CaseNameKey" (
    "key" TEXT NOT NULL,

    CONSTRAINT "CaseNameKey_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "CaseNameKey_key_trgm_idx" ON "CaseNameKey" USING GIN ("key" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Case_patientFirstNameKey_id_idx" ON "Case"("patientFirstNameKey", "id");


-- Keep the dictionary: every key a case gets is added (statement-level, so a bulk insert of
-- 100,000 cases adds its few thousand distinct keys in one statement).
CREATE FUNCTION case_name_keys_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "CaseNameKey" (key)
  SELECT DISTINCT k FROM (
    SELECT "patientFirstNameKey" AS k FROM new_rows
    UNION ALL
    SELECT "patientLastNameKey" FROM new_rows
  ) AS keys
  WHERE k <> ''
  ON CONFLICT (key) DO NOTHING;
  RETURN NULL;
END;
$$;

CREATE TRIGGER case_name_keys_on_insert AFTER INSERT ON "Case"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION case_name_keys_add();
CREATE TRIGGER case_name_keys_on_update AFTER UPDATE ON "Case"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION case_name_keys_add();

-- The cases that exist already.
INSERT INTO "CaseNameKey" (key)
SELECT DISTINCT k FROM (SELECT "patientFirstNameKey" AS k FROM "Case" UNION ALL SELECT "patientLastNameKey" FROM "Case") AS keys
WHERE k <> ''
ON CONFLICT (key) DO NOTHING;
