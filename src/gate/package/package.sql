-- A gate package: everything one gate laptop needs to check badges with no
-- access to the main store, and nothing more. Never a signing key, never a
-- document number or a date of birth. Every table but package_seal is
-- covered by the seal (seal.rs), and so is this schema.

CREATE TABLE package (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    format TEXT NOT NULL,
    -- The event (domain::Event as JSON): code, name, time zone, badge window.
    event TEXT NOT NULL,
    -- The event's root public key (32 bytes): what enrolment by package
    -- compares with the fingerprint typed. A gate trusts its pinned root only.
    root_public_key BLOB NOT NULL,
    -- The signed trust list of event-trust-v1 (COSE_Sign1 by the root).
    trust_list BLOB NOT NULL,
    created_at INTEGER NOT NULL,
    created_by TEXT NOT NULL
) STRICT;

-- The latest signed revocation list (spec section 6), as COSE_Sign1 bytes.
CREATE TABLE revocation_list (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    signed BLOB NOT NULL
) STRICT;

CREATE TABLE zones (
    number INTEGER PRIMARY KEY CHECK (number BETWEEN 1 AND 64),
    code TEXT NOT NULL,
    name TEXT NOT NULL
) STRICT;

CREATE TABLE categories (
    code TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    colour TEXT NOT NULL
) STRICT;

-- The checkpoints this gate serves, with the main store's ids.
CREATE TABLE checkpoints (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    zone INTEGER NOT NULL,
    directions TEXT NOT NULL CHECK (directions IN ('entry', 'exit', 'both'))
) STRICT;

-- Small photos (JPEG, about 150 x 200), keyed by the stored photo's hash.
CREATE TABLE photos (
    hash BLOB PRIMARY KEY,
    jpeg BLOB NOT NULL
) STRICT;

-- Every participant with an active badge: only what the gate shows.
CREATE TABLE holders (
    participant_id INTEGER PRIMARY KEY,
    serial INTEGER NOT NULL UNIQUE,
    name TEXT NOT NULL,
    delegation TEXT NOT NULL,
    delegation_name TEXT NOT NULL,
    photo_hash BLOB REFERENCES photos(hash)
) STRICT;

-- Gate officers and supervisors, so they can sign in offline: Argon2id
-- hashes, never passwords. Administrators are left out.
CREATE TABLE operators (
    name TEXT PRIMARY KEY,
    role TEXT NOT NULL CHECK (role IN ('gate', 'supervisor')),
    password_hash TEXT NOT NULL
) STRICT;

-- The seal: a COSE_Sign1 by the root or a key the trust list certifies,
-- over the digests of the schema and of every table above.
CREATE TABLE package_seal (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    signed BLOB NOT NULL
) STRICT;
