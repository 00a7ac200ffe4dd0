-- Case.urgent: some flag is urgent or an emergency by the table of the rules version that raised
-- it (lib/cases/recommendation-view.ts isUrgentFlag: v1 EMERGENCY_MEDICAL, EMERGENCY_PSYCHIATRIC,
-- SAFETY_ASSESSMENT; v2 adds HARM_TO_OTHERS). From now on the app writes it with the flags
-- (lib/cases/assessment-columns.ts); existing rows are filled here from their stored flags.
ALTER TABLE "Case" ADD COLUMN "urgent" BOOLEAN NOT NULL DEFAULT false;

UPDATE "Case"
SET "urgent" = true
WHERE flags && ARRAY['EMERGENCY_MEDICAL', 'EMERGENCY_PSYCHIATRIC', 'SAFETY_ASSESSMENT', 'HARM_TO_OTHERS']::text[];

-- The urgent filter of the list and the dashboard's urgent queue and count: an index range, not a
-- scan of every flags array (docs/performance.md).
CREATE INDEX "Case_urgent_createdAt_id_idx" ON "Case"("urgent", "createdAt" DESC, "id" DESC);
