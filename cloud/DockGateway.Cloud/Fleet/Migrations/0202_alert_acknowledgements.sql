-- Alert acknowledgements (the web console): who acknowledged an alert, when, and why. One row per alert
-- at most (the primary key refuses a second acknowledgement); the same action is also in the access log.
-- Portable (SQLite and PostgreSQL).
CREATE TABLE fleet_alert_acknowledgements (
    alert_id TEXT PRIMARY KEY REFERENCES fleet_alerts (id),
    acknowledged_at BIGINT NOT NULL,
    actor_id TEXT NOT NULL,
    actor_name TEXT NOT NULL,
    comment TEXT NOT NULL
);

-- The cross-agency alert list reads newest first across every agency in scope.
CREATE INDEX ix_fleet_alerts_received ON fleet_alerts (received_at, id);
