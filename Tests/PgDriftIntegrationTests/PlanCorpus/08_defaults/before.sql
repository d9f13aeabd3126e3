CREATE TABLE t (id integer PRIMARY KEY, a integer DEFAULT 1, b text, c timestamptz DEFAULT now(), d text DEFAULT 'x');
