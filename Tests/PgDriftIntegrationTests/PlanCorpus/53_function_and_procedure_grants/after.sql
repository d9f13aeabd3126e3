CREATE FUNCTION add_one(x integer) RETURNS integer LANGUAGE sql AS $$ SELECT x + 1 $$;
CREATE FUNCTION purge() RETURNS void LANGUAGE sql AS $$ SELECT $$;
CREATE PROCEDURE rebuild() LANGUAGE sql AS $$ SELECT 1 $$;
CREATE FUNCTION reset_me() RETURNS integer LANGUAGE sql AS $$ SELECT 1 $$;
REVOKE EXECUTE ON FUNCTION purge() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION purge() TO pgdrift_corpus_app;
GRANT EXECUTE ON FUNCTION add_one(integer) TO pgdrift_corpus_auditor WITH GRANT OPTION;
GRANT EXECUTE ON PROCEDURE rebuild() TO pgdrift_corpus_app;
