-- The case ids of each CSV export (audit case.export_csv names the exportId), ≤ 1,000 per row.
CREATE TABLE "CsvExportCaseIds" (
    "exportId" UUID NOT NULL,
    "chunk" INTEGER NOT NULL,
    "caseIds" UUID[],
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CsvExportCaseIds_pkey" PRIMARY KEY ("exportId","chunk"),
    CONSTRAINT "CsvExportCaseIds_chunk_size" CHECK (cardinality("caseIds") <= 1000)
);

CREATE TRIGGER "CsvExportCaseIds_append_only" BEFORE UPDATE OR DELETE ON "CsvExportCaseIds"
  FOR EACH ROW EXECUTE FUNCTION reject_append_only_change();
CREATE TRIGGER "CsvExportCaseIds_append_only_truncate" BEFORE TRUNCATE ON "CsvExportCaseIds"
  FOR EACH STATEMENT EXECUTE FUNCTION reject_append_only_change();
