-- v5 (PostgreSQL; SQLite's scans_v5.sql): overrides at gates. A refused scan stays
-- as it was; letting the holder through is a scan of its own (passed = TRUE, the
-- refusal's verdict) that names the refused scan and the supervisor who authorised
-- it, so an override made at an offline gate after its refusal came home still
-- merges by its own id.

ALTER TABLE scans ADD COLUMN override_by TEXT NOT NULL DEFAULT '';
ALTER TABLE scans ADD COLUMN overrides TEXT;
CREATE INDEX scans_by_override ON scans(overrides) WHERE overrides IS NOT NULL;
CREATE INDEX scans_by_station ON scans(station);
