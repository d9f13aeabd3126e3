CREATE SCHEMA extensions;
CREATE EXTENSION pg_trgm VERSION '1.5';
CREATE EXTENSION citext SCHEMA extensions;
CREATE TABLE t (id integer PRIMARY KEY, email text);
