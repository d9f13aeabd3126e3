-- Objects of every kind that takes a grant; their grants come in the next file.
CREATE SCHEMA reports;
CREATE TYPE reports.mood AS ENUM ('ok', 'sad');
CREATE TYPE reports.pair AS (a integer, b integer);
CREATE DOMAIN reports.positive AS integer CHECK (VALUE > 0);
CREATE SEQUENCE reports.numbers;
CREATE TABLE reports.entries (id serial PRIMARY KEY, body text, secret text);
CREATE VIEW reports.public_entries AS SELECT id, body FROM reports.entries;
CREATE FUNCTION reports.entry_count() RETURNS bigint LANGUAGE sql AS $$ SELECT count(*) FROM reports.entries $$;
CREATE FUNCTION reports.purge() RETURNS void LANGUAGE sql AS $$ DELETE FROM reports.entries $$;
CREATE PROCEDURE reports.rebuild() LANGUAGE sql AS $$ SELECT 1 $$;
