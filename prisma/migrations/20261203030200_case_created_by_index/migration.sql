-- The case list's access condition (created by or assigned to the viewer) and the dashboard's scopes.
-- The same index also came with the care-team migration (20261203020100); IF NOT EXISTS keeps both
-- branches' histories valid.
CREATE INDEX IF NOT EXISTS "Case_createdById_createdAt_idx" ON "Case"("createdById", "createdAt" DESC);
