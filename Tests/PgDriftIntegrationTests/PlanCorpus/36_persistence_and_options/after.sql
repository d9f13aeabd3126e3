CREATE TABLE scratch (id integer PRIMARY KEY);
CREATE UNLOGGED TABLE cache (k text PRIMARY KEY, v text);
CREATE TABLE hot (id integer PRIMARY KEY) WITH (fillfactor = 70);
