-- v3: scans at checkpoints (every one, accepted or not; the table is in
-- scans_v3.sql, which gates' scans files share) and explicit session check-ins.

CREATE TABLE session_checkins (
    session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    participant_id INTEGER NOT NULL REFERENCES participants(id),
    at INTEGER NOT NULL,
    operator TEXT NOT NULL,
    PRIMARY KEY (session_id, participant_id)
) STRICT;
