-- Per-agency equipment counters, kept exact by triggers on every write path, so the ratio query reads
-- 10 000 counter rows instead of aggregating every recorder. Overdue recorders (time-dependent) are
-- counted through the partial expression index below. SQLite twin: 0004_equipment_counts.sqlite.sql.
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

CREATE FUNCTION dockgw_agency_equipment_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO agency_equipment (agency_code) VALUES (NEW.code);
    RETURN NULL;
END
$$;

CREATE FUNCTION dockgw_officer_counts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        UPDATE agency_equipment SET officers_registered = officers_registered + 1 WHERE agency_code = NEW.agency_code;
    ELSE
        UPDATE agency_equipment SET officers_registered = officers_registered - 1 WHERE agency_code = OLD.agency_code;
    END IF;
    RETURN NULL;
END
$$;

CREATE FUNCTION dockgw_recorder_counts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        UPDATE agency_equipment
        SET recorders_total = recorders_total - 1,
            recorders_in_service = recorders_in_service - (CASE WHEN OLD.status = 'in-service' THEN 1 ELSE 0 END)
        WHERE agency_code = OLD.agency_code;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        UPDATE agency_equipment
        SET recorders_total = recorders_total + 1,
            recorders_in_service = recorders_in_service + (CASE WHEN NEW.status = 'in-service' THEN 1 ELSE 0 END)
        WHERE agency_code = NEW.agency_code;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER tr_agencies_equipment AFTER INSERT ON agencies FOR EACH ROW EXECUTE FUNCTION dockgw_agency_equipment_row();
CREATE TRIGGER tr_officers_counts AFTER INSERT OR DELETE ON officers FOR EACH ROW EXECUTE FUNCTION dockgw_officer_counts();
CREATE TRIGGER tr_recorders_counts AFTER INSERT OR DELETE OR UPDATE OF status, agency_code ON recorders
    FOR EACH ROW EXECUTE FUNCTION dockgw_recorder_counts();

-- Overdue = in service and not docked (or, never docked, not issued) since the cutoff. The INCLUDE
-- columns let PostgreSQL answer the overdue count from the index alone (index-only scan).
CREATE INDEX ix_recorders_overdue ON recorders ((COALESCE(last_docked_at, issued_at)), agency_code)
    INCLUDE (last_docked_at, issued_at) WHERE status = 'in-service';
