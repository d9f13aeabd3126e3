CREATE TABLE t (id integer PRIMARY KEY, touched timestamptz);
CREATE FUNCTION stamp() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.touched := clock_timestamp(); RETURN NEW; END $$;
CREATE TRIGGER t_stamp BEFORE UPDATE ON t FOR EACH ROW EXECUTE FUNCTION stamp();
CREATE FUNCTION total(a integer) RETURNS bigint LANGUAGE sql AS $$ SELECT a::bigint $$;
