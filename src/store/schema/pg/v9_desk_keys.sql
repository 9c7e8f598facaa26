-- v9: each desk signs with a key of its own. A key is named by the desk it
-- was enrolled for ('' for the keys made before, and for the machine that
-- made the event). Many keys may sign at once, one per desk; a key retired
-- signs nothing more but stays in the trust list.
ALTER TABLE signing_keys ADD COLUMN desk TEXT NOT NULL DEFAULT '';
