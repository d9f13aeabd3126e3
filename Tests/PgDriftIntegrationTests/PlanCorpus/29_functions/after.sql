CREATE FUNCTION add_one(x integer) RETURNS integer LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$ SELECT x + 2 $$;
CREATE FUNCTION greet(name text DEFAULT 'world') RETURNS text LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
BEGIN
  RETURN 'hello ' || name;
END
$$;
CREATE PROCEDURE p(a integer) LANGUAGE plpgsql AS $$ BEGIN RAISE NOTICE 'a=%', a; END $$;
