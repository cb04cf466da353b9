-- Evidence (wt5/evidence): the reviewer role (legal-review staff).
ALTER TABLE people_tokens DROP CONSTRAINT people_tokens_role_check;
ALTER TABLE people_tokens ADD CONSTRAINT people_tokens_role_check
    CHECK (role IN ('admin', 'equipment-manager', 'auditor', 'reviewer'));
