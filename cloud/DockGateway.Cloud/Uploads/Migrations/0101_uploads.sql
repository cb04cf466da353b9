-- tus uploads (wt/cloud-dock). The file itself lives in the blob store under its SHA-256.
CREATE TABLE uploads (
    id TEXT PRIMARY KEY,
    dock_id TEXT NOT NULL REFERENCES docks (id),
    length BIGINT NOT NULL,
    upload_offset BIGINT NOT NULL,
    sha256 TEXT NOT NULL,
    entry_index BIGINT NOT NULL,
    file_name TEXT NULL,
    recorder TEXT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    completed_at BIGINT NULL,
    duplicate BIGINT NOT NULL
);

CREATE INDEX ix_uploads_expiry ON uploads (completed_at, expires_at);
CREATE INDEX ix_uploads_sha256 ON uploads (sha256);
