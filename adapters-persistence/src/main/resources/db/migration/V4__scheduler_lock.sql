-- The scheduler lock: at most one row (name 'scheduler'), the instance that runs scheduled jobs. A row whose
-- expires_at (last heartbeat plus the TTL) has passed is free for anyone. Times are epoch millis.
-- Troubleshooting: SELECT * FROM scheduler_lock; DELETE FROM scheduler_lock frees it at once.
CREATE TABLE scheduler_lock (
    name         TEXT    PRIMARY KEY,
    owner        TEXT    NOT NULL,
    host         TEXT    NOT NULL,
    pid          INTEGER NOT NULL,
    acquired_at  INTEGER NOT NULL,
    heartbeat_at INTEGER NOT NULL,
    expires_at   INTEGER NOT NULL
);
