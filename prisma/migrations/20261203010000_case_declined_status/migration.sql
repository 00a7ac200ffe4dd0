-- The case workflow's DECLINED status (issue 9). Alone in its migration: PostgreSQL cannot use a
-- value added to an enum in the transaction that adds it.
ALTER TYPE "CaseStatus" ADD VALUE 'DECLINED';
