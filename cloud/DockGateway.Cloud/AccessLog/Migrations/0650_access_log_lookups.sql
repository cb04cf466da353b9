-- The access log's "who" and "what" filters (GET /api/v1/access-log?actor=&resource=) read ranges of these instead of
-- scanning a log that only grows: actor is matched on id or name, resource exactly; newest first within each.
CREATE INDEX ix_access_log_actor_id ON access_log (actor_id, at);
CREATE INDEX ix_access_log_actor_name ON access_log (actor_name, at);
CREATE INDEX ix_access_log_resource ON access_log (resource, at);
