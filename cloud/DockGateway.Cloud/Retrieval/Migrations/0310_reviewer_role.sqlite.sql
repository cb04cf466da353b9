-- Evidence (wt5/evidence): the reviewer role (legal-review staff). SQLite cannot change a CHECK
-- constraint, so people_tokens is rebuilt; people_token_agencies keeps pointing at it by name
-- (foreign keys are deferred to the commit, when the rebuilt table holds every id again).
PRAGMA defer_foreign_keys = ON;

CREATE TABLE people_tokens_0310 (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('admin', 'equipment-manager', 'auditor', 'reviewer')),
    token_sha256 TEXT NOT NULL UNIQUE,
    created_at BIGINT NOT NULL,
    created_by TEXT NULL,
    revoked_at BIGINT NULL
);

INSERT INTO people_tokens_0310 (id, name, role, token_sha256, created_at, created_by, revoked_at)
SELECT id, name, role, token_sha256, created_at, created_by, revoked_at FROM people_tokens;

DROP TABLE people_tokens;

ALTER TABLE people_tokens_0310 RENAME TO people_tokens;
