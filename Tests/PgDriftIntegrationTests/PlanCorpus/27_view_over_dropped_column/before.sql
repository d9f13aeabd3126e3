CREATE TABLE t (id integer PRIMARY KEY, old text, keep text);
CREATE VIEW v AS SELECT id, old, keep FROM t;
