-- Witness (wt/cloud-dock): the latest cosigned checkpoint per origin (advanced by compare-and-swap
-- on size), every cosigned checkpoint, refused checkpoints kept as evidence, and the custody
-- entries docks post (leaf hashes as hex).
CREATE TABLE witness_latest (
    origin TEXT PRIMARY KEY,
    size BIGINT NOT NULL,
    root_hash TEXT NOT NULL,
    cosigned_at BIGINT NOT NULL
);

CREATE TABLE witness_checkpoints (
    origin TEXT NOT NULL,
    size BIGINT NOT NULL,
    root_hash TEXT NOT NULL,
    note TEXT NOT NULL,
    cosigned_at BIGINT NOT NULL,
    PRIMARY KEY (origin, size)
);

CREATE TABLE witness_rejections (
    id TEXT PRIMARY KEY,
    origin TEXT NOT NULL,
    body TEXT NOT NULL,
    reason TEXT NOT NULL,
    at BIGINT NOT NULL
);

CREATE INDEX ix_witness_rejections_origin ON witness_rejections (origin, at);

CREATE TABLE custody_entries (
    dock_id TEXT NOT NULL REFERENCES docks (id),
    entry_index BIGINT NOT NULL,
    entry_json TEXT NOT NULL,
    leaf_hash TEXT NOT NULL,
    received_at BIGINT NOT NULL,
    PRIMARY KEY (dock_id, entry_index)
);
