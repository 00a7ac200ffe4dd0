-- The case list (issue 9 item 7) and the synthetic-data generator (item 9).
-- pg_trgm serves the forgiving name search (one wrong, missing or extra letter); PGlite loads it
-- in scripts/embedded-db.mjs. Prisma does not manage extensions here, so it lives only in SQL.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- AlterTable
ALTER TABLE "Case" ADD COLUMN     "synthetic" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE INDEX "Case_createdAt_id_idx" ON "Case"("createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Case_updatedAt_id_idx" ON "Case"("updatedAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Case_patientLastNameKey_patientFirstNameKey_id_idx" ON "Case"("patientLastNameKey", "patientFirstNameKey", "id");

-- CreateIndex
CREATE INDEX "Case_finalLevel_id_idx" ON "Case"("finalLevel", "id");

-- CreateIndex
CREATE INDEX "Case_finalLevel_createdAt_idx" ON "Case"("finalLevel", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "Case_finalWm_createdAt_idx" ON "Case"("finalWm", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "Case_status_id_idx" ON "Case"("status", "id");

-- CreateIndex
CREATE INDEX "Case_flags_idx" ON "Case" USING GIN ("flags");

-- CreateIndex
CREATE INDEX "Case_patientLastNameKey_trgm_idx" ON "Case" USING GIN ("patientLastNameKey" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Case_patientFirstNameKey_trgm_idx" ON "Case" USING GIN ("patientFirstNameKey" gin_trgm_ops);

