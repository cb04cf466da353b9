-- Fleet view (wt/fleet): what docks report over MQTT. The latest status of each dock and of each of its
-- slots (upserted, so every cloud instance converges on the same rows), and the alerts docks raised,
-- appended once per (dock, event key) however often the broker delivers the event (QoS 1 = at least once).
CREATE TABLE fleet_docks (
    dock_id TEXT PRIMARY KEY REFERENCES docks (id),
    agency_code TEXT NOT NULL REFERENCES agencies (code),
    online BIGINT NOT NULL CHECK (online IN (0, 1)),
    online_changed_at BIGINT NOT NULL,
    version TEXT NULL,
    uptime_s BIGINT NULL,
    free_disk_bytes BIGINT NULL,
    queues TEXT NULL,
    reported_at BIGINT NULL,
    received_at BIGINT NOT NULL
);

CREATE INDEX ix_fleet_docks_agency ON fleet_docks (agency_code);

CREATE TABLE fleet_slots (
    dock_id TEXT NOT NULL REFERENCES docks (id),
    slot BIGINT NOT NULL,
    agency_code TEXT NOT NULL REFERENCES agencies (code),
    state TEXT NOT NULL,
    recorder TEXT NULL,
    files BIGINT NOT NULL,
    done BIGINT NOT NULL,
    errors BIGINT NOT NULL,
    message TEXT NULL,
    reported_at BIGINT NULL,
    received_at BIGINT NOT NULL,
    PRIMARY KEY (dock_id, slot)
);

CREATE INDEX ix_fleet_slots_agency ON fleet_slots (agency_code);

CREATE TABLE fleet_alerts (
    id TEXT PRIMARY KEY,
    agency_code TEXT NOT NULL REFERENCES agencies (code),
    dock_id TEXT NOT NULL REFERENCES docks (id),
    event_key TEXT NOT NULL,
    kind TEXT NOT NULL,
    occurred_at BIGINT NOT NULL,
    received_at BIGINT NOT NULL,
    slot BIGINT NULL,
    recorder TEXT NULL,
    file TEXT NULL,
    message TEXT NULL
);

CREATE UNIQUE INDEX ux_fleet_alerts_dock_event ON fleet_alerts (dock_id, event_key);
CREATE INDEX ix_fleet_alerts_agency_received ON fleet_alerts (agency_code, received_at);
