-- CreateTable
CREATE TABLE "CaseAssessment" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "sequence" INTEGER NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "byId" UUID NOT NULL,
    "intake" JSONB NOT NULL,
    "instrumentItems" JSONB,
    "recommendation" JSONB NOT NULL,
    "rulesVersion" TEXT NOT NULL,
    "computedLevel" TEXT NOT NULL,
    "computedWm" TEXT NOT NULL,
    "finalLevel" TEXT NOT NULL,
    "finalWm" TEXT NOT NULL,
    "overrideReason" TEXT,
    "flags" TEXT[],

    CONSTRAINT "CaseAssessment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "CaseAssessment_caseId_sequence_key" ON "CaseAssessment"("caseId", "sequence");

-- AddForeignKey
ALTER TABLE "CaseAssessment" ADD CONSTRAINT "CaseAssessment_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseAssessment" ADD CONSTRAINT "CaseAssessment_byId_fkey" FOREIGN KEY ("byId") REFERENCES "StaffUser"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Like the case rows, keep the assessments' intake and recommendation JSON out of line.
ALTER TABLE "CaseAssessment" SET (toast_tuple_target = 128);

-- Every existing case gets its first assessment: the intake it was created with, as scored then
-- (its own rules version; never re-scored), by the person who recorded it, at the time it was
-- created. Its final levels are the computed ones: overrides made since are CaseOverride rows.
INSERT INTO "CaseAssessment" (
  "id", "caseId", "sequence", "at", "byId", "intake", "instrumentItems", "recommendation", "rulesVersion",
  "computedLevel", "computedWm", "finalLevel", "finalWm", "overrideReason", "flags"
)
SELECT
  gen_random_uuid(), c."id", 1, c."createdAt", c."createdById", c."intake", c."instrumentItems", c."recommendation",
  c."rulesVersion", c."computedLevel", c."computedWm", c."computedLevel", c."computedWm", NULL, c."flags"
FROM "Case" c;

-- Append-only, like the status history (case_history_reject_change is from 20261203010100).
CREATE TRIGGER case_assessment_no_update_or_delete
  BEFORE UPDATE OR DELETE ON "CaseAssessment"
  FOR EACH ROW EXECUTE FUNCTION case_history_reject_change();

CREATE TRIGGER case_assessment_no_truncate
  BEFORE TRUNCATE ON "CaseAssessment"
  FOR EACH STATEMENT EXECUTE FUNCTION case_history_reject_change();
