-- Every read of footage, proof or export. Append-only; id is a time-ordered UUIDv7.
CREATE TABLE access_log (
    id TEXT PRIMARY KEY,
    at BIGINT NOT NULL,
    actor_id TEXT NOT NULL,
    actor_name TEXT NOT NULL,
    role TEXT NOT NULL,
    action TEXT NOT NULL,
    resource TEXT NOT NULL,
    agency_code TEXT NULL,
    detail TEXT NULL
);

CREATE INDEX ix_access_log_at ON access_log (at);
CREATE INDEX ix_access_log_agency ON access_log (agency_code, at);
