-- The all-agency timeliness per day in stripes (wt7/leftovers): every footage-indexing transaction of every agency
-- updated the one row of its day in timeliness_days_all (migration 0501), so docks of different agencies posting at the
-- same moment queued on that row on PostgreSQL. Now a transaction moves its agency's own rows (timeliness_days) and one
-- of 16 stripes of the day, stripe = FNV-1a of the agency code mod 16 (Timeliness/TimelinessRollup.Stripe); the
-- overview sums the stripes of the window (at most 30 x 16 rows). Summing the per-agency rows instead reads 300 000 rows
-- at 10 000 agencies x 30 days (measured ~100 ms on PostgreSQL, against 0.3 ms for the stripes). Which stripe holds a
-- count matters to no reader, only the day's sum does: the old per-day totals move into stripe 0. Portable.
CREATE TABLE timeliness_day_stripes (
    day_utc8 BIGINT NOT NULL,
    stripe INTEGER NOT NULL CHECK (stripe >= 0 AND stripe < 16),
    recordings BIGINT NOT NULL,
    within_day BIGINT NOT NULL,
    PRIMARY KEY (day_utc8, stripe)
);

INSERT INTO timeliness_day_stripes (day_utc8, stripe, recordings, within_day)
SELECT day_utc8, 0, recordings, within_day FROM timeliness_days_all;

DROP TABLE timeliness_days_all;
