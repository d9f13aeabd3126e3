CREATE TABLE t (id integer PRIMARY KEY, a text, b integer, c timestamptz);
CREATE INDEX t_a_idx ON t (lower(a));
CREATE INDEX t_b_idx ON t USING hash (b);
CREATE UNIQUE INDEX t_c_idx ON t (c DESC NULLS LAST) INCLUDE (a) WHERE b > 0;
CREATE INDEX t_ab_idx ON t (a text_pattern_ops, b) WITH (fillfactor = 70);
