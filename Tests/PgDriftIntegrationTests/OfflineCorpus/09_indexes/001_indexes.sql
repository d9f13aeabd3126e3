CREATE TABLE events (
    id bigint PRIMARY KEY,
    kind text NOT NULL,
    email text,
    payload jsonb,
    created_at timestamptz NOT NULL,
    deleted_at timestamptz
);
CREATE INDEX ON events (kind);
CREATE INDEX ON events (kind);
CREATE INDEX ON events (created_at DESC NULLS LAST, kind);
CREATE INDEX ON events (lower(email));
CREATE UNIQUE INDEX events_email_live ON events (email) WHERE deleted_at IS NULL;
CREATE INDEX events_kind_incl ON events (kind) INCLUDE (created_at);
CREATE INDEX events_payload_gin ON events USING gin (payload);
CREATE INDEX events_paren_idx ON events ((kind));
CREATE INDEX IF NOT EXISTS events_kind_incl ON events (id);
CREATE INDEX events_hash ON events USING hash (kind);
CREATE INDEX events_nulls_first ON events (email NULLS FIRST);
