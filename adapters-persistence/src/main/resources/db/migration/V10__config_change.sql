-- Versions of the fail2ban configuration files BanGUI changed: each row is one file's bytes before and after
-- one change (NULL before: the file was created; NULL after: it was deleted). The last 10 rows per file are
-- kept; recording a change drops older ones in the same transaction.
CREATE TABLE config_change (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    file           TEXT    NOT NULL,
    before_content BLOB,
    after_content  BLOB,
    changed_at     INTEGER NOT NULL,
    actor          TEXT    NOT NULL,
    summary        TEXT    NOT NULL
);

-- the pruning of one file's versions and the newest-first listing
CREATE INDEX config_change_file ON config_change (file, id);
