CREATE UNLOGGED TABLE scratch (id integer PRIMARY KEY);
CREATE TABLE hot (id integer PRIMARY KEY) WITH (fillfactor = 50, autovacuum_enabled = false);
