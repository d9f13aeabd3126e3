CREATE TABLE audit_log (
    id bigint NOT NULL,
    user_id integer NOT NULL REFERENCES users,
    happened_at timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
    detail jsonb,
    PRIMARY KEY (id)
);
CREATE INDEX ON audit_log (user_id, happened_at DESC);
