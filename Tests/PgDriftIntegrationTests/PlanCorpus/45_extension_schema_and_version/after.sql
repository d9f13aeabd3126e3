CREATE SCHEMA extensions;
CREATE EXTENSION pg_trgm SCHEMA extensions;
CREATE EXTENSION citext SCHEMA extensions;
CREATE TABLE t (id integer PRIMARY KEY, email text);
