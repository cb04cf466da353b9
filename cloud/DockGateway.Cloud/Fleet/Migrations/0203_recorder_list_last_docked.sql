-- The console's recorder list sorted by last docked (GET /api/v1/recorders?sort=lastDocked / -lastDocked):
-- an index in that order, so a page deep in the list is read from the index instead of sorting every
-- recorder (measured: page 100 of all agencies' 500 000 recorders p95 304 ms without it). Portable.
CREATE INDEX ix_recorders_last_docked ON recorders ((COALESCE(last_docked_at, 0)), serial);
