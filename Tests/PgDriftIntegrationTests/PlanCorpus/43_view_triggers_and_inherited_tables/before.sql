CREATE TABLE base (id integer, note text);
