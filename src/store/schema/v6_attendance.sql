-- v6: attendance figures read from indexes alone (the scans part, which
-- gates' scans files share, is in scans_v6.sql).

-- Whether each participant's badges were printed and collected, read from
-- the index alone (the badge rows carry their credential and are large).
CREATE INDEX badges_printed_collected ON badges(participant_id, print_count, collected_at);
