CREATE DOMAIN positive AS integer CHECK (VALUE > 0);
CREATE DOMAIN code AS text;
CREATE TABLE t (id integer PRIMARY KEY, n positive, c code);
