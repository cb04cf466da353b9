-- Evidence (wt5/evidence): per-agency evidence settings (second-person approval before a download,
-- retention in days; no row = approval off and the default retention) and download requests.
CREATE TABLE evidence_settings (
    agency_code TEXT PRIMARY KEY REFERENCES agencies (code),
    download_approval BIGINT NOT NULL CHECK (download_approval IN (0, 1)),
    retention_days BIGINT NOT NULL CHECK (retention_days >= 183),
    updated_at BIGINT NOT NULL,
    updated_by TEXT NOT NULL
);

CREATE TABLE download_requests (
    id TEXT PRIMARY KEY,
    agency_code TEXT NOT NULL REFERENCES agencies (code),
    sha256 TEXT NOT NULL,
    requested_by TEXT NOT NULL,
    requested_by_name TEXT NOT NULL,
    reason TEXT NOT NULL,
    requested_at BIGINT NOT NULL,
    approved_by TEXT NULL,
    approved_by_name TEXT NULL,
    approved_at BIGINT NULL
);

CREATE INDEX ix_download_requests_sha256 ON download_requests (sha256, requested_by);
