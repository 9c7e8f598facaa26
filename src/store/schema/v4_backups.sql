-- v4: settings of the automatic backups (one row; absent means the defaults).
CREATE TABLE backup_settings (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    enabled INTEGER NOT NULL CHECK (enabled IN (0, 1)),
    every_minutes INTEGER NOT NULL CHECK (every_minutes BETWEEN 1 AND 1440),
    keep INTEGER NOT NULL CHECK (keep BETWEEN 1 AND 1000)
) STRICT;
