-- BanGUI's ban history: every ban fail2ban made (copied by history_sync from fail2ban's own database, which
-- forgets bans after its purge age and on unban) and every ban made through BanGUI (archived at once).
-- Times are epoch milliseconds (whole seconds for bans read from fail2ban).
CREATE TABLE history (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    jail        TEXT    NOT NULL,
    -- the address, network (CIDR) or other ban id, as fail2ban holds it
    ip          TEXT    NOT NULL,
    -- the 16-byte form (IPv4 as ::ffff:a.b.c.d) of the address, or of a network's first address, for address
    -- and CIDR filters; NULL when ip is not an address
    ip_key      BLOB,
    banned_at   INTEGER NOT NULL,
    -- -1 for a permanent ban; NULL when unknown (bans archived before this table existed)
    ban_seconds INTEGER,
    ended_at    INTEGER,
    end_reason  TEXT    CHECK (end_reason IN ('expired', 'unbanned', 'removed', 'replaced')),
    ended_by    TEXT,
    ban_count   INTEGER NOT NULL DEFAULT 1,
    failures    INTEGER NOT NULL DEFAULT 0,
    -- JSON array of the last matched log lines (capped)
    matches     TEXT    NOT NULL DEFAULT '[]',
    country     TEXT,
    origin      TEXT    NOT NULL CHECK (origin IN ('fail2ban', 'manual', 'blocklist')),
    -- 1 once fail2ban's own record of this ban has been read (always 1 for origin fail2ban); a manual or
    -- blocklist ban is archived at once with BanGUI's clock and merged with fail2ban's record by history_sync
    synced      INTEGER NOT NULL DEFAULT 0,
    -- fail2ban's own time of this ban (its timeofban, in ms), once its record has been read: equal to banned_at
    -- for entries copied from fail2ban; for a manual or blocklist entry merged with fail2ban's record it may
    -- differ from banned_at by a second or so, and banned_at is left as it was so that no page shifts
    source_time INTEGER,
    CHECK ((ended_at IS NULL) = (end_reason IS NULL))
);

-- identity of a ban: archiving it twice stores it once, whether it was copied from fail2ban or merged
CREATE UNIQUE INDEX history_identity ON history (jail, ip, banned_at);
CREATE UNIQUE INDEX history_source ON history (jail, ip, source_time) WHERE source_time IS NOT NULL;
-- newest first, keyset (banned_at, id), with and without the common filters
CREATE INDEX history_time ON history (banned_at DESC, id DESC);
CREATE INDEX history_jail_time ON history (jail, banned_at DESC, id DESC);
CREATE INDEX history_ip_time ON history (ip_key, banned_at DESC, id DESC);
CREATE INDEX history_country_time ON history (country, banned_at DESC, id DESC);
-- bans that have not ended yet, for the expiry and disappearance checks of history_sync
CREATE INDEX history_open ON history (jail, ip) WHERE ended_at IS NULL;

-- Where history_sync stopped reading a source (fail2ban's database): the rowid of the last row copied and that
-- row's identity, to notice when fail2ban deleted it and SQLite reused its rowid, or the file was replaced.
CREATE TABLE history_sync_state (
    source     TEXT    PRIMARY KEY,
    last_rowid INTEGER NOT NULL,
    last_jail  TEXT,
    last_ip    TEXT,
    last_time  INTEGER,
    updated_at INTEGER NOT NULL
);

-- Manual bans archived before this release, in the old event log: bans become entries (ban time unknown), and
-- an unban ends the latest entry of its jail and address that started before it.
INSERT OR IGNORE INTO history (jail, ip, banned_at, origin, synced)
    SELECT jail, ip, occurred_at, 'manual', 0 FROM ban_event WHERE type = 'BAN';

UPDATE history
   SET ended_at = (SELECT MIN(e.occurred_at) FROM ban_event e
                    WHERE e.type = 'UNBAN' AND e.jail = history.jail AND e.ip = history.ip
                      AND e.occurred_at >= history.banned_at),
       end_reason = 'unbanned'
 WHERE EXISTS (SELECT 1 FROM ban_event e
                WHERE e.type = 'UNBAN' AND e.jail = history.jail AND e.ip = history.ip
                  AND e.occurred_at >= history.banned_at);

DROP TABLE ban_event;
