-- Each agency's required minimum and shortfall beside its counters (issue 12 item 6: 100 000 agencies), so the ratio
-- list sorts and pages by shortfall through an index and the summary reads one narrow table instead of joining every
-- agency. required_recorders follows the agency's class and officers (the agency triggers below, as
-- EquipmentRatio.RequiredFor computes it); shortfall is generated from it and recorders_in_service (kept by 0004's
-- recorder triggers). PostgreSQL twin: 0550_agency_shortfall.postgres.sql.
ALTER TABLE agency_equipment ADD COLUMN required_recorders BIGINT NOT NULL DEFAULT 0;

UPDATE agency_equipment
SET required_recorders = (SELECT CASE a.class WHEN 'A' THEN (a.officer_count + 1) / 2 WHEN 'B' THEN (a.officer_count + 2) / 3
                                             ELSE COALESCE(a.class_c_minimum, 0) END
                          FROM agencies a WHERE a.code = agency_equipment.agency_code);

ALTER TABLE agency_equipment ADD COLUMN shortfall BIGINT GENERATED ALWAYS AS (MAX(required_recorders - recorders_in_service, 0)) VIRTUAL;

-- Most short first, ties by code: the console overview's default order.
CREATE INDEX ix_agency_equipment_shortfall ON agency_equipment (shortfall DESC, agency_code);

DROP TRIGGER tr_agencies_equipment;

CREATE TRIGGER tr_agencies_equipment AFTER INSERT ON agencies
BEGIN
    INSERT INTO agency_equipment (agency_code, required_recorders) VALUES (NEW.code, CASE NEW.class WHEN 'A' THEN (NEW.officer_count + 1) / 2 WHEN 'B' THEN (NEW.officer_count + 2) / 3 ELSE COALESCE(NEW.class_c_minimum, 0) END);
END;

CREATE TRIGGER tr_agencies_required AFTER UPDATE OF class, officer_count, class_c_minimum ON agencies
BEGIN
    UPDATE agency_equipment SET required_recorders = CASE NEW.class WHEN 'A' THEN (NEW.officer_count + 1) / 2 WHEN 'B' THEN (NEW.officer_count + 2) / 3 ELSE COALESCE(NEW.class_c_minimum, 0) END WHERE agency_code = NEW.code;
END;
