CREATE TYPE status AS ENUM ('new', 'legacy', 'done');
CREATE TABLE t (id integer PRIMARY KEY, s status NOT NULL DEFAULT 'new', history status[]);
CREATE VIEW v AS SELECT id, s FROM t;
INSERT INTO t VALUES (1, 'new', '{new,done}'), (2, 'done', NULL);
