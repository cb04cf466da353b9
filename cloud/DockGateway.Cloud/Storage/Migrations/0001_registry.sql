-- Registry: agencies, officers, recorders, docks. Portable SQL (SQLite and PostgreSQL).
-- Timestamps are BIGINT Unix milliseconds (UTC); booleans BIGINT 0/1; keys are explicit TEXT.
CREATE TABLE agencies (
    code TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    class TEXT NOT NULL CHECK (class IN ('A', 'B', 'C')),
    officer_count BIGINT NOT NULL CHECK (officer_count >= 0),
    class_c_minimum BIGINT NULL CHECK (class_c_minimum IS NULL OR class_c_minimum >= 0),
    legal_review_staff BIGINT NOT NULL CHECK (legal_review_staff >= 0),
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);

CREATE TABLE officers (
    agency_code TEXT NOT NULL REFERENCES agencies (code),
    badge_number TEXT NOT NULL,
    name TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (agency_code, badge_number)
);

CREATE TABLE recorders (
    serial TEXT PRIMARY KEY,
    agency_code TEXT NOT NULL REFERENCES agencies (code),
    vendor TEXT NOT NULL,
    model TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('in-service', 'repair', 'retired')),
    assigned_badge TEXT NULL,
    issued_at BIGINT NOT NULL,
    last_docked_at BIGINT NULL,
    updated_at BIGINT NOT NULL,
    FOREIGN KEY (agency_code, assigned_badge) REFERENCES officers (agency_code, badge_number)
);

-- The ratio query groups recorders by agency and status; this index covers it.
CREATE INDEX ix_recorders_agency_status ON recorders (agency_code, status, last_docked_at, issued_at);

-- Docks are created by enrolment (0100+); the registry lists them.
CREATE TABLE docks (
    id TEXT PRIMARY KEY,
    agency_code TEXT NOT NULL REFERENCES agencies (code),
    site TEXT NOT NULL,
    slots BIGINT NOT NULL CHECK (slots > 0),
    public_key TEXT NOT NULL UNIQUE,
    enrolled_at BIGINT NOT NULL,
    last_seen_at BIGINT NULL
);

CREATE INDEX ix_docks_agency ON docks (agency_code);
