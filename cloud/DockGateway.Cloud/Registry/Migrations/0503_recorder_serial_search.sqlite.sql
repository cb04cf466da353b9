-- SQLite keeps the LIKE scan for the recorder list's serial search (no trigram index; one dock site's cloud, or a
-- test, holds few recorders). PostgreSQL twin: 0503_recorder_serial_search.postgres.sql.
SELECT 1;
