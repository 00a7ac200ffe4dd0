-- Two-factor sign-in (issue 13 item 8): TOTP secret (encrypted), last accepted step, recovery codes,
-- and administrator settings (two_factor_required; no row = off for installs that predate it).
ALTER TABLE "StaffUser" ADD COLUMN "totpSecretEnc" TEXT,
ADD COLUMN "totpEnrolledAt" TIMESTAMPTZ(3),
ADD COLUMN "totpLastStep" BIGINT;

CREATE TABLE "RecoveryCode" (
    "id" UUID NOT NULL,
    "staffId" UUID NOT NULL,
    "salt" TEXT NOT NULL,
    "codeHash" TEXT NOT NULL,
    "usedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RecoveryCode_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "RecoveryCode_staffId_idx" ON "RecoveryCode"("staffId");

ALTER TABLE "RecoveryCode" ADD CONSTRAINT "RecoveryCode_staffId_fkey" FOREIGN KEY ("staffId") REFERENCES "StaffUser"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "SystemSetting" (
    "key" TEXT NOT NULL,
    "value" BOOLEAN NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "SystemSetting_pkey" PRIMARY KEY ("key")
);
