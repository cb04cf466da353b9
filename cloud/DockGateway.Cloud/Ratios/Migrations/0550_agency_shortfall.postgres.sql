-- Each agency's required minimum and shortfall beside its counters (issue 12 item 6: 100 000 agencies), so the ratio
-- list sorts and pages by shortfall through an index and the summary reads one narrow table instead of joining every
-- agency. required_recorders follows the agency's class and officers (the agency triggers below, as
-- EquipmentRatio.RequiredFor computes it); shortfall is generated from it and recorders_in_service (kept by 0004's
-- recorder trigger). SQLite twin: 0550_agency_shortfall.sqlite.sql.
ALTER TABLE agency_equipment ADD COLUMN required_recorders BIGINT NOT NULL DEFAULT 0;

UPDATE agency_equipment e
SET required_recorders = (SELECT CASE a.class WHEN 'A' THEN (a.officer_count + 1) / 2 WHEN 'B' THEN (a.officer_count + 2) / 3
                                             ELSE COALESCE(a.class_c_minimum, 0) END
                          FROM agencies a WHERE a.code = e.agency_code);

ALTER TABLE agency_equipment ADD COLUMN shortfall BIGINT GENERATED ALWAYS AS (GREATEST(required_recorders - recorders_in_service, 0)) STORED;

-- Most short first, ties by code: the console overview's default order.
CREATE INDEX ix_agency_equipment_shortfall ON agency_equipment (shortfall DESC, agency_code);

CREATE OR REPLACE FUNCTION dockgw_agency_equipment_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO agency_equipment (agency_code, required_recorders) VALUES (NEW.code, CASE NEW.class WHEN 'A' THEN (NEW.officer_count + 1) / 2 WHEN 'B' THEN (NEW.officer_count + 2) / 3 ELSE COALESCE(NEW.class_c_minimum, 0) END);
    RETURN NULL;
END
$$;

CREATE FUNCTION dockgw_agency_required() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE agency_equipment SET required_recorders = CASE NEW.class WHEN 'A' THEN (NEW.officer_count + 1) / 2 WHEN 'B' THEN (NEW.officer_count + 2) / 3 ELSE COALESCE(NEW.class_c_minimum, 0) END WHERE agency_code = NEW.code;
    RETURN NULL;
END
$$;

CREATE TRIGGER tr_agencies_required AFTER UPDATE OF class, officer_count, class_c_minimum ON agencies
    FOR EACH ROW EXECUTE FUNCTION dockgw_agency_required();
