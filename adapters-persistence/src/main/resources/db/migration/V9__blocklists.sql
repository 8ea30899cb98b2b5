-- Blocklist sources, what each holds in its jail, and the import log. Times are epoch milliseconds.
CREATE TABLE blocklist_source (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    name           TEXT    NOT NULL,
    url            TEXT    NOT NULL,
    jail           TEXT    NOT NULL,
    enabled        INTEGER NOT NULL,
    schedule       TEXT    NOT NULL,
    -- validators of the last complete import, sent as If-None-Match / If-Modified-Since
    etag           TEXT,
    last_modified  TEXT,
    -- SHA-256 of what the jail's filter (ignoreip, own addresses) and of the body of the last applied list:
    -- a 200 with the same body and filter needs no diff
    fingerprint    TEXT,
    -- when the next scheduled import is due; NULL while disabled
    next_import_at INTEGER,
    created_at     INTEGER NOT NULL,
    updated_at     INTEGER NOT NULL,
    -- set by DELETE: the source is gone from the API, its entries are being released
    deleted_at     INTEGER
);

CREATE UNIQUE INDEX blocklist_source_name ON blocklist_source (name) WHERE deleted_at IS NULL;
CREATE INDEX blocklist_source_due ON blocklist_source (next_import_at) WHERE deleted_at IS NULL AND enabled = 1;

-- One row per (source, jail, entry); entry in fail2ban's spelling. state: 0 banning, 1 banned by a blocklist,
-- 2 held but banned by someone else first, 3 unbanning. The pending states 0 and 3 are written before the
-- command is sent and replaced after it succeeded.
CREATE TABLE blocklist_entry (
    source_id INTEGER NOT NULL REFERENCES blocklist_source (id) ON DELETE CASCADE,
    jail      TEXT    NOT NULL,
    entry     TEXT    NOT NULL,
    state     INTEGER NOT NULL,
    PRIMARY KEY (source_id, jail, entry)
) WITHOUT ROWID;

-- No secondary index: every write of an import (two per banned entry) would maintain it. "Who else holds it"
-- seeks the primary key once per other source (sources are few); the per-jail count scans, once per change.

-- The import log; kept when its source is deleted. instance is NULL for an import asked for through the API
-- and not yet claimed by the leader.
CREATE TABLE blocklist_import (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    source_id       INTEGER NOT NULL,
    source_name     TEXT    NOT NULL,
    run_trigger     TEXT    NOT NULL,
    status          TEXT    NOT NULL,
    instance        TEXT,
    started_at      INTEGER NOT NULL,
    finished_at     INTEGER,
    not_modified    INTEGER NOT NULL DEFAULT 0,
    bytes           INTEGER NOT NULL DEFAULT 0,
    total           INTEGER NOT NULL DEFAULT 0,
    valid           INTEGER NOT NULL DEFAULT 0,
    invalid         INTEGER NOT NULL DEFAULT 0,
    duplicates      INTEGER NOT NULL DEFAULT 0,
    ignored         INTEGER NOT NULL DEFAULT 0,
    banned          INTEGER NOT NULL DEFAULT 0,
    unbanned        INTEGER NOT NULL DEFAULT 0,
    -- one sample per line: number TAB text TAB reason (text and reason are printable ASCII)
    invalid_samples TEXT    NOT NULL DEFAULT '',
    error           TEXT
);

-- at most one running import per source: the check of POST /import is this index
CREATE UNIQUE INDEX blocklist_import_running ON blocklist_import (source_id) WHERE status = 'running';
CREATE INDEX blocklist_import_source ON blocklist_import (source_id, id);

-- Blocklist bans reach the archive through history_sync, from fail2ban's own database (set-based and crash-safe;
-- an archive write per banned entry would cost more than fail2ban's ban itself). A ban that a blocklist sent
-- (pending or held as banned by a blocklist) is recorded with origin 'blocklist'.
-- The lookup seeks the primary key (source_id, jail, entry) once per source: blocklist_entry has no other index,
-- and a scan per archived row would hold the write lock of a large sync for minutes.
CREATE TRIGGER history_blocklist_origin AFTER INSERT ON history
WHEN NEW.origin = 'fail2ban' AND EXISTS (SELECT 1 FROM blocklist_entry
                                         WHERE source_id IN (SELECT id FROM blocklist_source)
                                           AND jail = NEW.jail AND entry = NEW.ip AND state IN (0, 1))
BEGIN
    UPDATE history SET origin = 'blocklist' WHERE id = NEW.id;
END;
