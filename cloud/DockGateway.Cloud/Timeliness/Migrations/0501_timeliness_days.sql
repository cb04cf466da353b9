-- Docking timeliness rolled up per day (wt6/console-scale): per (agency, day of recorded end in UTC+8) and per day
-- across all agencies, the recordings in the footage index and those ingested within 24 h of their end, so the
-- overview sums at most 30 rows per agency (or 30 rows in all) instead of aggregating every footage row of the
-- window (measured: ~1 M rows, p95 1 725 ms). day_utc8 = (recorded_end + 28 800 000) / 86 400 000 (days since
-- 1970-01-01 on the UTC+8 clock). Kept exact by the footage indexer in the custody entries' transaction
-- (Timeliness/TimelinessRollup); backfilled here from the footage index. Portable (SQLite and PostgreSQL).
CREATE TABLE timeliness_days (
    agency_code TEXT NOT NULL REFERENCES agencies (code),
    day_utc8 BIGINT NOT NULL,
    recordings BIGINT NOT NULL,
    within_day BIGINT NOT NULL,
    PRIMARY KEY (agency_code, day_utc8)
);

CREATE TABLE timeliness_days_all (
    day_utc8 BIGINT PRIMARY KEY,
    recordings BIGINT NOT NULL,
    within_day BIGINT NOT NULL
);

INSERT INTO timeliness_days (agency_code, day_utc8, recordings, within_day)
SELECT agency_code, (recorded_end + 28800000) / 86400000, COUNT(*),
    SUM(CASE WHEN ingested_at - recorded_end <= 86400000 THEN 1 ELSE 0 END)
FROM footage GROUP BY agency_code, (recorded_end + 28800000) / 86400000;

INSERT INTO timeliness_days_all (day_utc8, recordings, within_day)
SELECT day_utc8, SUM(recordings), SUM(within_day) FROM timeliness_days GROUP BY day_utc8;
