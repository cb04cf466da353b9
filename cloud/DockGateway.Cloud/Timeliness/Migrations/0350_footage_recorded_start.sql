-- Docking timeliness (wt5/console): the per-day aggregation over every agency (admins, unscoped auditors) ranges over
-- recorded_start without an agency; the footage index's other indexes all lead with agency, recorder or sha256.
CREATE INDEX ix_footage_recorded_start ON footage (recorded_start);
