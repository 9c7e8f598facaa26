-- v8: host-country security vetting, badges collected by a delegation's
-- liaison officer, and letters for delegates.

-- Whether badges need the host's security clearance: 'off', 'all', or the
-- category codes that need it, separated by ';' (e.g. 'MED;SEC').
CREATE TABLE vetting_settings (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    clearance TEXT NOT NULL DEFAULT 'off'
) STRICT;
INSERT INTO vetting_settings (id, clearance) VALUES (1, 'off');

-- One list sent to the security service.
CREATE TABLE vetting_batches (
    id INTEGER PRIMARY KEY,
    sent_at INTEGER NOT NULL,
    sent_by TEXT NOT NULL,
    file_name TEXT NOT NULL,
    people INTEGER NOT NULL CHECK (people > 0)
) STRICT;

-- A participant with no row here was never sent. `reason` is the refusal's
-- reason (for supervisors only) or what the service asks for.
CREATE TABLE clearances (
    participant_id INTEGER PRIMARY KEY REFERENCES participants(id),
    state TEXT NOT NULL CHECK (state IN ('sent', 'cleared', 'refused', 'more-information')),
    batch_id INTEGER NOT NULL REFERENCES vetting_batches(id),
    reason TEXT NOT NULL DEFAULT '',
    answered_at INTEGER,
    answered_by TEXT
) STRICT;
CREATE INDEX clearances_by_batch ON clearances(batch_id, state);

-- A liaison officer who collected badges for their delegation at once.
CREATE TABLE liaison_collections (
    id INTEGER PRIMARY KEY,
    delegation_id INTEGER NOT NULL REFERENCES delegations(id),
    collected_by TEXT NOT NULL,
    id_check TEXT NOT NULL,
    at INTEGER NOT NULL,
    clerk TEXT NOT NULL
) STRICT;

CREATE TABLE liaison_badges (
    serial INTEGER PRIMARY KEY REFERENCES badges(serial),
    collection_id INTEGER NOT NULL REFERENCES liaison_collections(id)
) STRICT;
CREATE INDEX liaison_badges_by_collection ON liaison_badges(collection_id);

-- The letters' texts, edited by an administrator.
CREATE TABLE letter_templates (
    kind TEXT PRIMARY KEY CHECK (kind IN ('acknowledgement', 'visa')),
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    signatory TEXT NOT NULL DEFAULT ''
) STRICT;
