CREATE TABLE events (id integer PRIMARY KEY, payload jsonb);
ALTER TABLE events REPLICA IDENTITY FULL;
CREATE TABLE audit (id integer NOT NULL, at timestamptz NOT NULL);
CREATE UNIQUE INDEX audit_key ON audit (id, at);
ALTER TABLE audit REPLICA IDENTITY USING INDEX audit_key;
CREATE TABLE logs (line text);
ALTER TABLE logs REPLICA IDENTITY NOTHING;
CREATE TABLE codes (code text NOT NULL, CONSTRAINT codes_code_key UNIQUE (code));
ALTER TABLE codes REPLICA IDENTITY USING INDEX codes_code_key;
