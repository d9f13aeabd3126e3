CREATE UNLOGGED TABLE cache_entries (
    key text PRIMARY KEY,
    value text,
    hits integer NOT NULL DEFAULT 0 CHECK (hits >= 0),
    expires_at timestamptz,
    CONSTRAINT value_or_expiry CHECK (value IS NOT NULL OR expires_at IS NOT NULL),
    CHECK (hits < 1000000 AND hits <> -1) NO INHERIT,
    CHECK (length(key) > 0 AND length(key) < 200)
);
CREATE TABLE pairs (
    a integer,
    b integer,
    UNIQUE NULLS NOT DISTINCT (a, b),
    CONSTRAINT pairs_not_same CHECK (NOT (a = b))
);
CREATE TABLE drop_schema_target (x integer);
CREATE SCHEMA gone;
DROP SCHEMA gone;
