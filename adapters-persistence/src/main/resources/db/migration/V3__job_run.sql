-- Background job runs, newest first by id (keyset paging). finished_at and outcome are NULL while a run goes
-- on; a run left unfinished by a process that died is marked 'interrupted' by the next lock holder.
CREATE TABLE job_run (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    job         TEXT    NOT NULL,
    instance    TEXT    NOT NULL,
    run_trigger TEXT    NOT NULL,
    started_at  INTEGER NOT NULL,
    finished_at INTEGER,
    outcome     TEXT,
    detail      TEXT    NOT NULL
);

CREATE INDEX job_run_job ON job_run (job, id);
CREATE INDEX job_run_unfinished ON job_run (outcome) WHERE outcome IS NULL;
