-- Zero and negative sequence options, read back from the SQL (libpg_query's JSON loses their value).
CREATE SEQUENCE countdown INCREMENT BY -1 MINVALUE -1000 MAXVALUE 0 START WITH 0;
CREATE SEQUENCE from_zero MINVALUE 0 START 0;
ALTER SEQUENCE from_zero INCREMENT -5 MINVALUE - 50;
