-- history_sync merges fail2ban's record of a ban into the manual or blocklist entry BanGUI archived at once
-- (synced = 0); this partial index finds that entry without scanning the archive.
CREATE INDEX history_unsynced ON history (jail, ip, banned_at) WHERE synced = 0;
-- and the open entries by id, for the ended checks that walk them in batches after every sync
CREATE INDEX history_open_id ON history (id) WHERE ended_at IS NULL;
