-- The file a gate keeps beside its package: the scans it made (the same
-- columns as the main store's scans, so they merge as they are) and its
-- failed sign-ins. Replacing the package keeps it.

CREATE TABLE station (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    event TEXT NOT NULL,
    created_at INTEGER NOT NULL
) STRICT;

CREATE TABLE scans (
    id TEXT PRIMARY KEY,
    serial INTEGER,
    participant_id INTEGER,
    checkpoint_id INTEGER NOT NULL,
    checkpoint TEXT NOT NULL,
    zone INTEGER NOT NULL CHECK (zone BETWEEN 1 AND 64),
    direction TEXT NOT NULL CHECK (direction IN ('entry', 'exit')),
    verdict TEXT NOT NULL,
    passed INTEGER NOT NULL CHECK (passed IN (0, 1)),
    at INTEGER NOT NULL,
    station TEXT NOT NULL,
    operator TEXT NOT NULL,
    override_reason TEXT NOT NULL DEFAULT '',
    imported_at INTEGER,
    override_by TEXT NOT NULL DEFAULT '',
    overrides TEXT
) STRICT;
CREATE INDEX scans_by_holder ON scans(participant_id, zone, at) WHERE passed = 1;
CREATE INDEX scans_by_override ON scans(overrides) WHERE overrides IS NOT NULL;
CREATE INDEX scans_by_station ON scans(station);

CREATE TABLE sign_in_failures (
    name TEXT PRIMARY KEY,
    failed INTEGER NOT NULL,
    locked_until INTEGER
) STRICT;
