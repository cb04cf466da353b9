-- People tokens: only the SHA-256 (lower-case hex) of a bearer token is stored.
CREATE TABLE people_tokens (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('admin', 'equipment-manager', 'auditor')),
    token_sha256 TEXT NOT NULL UNIQUE,
    created_at BIGINT NOT NULL,
    created_by TEXT NULL,
    revoked_at BIGINT NULL
);

-- Agencies a scoped token may see; none listed = global (admins, global auditors).
CREATE TABLE people_token_agencies (
    token_id TEXT NOT NULL REFERENCES people_tokens (id),
    agency_code TEXT NOT NULL REFERENCES agencies (code),
    PRIMARY KEY (token_id, agency_code)
);
