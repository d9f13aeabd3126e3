CREATE TYPE status AS ENUM ('done', 'new');
CREATE TABLE t (id integer PRIMARY KEY, s status NOT NULL DEFAULT 'new', history status[]);
CREATE VIEW v AS SELECT id, s FROM t;
