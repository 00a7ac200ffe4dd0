-- CreateIndex
CREATE INDEX "Case_createdById_createdAt_idx" ON "Case"("createdById", "createdAt" DESC);
