CREATE TABLE t (id integer PRIMARY KEY, kept text);
