CREATE DOMAIN positive AS integer DEFAULT 1 NOT NULL CONSTRAINT positive_check CHECK (VALUE >= 1);
CREATE DOMAIN code AS text CONSTRAINT code_length CHECK (length(VALUE) < 10);
CREATE DOMAIN email AS text CHECK (VALUE LIKE '%@%');
CREATE TABLE t (id integer PRIMARY KEY, n positive, c code, e email);
