CREATE TABLE t (id integer PRIMARY KEY, obsolete text, also_old integer UNIQUE, kept text);
CREATE INDEX t_obsolete_idx ON t (obsolete);
