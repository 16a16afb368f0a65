-- Search reads at most a few hundred rows per query (LIMIT), sometimes by reading the table in order: parallel
-- workers cost more to start than they save there, and a broad query must not take both cores of a small server.
ALTER TABLE "search_entries" SET (parallel_workers = 0);
