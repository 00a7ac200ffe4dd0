-- Bulk export jobs (issue 11 item 6), run in the server process (lib/exports/bulk/runner.ts).
CREATE TYPE "ExportJobFormat" AS ENUM ('pdf', 'fhir');
CREATE TYPE "ExportJobStatus" AS ENUM ('queued', 'running', 'done', 'failed', 'cancelled');

CREATE TABLE "ExportJob" (
    "id" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" UUID NOT NULL,
    "format" "ExportJobFormat" NOT NULL,
    "recipientName" TEXT NOT NULL,
    "status" "ExportJobStatus" NOT NULL DEFAULT 'queued',
    "caseIds" UUID[],
    "total" INTEGER NOT NULL,
    "done" INTEGER NOT NULL DEFAULT 0,
    "skipped" JSONB NOT NULL DEFAULT '[]',
    "exportedCaseIds" UUID[],
    "consentIds" UUID[],
    "error" TEXT,
    "filePath" TEXT,
    "startedAt" TIMESTAMPTZ(3),
    "finishedAt" TIMESTAMPTZ(3),

    CONSTRAINT "ExportJob_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "ExportJob_progress" CHECK ("done" >= 0 AND "done" <= "total"),
    CONSTRAINT "ExportJob_recipient_length" CHECK (char_length(btrim("recipientName")) BETWEEN 1 AND 200)
);

CREATE INDEX "ExportJob_createdById_createdAt_idx" ON "ExportJob"("createdById", "createdAt");
CREATE INDEX "ExportJob_status_idx" ON "ExportJob"("status");
