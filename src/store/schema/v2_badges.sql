-- v2: signing keys (public part only: secrets live in the data directory's keys/),
-- badges with never-reused serials, their print history, and signed revocation lists.

CREATE TABLE signing_keys (
    id INTEGER PRIMARY KEY,
    kid BLOB NOT NULL CHECK (length(kid) = 8),
    public_key BLOB NOT NULL UNIQUE CHECK (length(public_key) = 32),
    not_before INTEGER NOT NULL,
    not_after INTEGER NOT NULL CHECK (not_after > not_before),
    created_at INTEGER NOT NULL,
    -- When a newer key took over signing; the key stays trusted until not_after.
    retired_at INTEGER
) STRICT;

-- AUTOINCREMENT: a serial is never given twice, even after the highest was
-- revoked. Serials start at 100001.
CREATE TABLE badges (
    serial INTEGER PRIMARY KEY AUTOINCREMENT,
    participant_id INTEGER NOT NULL REFERENCES participants(id),
    credential TEXT NOT NULL,
    key_id INTEGER NOT NULL REFERENCES signing_keys(id),
    zones INTEGER NOT NULL,
    not_before INTEGER NOT NULL,
    expires INTEGER NOT NULL CHECK (expires > not_before),
    photo_hash BLOB,
    issued_at INTEGER NOT NULL,
    issued_by TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'revoked')),
    revoked_at INTEGER,
    revoked_by TEXT,
    revocation_reason TEXT NOT NULL DEFAULT '',
    print_count INTEGER NOT NULL DEFAULT 0,
    last_printed_at INTEGER,
    collected_at INTEGER,
    collected_by TEXT,
    id_check TEXT NOT NULL DEFAULT ''
) STRICT;
INSERT INTO sqlite_sequence (name, seq) VALUES ('badges', 100000);

CREATE UNIQUE INDEX badges_one_active_per_participant ON badges(participant_id) WHERE status = 'active';
CREATE INDEX badges_by_participant ON badges(participant_id, serial);

CREATE TRIGGER badges_are_never_deleted BEFORE DELETE ON badges
BEGIN
    SELECT RAISE(ABORT, 'badges are never deleted: revoke them');
END;

CREATE TRIGGER revoked_badges_stay_revoked BEFORE UPDATE OF status ON badges
WHEN OLD.status = 'revoked' AND NEW.status <> 'revoked'
BEGIN
    SELECT RAISE(ABORT, 'a revoked badge cannot be made active again: issue a new one');
END;

CREATE TRIGGER badge_contents_never_change BEFORE UPDATE OF serial, participant_id, zones, not_before, expires ON badges
BEGIN
    SELECT RAISE(ABORT, 'a badge''s serial and contents never change: issue a new one');
END;

-- A badge is inserted first (to get its serial), then its signed credential,
-- which holds the serial, is stored once.
CREATE TRIGGER badge_credentials_are_written_once BEFORE UPDATE OF credential ON badges
WHEN OLD.credential <> ''
BEGIN
    SELECT RAISE(ABORT, 'a badge''s credential never changes: issue a new one');
END;

CREATE TABLE badge_prints (
    id INTEGER PRIMARY KEY,
    serial INTEGER NOT NULL REFERENCES badges(serial),
    printed_at INTEGER NOT NULL,
    printed_by TEXT NOT NULL,
    -- 'new', 'again', or the reason of a reprint (lost, damaged, data-change).
    kind TEXT NOT NULL
) STRICT;
CREATE INDEX badge_prints_by_serial ON badge_prints(serial);

CREATE TABLE revocation_lists (
    sequence INTEGER PRIMARY KEY,
    issued_at INTEGER NOT NULL,
    -- The COSE_Sign1 bytes of the list, as gates load it.
    signed BLOB NOT NULL
) STRICT;
