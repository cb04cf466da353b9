-- The officer list at scale (wt6/console-scale). Measured before: sorted by late recordings p95 24.8 s (three
-- correlated footage subqueries for each of 500 000 officers before the sort).
-- 1. Each officer's last ingest (latest ingested_at of the footage indexed under the badge), kept by the footage
--    indexer in the custody entries' transaction (Officers/OfficerFootageStats), backfilled here.
-- 2. Late recordings by recorded start: a partial index holding only the late rows with the officer, so "late in the
--    last 30 days" per officer is one grouped index range scan over the late rows of the window. The window moves
--    by the millisecond (recorded_start >= now - 30 days), which a per-day rollup could not answer exactly.
-- Portable (SQLite and PostgreSQL).
CREATE TABLE officer_footage (
    agency_code TEXT NOT NULL REFERENCES agencies (code),
    officer_badge TEXT NOT NULL,
    last_ingest_at BIGINT NOT NULL,
    PRIMARY KEY (agency_code, officer_badge)
);

INSERT INTO officer_footage (agency_code, officer_badge, last_ingest_at)
SELECT agency_code, officer_badge, MAX(ingested_at) FROM footage WHERE officer_badge IS NOT NULL GROUP BY agency_code, officer_badge;

CREATE INDEX ix_footage_late_recorded ON footage (recorded_start, agency_code, officer_badge) WHERE late = 1;
