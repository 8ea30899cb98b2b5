-- Bans and unbans made through BanGUI. fail2ban deletes its own records on unban and after its purge
-- age, so this archive is the only lasting record of manual actions.
CREATE TABLE ban_event (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    type        TEXT    NOT NULL CHECK (type IN ('BAN', 'UNBAN')),
    jail        TEXT    NOT NULL,
    ip          TEXT    NOT NULL,
    occurred_at INTEGER NOT NULL
);

CREATE INDEX ban_event_ip_time ON ban_event (ip, occurred_at DESC);
CREATE INDEX ban_event_time ON ban_event (occurred_at DESC);
