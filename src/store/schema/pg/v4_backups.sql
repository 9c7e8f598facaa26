-- v4 (PostgreSQL): settings of the automatic backups (one row; absent means the defaults).
CREATE TABLE backup_settings (
    id BIGINT PRIMARY KEY CHECK (id = 1),
    enabled BOOLEAN NOT NULL,
    every_minutes BIGINT NOT NULL CHECK (every_minutes BETWEEN 1 AND 1440),
    keep BIGINT NOT NULL CHECK (keep BETWEEN 1 AND 1000)
);
