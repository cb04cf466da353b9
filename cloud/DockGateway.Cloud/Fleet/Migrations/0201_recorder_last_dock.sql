-- Which dock last had a recorder in a slot (beside recorders.last_docked_at, both moved forward by the
-- fleet handler), and an index for the per-agency overdue list: in-service recorders of one agency in
-- order of how long they have been away from every dock. Portable (SQLite and PostgreSQL).
ALTER TABLE recorders ADD COLUMN last_dock_id TEXT NULL;

CREATE INDEX ix_recorders_agency_away ON recorders (agency_code, (COALESCE(last_docked_at, issued_at)), serial)
    WHERE status = 'in-service';
