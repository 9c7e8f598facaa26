-- v1: the event, its reference data, participants, photos, operators and the audit trail.

CREATE TABLE event (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    code TEXT NOT NULL CHECK (length(code) BETWEEN 1 AND 16),
    name TEXT NOT NULL,
    venue TEXT NOT NULL,
    time_zone TEXT NOT NULL,
    start_date TEXT NOT NULL,
    end_date TEXT NOT NULL,
    badge_valid_from INTEGER NOT NULL,
    badge_valid_until INTEGER NOT NULL CHECK (badge_valid_until > badge_valid_from),
    title_band TEXT NOT NULL DEFAULT '',
    footer TEXT NOT NULL DEFAULT '',
    band_colour TEXT NOT NULL DEFAULT '#1F3B73',
    logo BLOB,
    default_layout TEXT NOT NULL DEFAULT 'a6' CHECK (default_layout IN ('a6', 'card', 'a4x4')),
    revocation_max_age_minutes INTEGER NOT NULL DEFAULT 60,
    created_at INTEGER NOT NULL
) STRICT;

CREATE TABLE zones (
    number INTEGER PRIMARY KEY CHECK (number BETWEEN 1 AND 64),
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL
) STRICT;

CREATE TABLE categories (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    colour TEXT NOT NULL,
    default_zones INTEGER NOT NULL DEFAULT 0,
    sort_order INTEGER NOT NULL DEFAULT 0,
    default_quota INTEGER CHECK (default_quota >= 0)
) STRICT;

CREATE TABLE delegations (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    focal_point_name TEXT NOT NULL DEFAULT '',
    focal_point_email TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE delegation_quotas (
    delegation_id INTEGER NOT NULL REFERENCES delegations(id) ON DELETE CASCADE,
    category_id INTEGER NOT NULL REFERENCES categories(id) ON DELETE CASCADE,
    quota INTEGER NOT NULL CHECK (quota >= 0),
    PRIMARY KEY (delegation_id, category_id)
) STRICT;

CREATE TABLE checkpoints (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    zone INTEGER NOT NULL REFERENCES zones(number),
    directions TEXT NOT NULL CHECK (directions IN ('entry', 'exit', 'both'))
) STRICT;

CREATE TABLE sessions (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    zone INTEGER NOT NULL REFERENCES zones(number),
    starts_at INTEGER NOT NULL,
    ends_at INTEGER NOT NULL CHECK (ends_at > starts_at),
    invitation_only INTEGER NOT NULL DEFAULT 0 CHECK (invitation_only IN (0, 1))
) STRICT;

-- Content-addressed: the key is the SHA-256 of the normalised JPEG.
CREATE TABLE photos (
    hash BLOB PRIMARY KEY CHECK (length(hash) = 32),
    jpeg BLOB NOT NULL,
    width INTEGER NOT NULL,
    height INTEGER NOT NULL
) STRICT;

CREATE TABLE participants (
    id INTEGER PRIMARY KEY,
    delegation_id INTEGER NOT NULL REFERENCES delegations(id),
    category_id INTEGER NOT NULL REFERENCES categories(id),
    given_names TEXT NOT NULL,
    family_name TEXT NOT NULL,
    badge_name TEXT NOT NULL DEFAULT '',
    function TEXT NOT NULL DEFAULT '',
    gender TEXT NOT NULL DEFAULT '',
    nationality TEXT NOT NULL DEFAULT '',
    date_of_birth TEXT,
    document_type TEXT NOT NULL DEFAULT 'passport',
    document_number TEXT NOT NULL DEFAULT '',
    document_expiry TEXT,
    email TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    photo_hash BLOB REFERENCES photos(hash),
    status TEXT NOT NULL CHECK (status IN ('nominated', 'approved', 'rejected', 'cancelled')),
    status_reason TEXT NOT NULL DEFAULT '',
    zones_added INTEGER NOT NULL DEFAULT 0,
    zones_removed INTEGER NOT NULL DEFAULT 0,
    notes TEXT NOT NULL DEFAULT '',
    reference TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
) STRICT;

CREATE INDEX participants_by_delegation ON participants(delegation_id, family_name);
CREATE INDEX participants_by_category ON participants(category_id);
CREATE INDEX participants_by_status ON participants(status);
CREATE INDEX participants_by_reference ON participants(delegation_id, reference) WHERE reference <> '';
CREATE INDEX participants_by_document ON participants(document_number) WHERE document_number <> '';
CREATE INDEX participants_by_photo ON participants(photo_hash) WHERE photo_hash IS NOT NULL;

CREATE TABLE session_invitees (
    session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    delegation_id INTEGER REFERENCES delegations(id) ON DELETE CASCADE,
    participant_id INTEGER REFERENCES participants(id) ON DELETE CASCADE,
    CHECK ((delegation_id IS NULL) <> (participant_id IS NULL))
) STRICT;
CREATE UNIQUE INDEX session_invitees_unique
    ON session_invitees(session_id, coalesce(delegation_id, 0), coalesce(participant_id, 0));

CREATE TABLE operators (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    role TEXT NOT NULL CHECK (role IN ('administrator', 'supervisor', 'clerk', 'gate', 'viewer')),
    password_hash TEXT NOT NULL,
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    failed_sign_ins INTEGER NOT NULL DEFAULT 0,
    locked_until INTEGER,
    created_at INTEGER NOT NULL
) STRICT;

-- Hash-chained: hash = SHA-256(prev_hash || canonical entry). Never updated.
CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at INTEGER NOT NULL,
    operator TEXT NOT NULL,
    action TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    participant_id INTEGER,
    before TEXT,
    after TEXT,
    prev_hash BLOB NOT NULL,
    hash BLOB NOT NULL
) STRICT;
CREATE INDEX audit_by_participant ON audit_log(participant_id) WHERE participant_id IS NOT NULL;
CREATE INDEX audit_by_operator ON audit_log(operator, id);
