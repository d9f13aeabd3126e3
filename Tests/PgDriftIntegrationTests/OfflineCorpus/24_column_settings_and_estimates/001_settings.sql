-- Settings pg_dump prints that the offline reader now reads exactly (issue 16): a column's STORAGE,
-- COMPRESSION and STATISTICS, a table's REPLICA IDENTITY, a function's COST and ROWS.
CREATE TABLE documents (
    id bigint PRIMARY KEY,
    title character varying(200) COMPRESSION pglz,
    body text,
    raw bytea,
    amount numeric(12,2),
    tags text[]
);
ALTER TABLE documents ALTER COLUMN body SET STORAGE EXTERNAL, ALTER COLUMN body SET STATISTICS 2000;
ALTER TABLE documents ALTER COLUMN raw SET STORAGE MAIN;
ALTER TABLE documents ALTER COLUMN raw SET COMPRESSION lz4;
ALTER TABLE documents ALTER COLUMN amount SET STORAGE MAIN;  -- numeric's own: no setting
ALTER TABLE documents ALTER COLUMN tags SET STORAGE PLAIN;
ALTER TABLE documents ALTER COLUMN id SET STATISTICS 20000;  -- the server keeps 10000
ALTER TABLE documents ALTER COLUMN title SET STATISTICS 0;
ALTER TABLE documents REPLICA IDENTITY FULL;

CREATE TABLE events (id integer, note text);
ALTER TABLE events ALTER COLUMN note SET STORAGE MAIN;
ALTER TABLE events ALTER COLUMN note SET STATISTICS 500;
ALTER TABLE events ALTER COLUMN note TYPE character varying(100);  -- a new type: its own storage again
ALTER TABLE events ALTER COLUMN id SET STATISTICS -1;
ALTER TABLE events REPLICA IDENTITY NOTHING;
ALTER TABLE events REPLICA IDENTITY DEFAULT;

CREATE FUNCTION expensive(x integer) RETURNS integer LANGUAGE sql IMMUTABLE COST 5000 AS $$ SELECT x * 2 $$;
CREATE FUNCTION few() RETURNS SETOF integer LANGUAGE sql ROWS 3 COST 0.1 AS $$ SELECT 1 $$;
CREATE FUNCTION plain_cost() RETURNS integer LANGUAGE plpgsql COST 100 AS $$ BEGIN RETURN 1; END $$;
ALTER FUNCTION few() ROWS 1000;
ALTER FUNCTION plain_cost() COST 42;
