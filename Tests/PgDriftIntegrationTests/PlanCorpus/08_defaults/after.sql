CREATE TABLE t (id integer PRIMARY KEY, a integer DEFAULT 2, b text DEFAULT 'new', c timestamptz, d text DEFAULT 'it''s');
