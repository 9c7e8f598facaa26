-- v7: the event root of trust (event-trust-v1.md). The root key's public
-- half (its secret is in the data directory's keys/, never here), the
-- signed trust lists it made, the gate stations the event enrolled (their
-- keys sign the scans they bring home), and the station each imported scan
-- came from. Events older than v7 get their root key when the program
-- first opens them (SQL cannot make a key pair).

CREATE TABLE root_key (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    kid BLOB NOT NULL CHECK (length(kid) = 8),
    public_key BLOB NOT NULL CHECK (length(public_key) = 32),
    created_at INTEGER NOT NULL
) STRICT;

-- Every signed trust list made, by rising sequence (spec section 2, key 4).
CREATE TABLE signed_trust_lists (
    sequence INTEGER PRIMARY KEY,
    issued_at INTEGER NOT NULL,
    signed BLOB NOT NULL
) STRICT;

CREATE TABLE gate_stations (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    kid BLOB NOT NULL UNIQUE CHECK (length(kid) = 8),
    public_key BLOB NOT NULL CHECK (length(public_key) = 32),
    enrolled_at INTEGER NOT NULL,
    enrolled_by TEXT NOT NULL
) STRICT;

-- The kid of the enrolled station whose signed file brought the scan home;
-- NULL for scans made on this store.
ALTER TABLE scans ADD COLUMN station_kid BLOB;
