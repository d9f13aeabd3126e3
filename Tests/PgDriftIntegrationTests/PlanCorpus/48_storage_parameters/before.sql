CREATE TABLE hot (id integer PRIMARY KEY, data text) WITH (fillfactor = 90, autovacuum_vacuum_scale_factor = 0.2);
CREATE TABLE cold (id integer CONSTRAINT cold_pk PRIMARY KEY WITH (fillfactor = 100), code text UNIQUE) WITH (toast.autovacuum_enabled = false);
CREATE INDEX cold_code_idx ON cold (code) WITH (fillfactor = 60);
