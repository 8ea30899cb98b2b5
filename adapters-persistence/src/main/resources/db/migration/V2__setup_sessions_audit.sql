-- The administrator account written by first-run setup: exactly one row, id 1.
CREATE TABLE admin_account (
    id                        INTEGER PRIMARY KEY CHECK (id = 1),
    password_hash             TEXT    NOT NULL,
    created_at                INTEGER NOT NULL,
    fail2ban_socket           TEXT,
    fail2ban_config_dir       TEXT,
    session_lifetime_seconds  INTEGER
);

-- Login sessions. Only SHA-256 hashes of the session and CSRF tokens are stored. Times are epoch millis.
CREATE TABLE login_session (
    id                  TEXT    PRIMARY KEY,
    token_hash          TEXT    NOT NULL UNIQUE,
    csrf_hash           TEXT    NOT NULL,
    created_at          INTEGER NOT NULL,
    last_seen_at        INTEGER NOT NULL,
    idle_expires_at     INTEGER NOT NULL,
    absolute_expires_at INTEGER NOT NULL,
    client_ip           TEXT    NOT NULL,
    user_agent          TEXT    NOT NULL
);

CREATE INDEX login_session_idle ON login_session (idle_expires_at);
CREATE INDEX login_session_absolute ON login_session (absolute_expires_at);

-- The audit trail: append-only, read newest first by id (keyset paging).
CREATE TABLE audit_log (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    occurred_at INTEGER NOT NULL,
    session_id  TEXT,
    client_ip   TEXT    NOT NULL,
    action      TEXT    NOT NULL,
    target      TEXT    NOT NULL,
    success     INTEGER NOT NULL,
    detail      TEXT    NOT NULL
);

CREATE INDEX audit_log_action ON audit_log (action, id);
CREATE INDEX audit_log_time ON audit_log (occurred_at);
