CREATE TABLE t (id integer PRIMARY KEY, a text, b integer, c timestamptz);
CREATE INDEX t_a_idx ON t (a);
CREATE INDEX t_b_idx ON t (b);
CREATE INDEX t_extra_idx ON t (c);
