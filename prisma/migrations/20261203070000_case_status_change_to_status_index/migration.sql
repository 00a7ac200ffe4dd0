-- The dashboard's medians (lib/dashboard/queries.ts) read the moves to REFERRED / ADMITTED of the
-- last 90 days.
-- CreateIndex
CREATE INDEX "CaseStatusChange_toStatus_at_idx" ON "CaseStatusChange"("toStatus", "at");
