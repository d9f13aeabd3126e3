CREATE TABLE t (id integer PRIMARY KEY, n integer);
CREATE VIEW zz_base AS SELECT id, n FROM t WHERE n > 0;
CREATE VIEW aa_top AS SELECT id FROM zz_base WHERE n > 10;
CREATE VIEW secure_v WITH (security_invoker = true, security_barrier = true) AS SELECT id FROM t;
