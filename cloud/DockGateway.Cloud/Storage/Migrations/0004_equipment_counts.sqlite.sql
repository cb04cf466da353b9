-- Per-agency equipment counters, kept exact by triggers on every write path, so the ratio query reads
-- 10 000 counter rows instead of aggregating every recorder. Overdue recorders (time-dependent) are
-- counted through the partial expression index below. PostgreSQL twin: 0004_equipment_counts.postgres.sql.
CREATE TABLE agency_equipment (
    agency_code TEXT PRIMARY KEY REFERENCES agencies (code),
    officers_registered BIGINT NOT NULL DEFAULT 0,
    recorders_total BIGINT NOT NULL DEFAULT 0,
    recorders_in_service BIGINT NOT NULL DEFAULT 0
);

INSERT INTO agency_equipment (agency_code, officers_registered, recorders_total, recorders_in_service)
SELECT a.code,
       (SELECT COUNT(*) FROM officers o WHERE o.agency_code = a.code),
       (SELECT COUNT(*) FROM recorders r WHERE r.agency_code = a.code),
       (SELECT COUNT(*) FROM recorders r WHERE r.agency_code = a.code AND r.status = 'in-service')
FROM agencies a;

CREATE TRIGGER tr_agencies_equipment AFTER INSERT ON agencies
BEGIN
    INSERT INTO agency_equipment (agency_code) VALUES (NEW.code);
END;

CREATE TRIGGER tr_officers_insert AFTER INSERT ON officers
BEGIN
    UPDATE agency_equipment SET officers_registered = officers_registered + 1 WHERE agency_code = NEW.agency_code;
END;

CREATE TRIGGER tr_officers_delete AFTER DELETE ON officers
BEGIN
    UPDATE agency_equipment SET officers_registered = officers_registered - 1 WHERE agency_code = OLD.agency_code;
END;

CREATE TRIGGER tr_recorders_insert AFTER INSERT ON recorders
BEGIN
    UPDATE agency_equipment
    SET recorders_total = recorders_total + 1,
        recorders_in_service = recorders_in_service + (CASE WHEN NEW.status = 'in-service' THEN 1 ELSE 0 END)
    WHERE agency_code = NEW.agency_code;
END;

CREATE TRIGGER tr_recorders_delete AFTER DELETE ON recorders
BEGIN
    UPDATE agency_equipment
    SET recorders_total = recorders_total - 1,
        recorders_in_service = recorders_in_service - (CASE WHEN OLD.status = 'in-service' THEN 1 ELSE 0 END)
    WHERE agency_code = OLD.agency_code;
END;

CREATE TRIGGER tr_recorders_update AFTER UPDATE OF status, agency_code ON recorders
BEGIN
    UPDATE agency_equipment
    SET recorders_total = recorders_total - 1,
        recorders_in_service = recorders_in_service - (CASE WHEN OLD.status = 'in-service' THEN 1 ELSE 0 END)
    WHERE agency_code = OLD.agency_code;
    UPDATE agency_equipment
    SET recorders_total = recorders_total + 1,
        recorders_in_service = recorders_in_service + (CASE WHEN NEW.status = 'in-service' THEN 1 ELSE 0 END)
    WHERE agency_code = NEW.agency_code;
END;

-- Overdue = in service and not docked (or, never docked, not issued) since the cutoff.
CREATE INDEX ix_recorders_overdue ON recorders (COALESCE(last_docked_at, issued_at), agency_code) WHERE status = 'in-service';
