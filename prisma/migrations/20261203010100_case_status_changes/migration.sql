-- CreateEnum
CREATE TYPE "CaseDeclineReason" AS ENUM ('NO_BED', 'NOT_ELIGIBLE', 'PATIENT_DECLINED', 'NO_CONTACT', 'OTHER');

-- CreateTable
CREATE TABLE "CaseStatusChange" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "byId" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "fromStatus" "CaseStatus" NOT NULL,
    "toStatus" "CaseStatus" NOT NULL,
    "reason" TEXT,
    "reasonCode" "CaseDeclineReason",

    CONSTRAINT "CaseStatusChange_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CaseStatusChange_caseId_at_idx" ON "CaseStatusChange"("caseId", "at");

-- AddForeignKey
ALTER TABLE "CaseStatusChange" ADD CONSTRAINT "CaseStatusChange_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseStatusChange" ADD CONSTRAINT "CaseStatusChange_byId_fkey" FOREIGN KEY ("byId") REFERENCES "StaffUser"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Status history is append-only at the database level: a change, once recorded, is never edited
-- or removed (the case shows it as its history; the audit log points at it).
CREATE FUNCTION case_history_reject_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER case_status_change_no_update_or_delete
  BEFORE UPDATE OR DELETE ON "CaseStatusChange"
  FOR EACH ROW EXECUTE FUNCTION case_history_reject_change();

CREATE TRIGGER case_status_change_no_truncate
  BEFORE TRUNCATE ON "CaseStatusChange"
  FOR EACH STATEMENT EXECUTE FUNCTION case_history_reject_change();
