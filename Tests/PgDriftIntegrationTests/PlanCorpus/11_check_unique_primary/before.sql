CREATE TABLE t (id integer, code text, n integer CONSTRAINT n_positive CHECK (n > 0), CONSTRAINT t_code_key UNIQUE (code));
CREATE TABLE u (a integer PRIMARY KEY, b integer);
