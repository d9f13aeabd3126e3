CREATE TABLE t (id integer PRIMARY KEY, amount integer DEFAULT 0, code varchar(10), flag boolean, payload jsonb);
