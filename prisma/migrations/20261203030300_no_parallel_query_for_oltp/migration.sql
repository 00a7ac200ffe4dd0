-- The app's queries are small OLTP reads (a page of 50, a capped count, a dictionary search) at
-- ~10 concurrent callers on a 2-core server: a parallel plan's worker start-up (5–30 ms measured on
-- the name search) costs more than it saves and takes the cores the other callers need. New
-- sessions on this database plan without parallel workers (docs/performance.md).
DO $$
BEGIN
  EXECUTE format('ALTER DATABASE %I SET max_parallel_workers_per_gather = 0', current_database());
END
$$;
