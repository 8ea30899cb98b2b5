-- Rollups of the history table for GET /api/v1/history/stats: counts per hour and jail, per day and country,
-- per day and address. SQLite triggers keep them in step with every insert, delete and update of history, in
-- the same transaction as the change, whoever writes (history_sync, manual bans, retention, geo updates), so
-- no writer needs to know about them. Hours and days are UTC: banned_at / 3600000 and banned_at / 86400000.
-- Docs/PERFORMANCE.md explains the choice. history_ip_total (all-time bans per address) and the (ip, day) index
-- serve the exact top addresses: addresses are visited by descending all-time total, and the visit stops once
-- no further address can reach the current tenth place (SqliteTopAddresses).
CREATE TABLE history_hour_jail (
    hour INTEGER NOT NULL,
    jail TEXT    NOT NULL,
    bans INTEGER NOT NULL,
    PRIMARY KEY (hour, jail)
) WITHOUT ROWID;

CREATE TABLE history_day_country (
    day     INTEGER NOT NULL,
    country TEXT    NOT NULL,
    bans    INTEGER NOT NULL,
    PRIMARY KEY (day, country)
) WITHOUT ROWID;

CREATE TABLE history_day_ip (
    day  INTEGER NOT NULL,
    ip   TEXT    NOT NULL,
    bans INTEGER NOT NULL,
    PRIMARY KEY (day, ip)
) WITHOUT ROWID;

CREATE INDEX history_day_ip_by_ip ON history_day_ip (ip, day, bans);

CREATE TABLE history_ip_total (
    ip   TEXT    NOT NULL PRIMARY KEY,
    bans INTEGER NOT NULL
) WITHOUT ROWID;

CREATE INDEX history_ip_total_bans ON history_ip_total (bans DESC, ip);

INSERT INTO history_hour_jail (hour, jail, bans)
    SELECT banned_at / 3600000, jail, COUNT(*) FROM history GROUP BY 1, 2;
INSERT INTO history_day_country (day, country, bans)
    SELECT banned_at / 86400000, country, COUNT(*) FROM history WHERE country IS NOT NULL GROUP BY 1, 2;
INSERT INTO history_day_ip (day, ip, bans)
    SELECT banned_at / 86400000, ip, COUNT(*) FROM history GROUP BY 1, 2;
INSERT INTO history_ip_total (ip, bans)
    SELECT ip, COUNT(*) FROM history GROUP BY 1;

CREATE TRIGGER history_rollup_insert AFTER INSERT ON history
BEGIN
    INSERT INTO history_hour_jail (hour, jail, bans) VALUES (NEW.banned_at / 3600000, NEW.jail, 1)
        ON CONFLICT (hour, jail) DO UPDATE SET bans = bans + 1;
    INSERT INTO history_day_country (day, country, bans)
        SELECT NEW.banned_at / 86400000, NEW.country, 1 WHERE NEW.country IS NOT NULL
        ON CONFLICT (day, country) DO UPDATE SET bans = bans + 1;
    INSERT INTO history_day_ip (day, ip, bans) VALUES (NEW.banned_at / 86400000, NEW.ip, 1)
        ON CONFLICT (day, ip) DO UPDATE SET bans = bans + 1;
    INSERT INTO history_ip_total (ip, bans) VALUES (NEW.ip, 1)
        ON CONFLICT (ip) DO UPDATE SET bans = bans + 1;
END;

CREATE TRIGGER history_rollup_delete AFTER DELETE ON history
BEGIN
    UPDATE history_hour_jail SET bans = bans - 1 WHERE hour = OLD.banned_at / 3600000 AND jail = OLD.jail;
    DELETE FROM history_hour_jail WHERE hour = OLD.banned_at / 3600000 AND jail = OLD.jail AND bans <= 0;
    UPDATE history_day_country SET bans = bans - 1
        WHERE day = OLD.banned_at / 86400000 AND country = OLD.country;
    DELETE FROM history_day_country
        WHERE day = OLD.banned_at / 86400000 AND country = OLD.country AND bans <= 0;
    UPDATE history_day_ip SET bans = bans - 1 WHERE day = OLD.banned_at / 86400000 AND ip = OLD.ip;
    DELETE FROM history_day_ip WHERE day = OLD.banned_at / 86400000 AND ip = OLD.ip AND bans <= 0;
    UPDATE history_ip_total SET bans = bans - 1 WHERE ip = OLD.ip;
    DELETE FROM history_ip_total WHERE ip = OLD.ip AND bans <= 0;
END;

-- an update that moves an entry (another jail, address, time or country) counts as a delete and an insert
CREATE TRIGGER history_rollup_update AFTER UPDATE OF jail, ip, banned_at, country ON history
WHEN OLD.jail IS NOT NEW.jail OR OLD.ip IS NOT NEW.ip OR OLD.banned_at IS NOT NEW.banned_at
     OR OLD.country IS NOT NEW.country
BEGIN
    UPDATE history_hour_jail SET bans = bans - 1 WHERE hour = OLD.banned_at / 3600000 AND jail = OLD.jail;
    DELETE FROM history_hour_jail WHERE hour = OLD.banned_at / 3600000 AND jail = OLD.jail AND bans <= 0;
    UPDATE history_day_country SET bans = bans - 1
        WHERE day = OLD.banned_at / 86400000 AND country = OLD.country;
    DELETE FROM history_day_country
        WHERE day = OLD.banned_at / 86400000 AND country = OLD.country AND bans <= 0;
    UPDATE history_day_ip SET bans = bans - 1 WHERE day = OLD.banned_at / 86400000 AND ip = OLD.ip;
    DELETE FROM history_day_ip WHERE day = OLD.banned_at / 86400000 AND ip = OLD.ip AND bans <= 0;
    UPDATE history_ip_total SET bans = bans - 1 WHERE ip = OLD.ip;
    DELETE FROM history_ip_total WHERE ip = OLD.ip AND bans <= 0;
    INSERT INTO history_hour_jail (hour, jail, bans) VALUES (NEW.banned_at / 3600000, NEW.jail, 1)
        ON CONFLICT (hour, jail) DO UPDATE SET bans = bans + 1;
    INSERT INTO history_day_country (day, country, bans)
        SELECT NEW.banned_at / 86400000, NEW.country, 1 WHERE NEW.country IS NOT NULL
        ON CONFLICT (day, country) DO UPDATE SET bans = bans + 1;
    INSERT INTO history_day_ip (day, ip, bans) VALUES (NEW.banned_at / 86400000, NEW.ip, 1)
        ON CONFLICT (day, ip) DO UPDATE SET bans = bans + 1;
    INSERT INTO history_ip_total (ip, bans) VALUES (NEW.ip, 1)
        ON CONFLICT (ip) DO UPDATE SET bans = bans + 1;
END;
