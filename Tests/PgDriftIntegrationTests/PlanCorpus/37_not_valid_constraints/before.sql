CREATE TABLE p (id integer PRIMARY KEY);
CREATE TABLE t (id integer PRIMARY KEY, n integer, p_id integer);
ALTER TABLE t ADD CONSTRAINT n_check CHECK (n > 0) NOT VALID;
