CREATE TABLE t (id integer PRIMARY KEY, a smallint, b varchar(10), c varchar(10), d numeric(8,2), e real, f date);
