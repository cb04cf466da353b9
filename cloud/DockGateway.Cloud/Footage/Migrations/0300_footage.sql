-- The footage index: one row per `ingested` custody entry the cloud stored, written in the same
-- transaction as the entries (Footage/FootageIndexer), so footage can be found by hash, agency,
-- officer, recorder and recorded time without parsing entry JSON. Derived data: every column comes
-- from the entry, the dock's agency, and the recorder's assigned officer when the entry was stored.
-- Timestamps BIGINT Unix milliseconds (UTC). Portable (SQLite and PostgreSQL).
CREATE TABLE footage (
    dock_id TEXT NOT NULL REFERENCES docks (id),
    entry_index BIGINT NOT NULL,
    agency_code TEXT NOT NULL REFERENCES agencies (code),
    sha256 TEXT NOT NULL,
    size BIGINT NOT NULL,
    recorder TEXT NOT NULL,
    officer_badge TEXT NULL,
    path TEXT NOT NULL,
    recorded_start BIGINT NOT NULL,
    recorded_end BIGINT NOT NULL,
    ingested_at BIGINT NOT NULL,
    received_at BIGINT NOT NULL,
    late BIGINT NOT NULL,
    uploaded_entry_index BIGINT NULL,
    PRIMARY KEY (dock_id, entry_index)
);

CREATE INDEX ix_footage_sha256 ON footage (sha256);
CREATE INDEX ix_footage_agency_recorded ON footage (agency_code, recorded_start);
CREATE INDEX ix_footage_officer_recorded ON footage (agency_code, officer_badge, recorded_start);
CREATE INDEX ix_footage_recorder_recorded ON footage (recorder, recorded_start);
CREATE INDEX ix_footage_agency_ingested ON footage (agency_code, ingested_at);

-- One row once the entries stored before this migration have been indexed (Footage/FootageBackfill).
CREATE TABLE footage_backfill (
    done_at BIGINT NOT NULL
);
