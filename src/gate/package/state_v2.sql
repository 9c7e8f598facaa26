-- v2: a revocation list loaded into the gate after its package was made
-- (`gate update-revocations`). The package itself never changes: its seal
-- covers the list it was exported with, and this one is used only while it
-- verifies with the package's signed trust list and is newer.
CREATE TABLE revocation_list (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    signed BLOB NOT NULL
) STRICT;
