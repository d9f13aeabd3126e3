CREATE TABLE t (id integer PRIMARY KEY, code text, n integer CONSTRAINT n_positive CHECK (n >= 0), CONSTRAINT t_code_n_key UNIQUE (code, n));
CREATE TABLE u (a integer, b integer, PRIMARY KEY (a, b));
