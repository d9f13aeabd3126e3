CREATE TABLE t (id integer PRIMARY KEY, a text COLLATE "POSIX", b text COLLATE "C");
CREATE INDEX t_a_idx ON t (a);
