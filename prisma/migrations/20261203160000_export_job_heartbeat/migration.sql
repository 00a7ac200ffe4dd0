-- ExportJob.heartbeatAt: the runner that claimed a job stamps it at the claim and after each case.
-- With several app server processes on one database (INTAKE_WORKERS, several servers), a process
-- that starts fails only jobs whose runner has gone quiet, never a job another live process is
-- running (lib/exports/bulk/runner.ts recoverExportJobs).
ALTER TABLE "ExportJob" ADD COLUMN "heartbeatAt" TIMESTAMPTZ(3);
