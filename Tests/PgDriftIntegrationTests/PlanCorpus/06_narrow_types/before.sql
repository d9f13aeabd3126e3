CREATE TABLE t (id bigint PRIMARY KEY, amount text DEFAULT '0', code varchar(50), flag integer, payload json);
