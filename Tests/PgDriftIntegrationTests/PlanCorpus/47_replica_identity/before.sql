CREATE TABLE events (id integer PRIMARY KEY, payload jsonb);
CREATE TABLE audit (id integer NOT NULL, at timestamptz NOT NULL);
CREATE UNIQUE INDEX audit_key ON audit (id);
ALTER TABLE audit REPLICA IDENTITY USING INDEX audit_key;
CREATE TABLE logs (line text);
ALTER TABLE logs REPLICA IDENTITY FULL;
