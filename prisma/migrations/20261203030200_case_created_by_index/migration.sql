-- The case list's access condition (created by or assigned to the viewer) and the dashboard's scopes.
-- CreateIndex
CREATE INDEX "Case_createdById_createdAt_idx" ON "Case"("createdById", "createdAt" DESC);

