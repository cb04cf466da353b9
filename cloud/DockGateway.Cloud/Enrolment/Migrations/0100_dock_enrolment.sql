-- Dock enrolment (wt/cloud-dock): each dock's custody-log origin, one-time enrolment tokens
-- (only their SHA-256 is stored) and the replay cache of accepted RFC 9421 signatures.
ALTER TABLE docks ADD COLUMN origin TEXT NULL;
CREATE UNIQUE INDEX ux_docks_origin ON docks (origin);

CREATE TABLE enrolment_tokens (
    token_sha256 TEXT PRIMARY KEY,
    agency_code TEXT NOT NULL REFERENCES agencies (code),
    created_by TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at BIGINT NULL,
    dock_id TEXT NULL
);

CREATE TABLE dock_signature_replays (
    key_id TEXT NOT NULL,
    replay_key TEXT NOT NULL,
    seen_at BIGINT NOT NULL,
    PRIMARY KEY (key_id, replay_key)
);

CREATE INDEX ix_dock_signature_replays_seen ON dock_signature_replays (seen_at);
