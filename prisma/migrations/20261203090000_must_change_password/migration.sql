-- Issue 13 item 7: a password set by an administrator must be changed at the next sign-in, and the
-- person is told who reset it and when.
ALTER TABLE "StaffUser" ADD COLUMN "mustChangePassword" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN "passwordResetById" UUID,
ADD COLUMN "passwordResetAt" TIMESTAMPTZ(3);
