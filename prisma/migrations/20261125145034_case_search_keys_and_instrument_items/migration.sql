-- Case search by name or MRN prefix: keys of lower-case letters and digits (written by
-- lib/cases/search-key.ts, which also folds accents), searched with range conditions that plain
-- B-tree indexes serve under any collation and with no extension (the embedded database too).
-- Rows that already exist get keys here (without accent folding).
ALTER TABLE "Case" ADD COLUMN     "instrumentItems" JSONB,
ADD COLUMN     "patientFirstNameKey" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "patientLastNameKey" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "patientMrnKey" TEXT;

UPDATE "Case" SET
  "patientFirstNameKey" = regexp_replace(lower("patientFirstName"), '[^a-z0-9]', '', 'g'),
  "patientLastNameKey" = regexp_replace(lower("patientLastName"), '[^a-z0-9]', '', 'g'),
  "patientMrnKey" = regexp_replace(lower("patientMrn"), '[^a-z0-9]', '', 'g');

ALTER TABLE "Case" ALTER COLUMN "patientFirstNameKey" DROP DEFAULT,
ALTER COLUMN "patientLastNameKey" DROP DEFAULT;

-- CreateIndex
CREATE INDEX "Case_patientLastNameKey_idx" ON "Case"("patientLastNameKey");

-- CreateIndex
CREATE INDEX "Case_patientFirstNameKey_idx" ON "Case"("patientFirstNameKey");

-- CreateIndex
CREATE INDEX "Case_patientMrnKey_idx" ON "Case"("patientMrnKey");
