-- CreateTable
CREATE TABLE "CaseCareTeamMember" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "staffId" UUID NOT NULL,
    "addedById" UUID NOT NULL,
    "addedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CaseCareTeamMember_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BreakGlassGrant" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "staffId" UUID NOT NULL,
    "sessionStartedAt" TIMESTAMPTZ(3) NOT NULL,
    "reason" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BreakGlassGrant_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CaseCareTeamMember_staffId_caseId_idx" ON "CaseCareTeamMember"("staffId", "caseId");

-- CreateIndex
CREATE UNIQUE INDEX "CaseCareTeamMember_caseId_staffId_key" ON "CaseCareTeamMember"("caseId", "staffId");

-- CreateIndex
CREATE INDEX "BreakGlassGrant_staffId_sessionStartedAt_caseId_idx" ON "BreakGlassGrant"("staffId", "sessionStartedAt", "caseId");

-- CreateIndex
CREATE INDEX "BreakGlassGrant_createdAt_idx" ON "BreakGlassGrant"("createdAt" DESC);

-- AddForeignKey
ALTER TABLE "CaseCareTeamMember" ADD CONSTRAINT "CaseCareTeamMember_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseCareTeamMember" ADD CONSTRAINT "CaseCareTeamMember_staffId_fkey" FOREIGN KEY ("staffId") REFERENCES "StaffUser"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseCareTeamMember" ADD CONSTRAINT "CaseCareTeamMember_addedById_fkey" FOREIGN KEY ("addedById") REFERENCES "StaffUser"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BreakGlassGrant" ADD CONSTRAINT "BreakGlassGrant_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BreakGlassGrant" ADD CONSTRAINT "BreakGlassGrant_staffId_fkey" FOREIGN KEY ("staffId") REFERENCES "StaffUser"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
