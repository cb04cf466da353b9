-- Which cloud instance wrote an upload's current offset (its RunningHashes.Instance id; NULL after a reset).
-- An instance may continue its in-memory hash of the upload only when the offset is still its own write:
-- with several instances, another one may have reset and refilled the upload in between. Portable.
ALTER TABLE uploads ADD COLUMN offset_writer TEXT NULL;
