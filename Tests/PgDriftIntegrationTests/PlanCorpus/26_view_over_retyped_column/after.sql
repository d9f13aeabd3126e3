CREATE TABLE t (id integer PRIMARY KEY, amount bigint, note text);
CREATE VIEW v AS SELECT id, amount, note FROM t;
CREATE VIEW v2 AS SELECT id, amount * 2 AS doubled FROM v;
