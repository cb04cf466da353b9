-- Evidence (wt5/evidence): cases (an enforcement action's case file), the footage linked to each, and
-- when the deadline job first found a case 30 days past its end and not archived.
CREATE TABLE cases (
    id TEXT PRIMARY KEY,
    agency_code TEXT NOT NULL REFERENCES agencies (code),
    case_number TEXT NOT NULL,
    enforcement_type TEXT NOT NULL CHECK (enforcement_type IN (
        'administrative-penalty', 'administrative-coercion', 'administrative-inspection',
        'administrative-licensing', 'criminal', 'other')),
    action_ended_on TEXT NOT NULL,
    archive_due_at BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    created_by TEXT NOT NULL,
    archived_at BIGINT NULL,
    archived_by TEXT NULL,
    overdue_at BIGINT NULL,
    UNIQUE (agency_code, case_number)
);

CREATE INDEX ix_cases_due ON cases (archived_at, archive_due_at);

CREATE TABLE case_footage (
    case_id TEXT NOT NULL REFERENCES cases (id),
    dock_id TEXT NOT NULL,
    entry_index BIGINT NOT NULL,
    sha256 TEXT NOT NULL,
    linked_at BIGINT NOT NULL,
    linked_by TEXT NOT NULL,
    PRIMARY KEY (case_id, dock_id, entry_index)
);

CREATE INDEX ix_case_footage_sha256 ON case_footage (sha256);
