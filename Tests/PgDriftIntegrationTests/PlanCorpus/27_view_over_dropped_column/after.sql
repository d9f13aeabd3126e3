CREATE TABLE t (id integer PRIMARY KEY, keep text);
CREATE VIEW v AS SELECT id, keep FROM t;
