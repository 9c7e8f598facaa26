-- The file a gate keeps beside its package: the scans it made (the main
-- store's scans table, from the store's own scans_v3.sql and scans_v5.sql,
-- which follow this file in the first step) and its failed sign-ins.
-- Replacing the package keeps it.

CREATE TABLE station (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    event TEXT NOT NULL,
    created_at INTEGER NOT NULL
) STRICT;

CREATE TABLE sign_in_failures (
    name TEXT PRIMARY KEY,
    failed INTEGER NOT NULL,
    locked_until INTEGER
) STRICT;
