CREATE EXTENSION citext;
CREATE EXTENSION pg_trgm;
CREATE TABLE t (id integer PRIMARY KEY, email citext);
CREATE INDEX t_email_trgm ON t USING gin ((email::text) gin_trgm_ops);
