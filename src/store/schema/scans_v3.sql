-- v3 (also the first step of a gate's scans file): the scans table.

-- The id is a UUID made where the scan happened, so that scans from offline
-- gates merge exactly once. No foreign keys: a scan is a record of what
-- happened at a door and is kept whatever becomes of the rest.
CREATE TABLE scans (
    id TEXT PRIMARY KEY,
    serial INTEGER,
    participant_id INTEGER,
    checkpoint_id INTEGER NOT NULL,
    checkpoint TEXT NOT NULL,
    zone INTEGER NOT NULL CHECK (zone BETWEEN 1 AND 64),
    direction TEXT NOT NULL CHECK (direction IN ('entry', 'exit')),
    verdict TEXT NOT NULL,
    -- 1 when the holder went through: accepted, or refused and overridden.
    passed INTEGER NOT NULL CHECK (passed IN (0, 1)),
    at INTEGER NOT NULL,
    station TEXT NOT NULL,
    operator TEXT NOT NULL,
    override_reason TEXT NOT NULL DEFAULT '',
    -- When the scan came home from an offline gate; NULL for scans made here.
    imported_at INTEGER
) STRICT;
CREATE INDEX scans_by_holder ON scans(participant_id, zone, at) WHERE passed = 1;
CREATE INDEX scans_by_time ON scans(at);
CREATE INDEX scans_by_checkpoint ON scans(checkpoint_id, at);
