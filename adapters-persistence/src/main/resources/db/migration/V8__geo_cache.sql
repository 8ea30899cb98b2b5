-- The durable geo-IP cache: answers of the database file and of the optional HTTP lookup service, kept across
-- restarts. geo_cache_flush writes it, geo_cache_cleanup deletes old entries, geo_re_resolve retries the
-- unresolved ones (country NULL) once the database file has changed (source is the version that answered).
CREATE TABLE geo_cache (
    -- canonical text of the address
    ip              TEXT    NOT NULL PRIMARY KEY,
    country         TEXT,
    asn             INTEGER,
    as_organization TEXT,
    source          TEXT    NOT NULL,
    -- epoch milliseconds
    resolved_at     INTEGER NOT NULL
) WITHOUT ROWID;

CREATE INDEX geo_cache_resolved_at ON geo_cache (resolved_at);
CREATE INDEX geo_cache_unresolved ON geo_cache (resolved_at) WHERE country IS NULL;
