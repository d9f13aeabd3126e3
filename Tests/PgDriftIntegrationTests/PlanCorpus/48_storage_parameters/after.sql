CREATE TABLE hot (id integer PRIMARY KEY, data text) WITH (fillfactor = 70, autovacuum_enabled = false, toast.autovacuum_vacuum_scale_factor = 0.1);
CREATE TABLE cold (id integer CONSTRAINT cold_pk PRIMARY KEY WITH (fillfactor = 80), code text UNIQUE WITH (fillfactor = 50));
CREATE INDEX cold_code_idx ON cold (code) WITH (deduplicate_items = off);
CREATE TABLE fresh (id integer PRIMARY KEY WITH (fillfactor = 75), v text) WITH (fillfactor = 60);
CREATE INDEX fresh_v_idx ON fresh (v) WITH (fillfactor = 40);
