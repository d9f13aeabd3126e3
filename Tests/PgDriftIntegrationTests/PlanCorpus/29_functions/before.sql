CREATE FUNCTION add_one(x integer) RETURNS integer LANGUAGE sql AS $$ SELECT x + 1 $$;
CREATE FUNCTION obsolete() RETURNS void LANGUAGE plpgsql AS $$ BEGIN END $$;
CREATE PROCEDURE p(a integer) LANGUAGE plpgsql AS $$ BEGIN RAISE NOTICE '%', a; END $$;
