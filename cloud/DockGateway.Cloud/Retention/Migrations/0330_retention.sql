-- Evidence (wt5/evidence): retention holds (a case link places one; only an admin releases it) and the
-- deletion records the retention job writes, durably, before it deletes a blob. Neither is ever deleted.
CREATE TABLE retention_holds (
    id TEXT PRIMARY KEY,
    sha256 TEXT NOT NULL,
    agency_code TEXT NOT NULL REFERENCES agencies (code),
    case_id TEXT NULL REFERENCES cases (id),
    reason TEXT NOT NULL,
    placed_at BIGINT NOT NULL,
    placed_by TEXT NOT NULL,
    released_at BIGINT NULL,
    released_by TEXT NULL
);

CREATE INDEX ix_retention_holds_sha256 ON retention_holds (sha256, released_at);

CREATE TABLE deletion_records (
    id TEXT PRIMARY KEY,
    sha256 TEXT NOT NULL,
    dock_id TEXT NOT NULL,
    entry_index BIGINT NOT NULL,
    agency_code TEXT NOT NULL,
    rule TEXT NOT NULL,
    recorded_at BIGINT NOT NULL,
    by_job TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('pending', 'deleted', 'cancelled')),
    finished_at BIGINT NULL
);

CREATE INDEX ix_deletion_records_entry ON deletion_records (dock_id, entry_index);
CREATE INDEX ix_deletion_records_state ON deletion_records (state, sha256);
