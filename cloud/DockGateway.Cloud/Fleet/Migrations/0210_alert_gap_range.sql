-- A gap alert keeps the missing file sequence numbers the dock reported (missing_from..missing_to).
ALTER TABLE fleet_alerts ADD COLUMN missing_from BIGINT NULL;
ALTER TABLE fleet_alerts ADD COLUMN missing_to BIGINT NULL;
