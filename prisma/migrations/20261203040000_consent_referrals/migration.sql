-- CreateTable
CREATE TABLE "Consent" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "recordedById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "kind" TEXT NOT NULL,
    "patientName" TEXT NOT NULL,
    "discloser" TEXT NOT NULL,
    "information" TEXT NOT NULL,
    "recipientName" TEXT NOT NULL,
    "recipientContact" TEXT,
    "purpose" TEXT NOT NULL,
    "revocationText" TEXT NOT NULL,
    "expiryKind" TEXT NOT NULL,
    "expiresOn" DATE,
    "expiryEvent" TEXT,
    "signatureMethod" TEXT NOT NULL,
    "signatureName" TEXT NOT NULL,
    "signedAt" TIMESTAMPTZ(3) NOT NULL,
    "witnessedById" UUID,
    "redisclosureText" TEXT,

    CONSTRAINT "Consent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConsentRevocation" (
    "id" UUID NOT NULL,
    "consentId" UUID NOT NULL,
    "revokedAt" TIMESTAMPTZ(3) NOT NULL,
    "recordedById" UUID NOT NULL,
    "recordedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "method" TEXT NOT NULL,

    CONSTRAINT "ConsentRevocation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Referral" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "referringStaffId" UUID NOT NULL,
    "recipientName" TEXT NOT NULL,
    "recipientAddress" TEXT,
    "recipientContact" TEXT,
    "recipientDirectoryId" TEXT,
    "reason" TEXT NOT NULL,
    "requestedLevel" TEXT NOT NULL,
    "requestedWm" TEXT NOT NULL,
    "consentId" UUID NOT NULL,
    "status" TEXT NOT NULL,

    CONSTRAINT "Referral_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReferralStatusChange" (
    "id" UUID NOT NULL,
    "referralId" UUID NOT NULL,
    "status" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "byId" UUID NOT NULL,
    "reason" TEXT,

    CONSTRAINT "ReferralStatusChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EmergencyDisclosure" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "recordedById" UUID NOT NULL,
    "recordedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "disclosedAt" TIMESTAMPTZ(3) NOT NULL,
    "recipientName" TEXT NOT NULL,
    "recipientContact" TEXT,
    "reason" TEXT NOT NULL,
    "information" TEXT NOT NULL,

    CONSTRAINT "EmergencyDisclosure_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Consent_caseId_createdAt_idx" ON "Consent"("caseId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ConsentRevocation_consentId_key" ON "ConsentRevocation"("consentId");

-- CreateIndex
CREATE INDEX "Referral_caseId_createdAt_idx" ON "Referral"("caseId", "createdAt");

-- CreateIndex
CREATE INDEX "ReferralStatusChange_referralId_at_idx" ON "ReferralStatusChange"("referralId", "at");

-- CreateIndex
CREATE INDEX "EmergencyDisclosure_caseId_disclosedAt_idx" ON "EmergencyDisclosure"("caseId", "disclosedAt");

-- AddForeignKey
ALTER TABLE "Consent" ADD CONSTRAINT "Consent_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Consent" ADD CONSTRAINT "Consent_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "StaffUser"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Consent" ADD CONSTRAINT "Consent_witnessedById_fkey" FOREIGN KEY ("witnessedById") REFERENCES "StaffUser"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsentRevocation" ADD CONSTRAINT "ConsentRevocation_consentId_fkey" FOREIGN KEY ("consentId") REFERENCES "Consent"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsentRevocation" ADD CONSTRAINT "ConsentRevocation_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "StaffUser"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Referral" ADD CONSTRAINT "Referral_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Referral" ADD CONSTRAINT "Referral_referringStaffId_fkey" FOREIGN KEY ("referringStaffId") REFERENCES "StaffUser"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Referral" ADD CONSTRAINT "Referral_consentId_fkey" FOREIGN KEY ("consentId") REFERENCES "Consent"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReferralStatusChange" ADD CONSTRAINT "ReferralStatusChange_referralId_fkey" FOREIGN KEY ("referralId") REFERENCES "Referral"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReferralStatusChange" ADD CONSTRAINT "ReferralStatusChange_byId_fkey" FOREIGN KEY ("byId") REFERENCES "StaffUser"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EmergencyDisclosure" ADD CONSTRAINT "EmergencyDisclosure_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EmergencyDisclosure" ADD CONSTRAINT "EmergencyDisclosure_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "StaffUser"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A signed consent is immutable (42 CFR 2.31): revocation is a ConsentRevocation row, never an
-- edit. Revocations, referral status changes and emergency disclosures are append-only records of
-- what happened, like the audit log.
CREATE FUNCTION part2_record_reject_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER consent_no_update_or_delete BEFORE UPDATE OR DELETE ON "Consent"
  FOR EACH ROW EXECUTE FUNCTION part2_record_reject_change();
CREATE TRIGGER consent_revocation_no_update_or_delete BEFORE UPDATE OR DELETE ON "ConsentRevocation"
  FOR EACH ROW EXECUTE FUNCTION part2_record_reject_change();
CREATE TRIGGER referral_status_change_no_update_or_delete BEFORE UPDATE OR DELETE ON "ReferralStatusChange"
  FOR EACH ROW EXECUTE FUNCTION part2_record_reject_change();
CREATE TRIGGER emergency_disclosure_no_update_or_delete BEFORE UPDATE OR DELETE ON "EmergencyDisclosure"
  FOR EACH ROW EXECUTE FUNCTION part2_record_reject_change();
