CREATE TABLE events (id integer PRIMARY KEY, at timestamptz NOT NULL);
CREATE INDEX events_at_idx ON events (at);
CLUSTER events USING events_pkey;
CREATE TABLE audit (id integer NOT NULL, line text);
CREATE INDEX audit_id_idx ON audit (id);
ALTER TABLE audit CLUSTER ON audit_id_idx;
CREATE TABLE logs (id integer PRIMARY KEY, line text);
CREATE INDEX logs_line_idx ON logs (line);
ALTER TABLE logs CLUSTER ON logs_line_idx;
