-- Names in expressions, resolved along the search path in effect and written as the server prints
-- them: user functions and types qualified, pg_catalog's bare, an extension's function in its schema.
CREATE SCHEMA auth;
CREATE SCHEMA app;
CREATE EXTENSION IF NOT EXISTS "uuid-ossp" WITH SCHEMA app;
CREATE FUNCTION auth.uid() RETURNS uuid LANGUAGE sql STABLE AS $$ SELECT NULL::uuid $$;
CREATE FUNCTION public.tenant() RETURNS integer LANGUAGE sql STABLE AS $$ SELECT 1 $$;
CREATE FUNCTION public.row_guard() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TYPE app.level AS ENUM ('low', 'high');

SET search_path TO app, public;
CREATE TABLE docs (
    id uuid DEFAULT uuid_generate_v4(),
    owner uuid DEFAULT auth.uid(),
    tenant_id integer DEFAULT tenant() CHECK (tenant_id > 0),
    label text DEFAULT 'low'::level,
    created timestamptz DEFAULT pg_catalog.now(),
    score double precision CHECK (score::numeric < 10)
);
CREATE INDEX docs_lower ON docs (lower(label)) WHERE tenant_id = tenant();
ALTER TABLE docs ENABLE ROW LEVEL SECURITY;
CREATE POLICY own ON docs USING (owner = auth.uid() AND tenant_id = tenant());
CREATE POLICY typed ON docs FOR SELECT USING (label::level = 'high'::level);
CREATE TRIGGER guard BEFORE UPDATE ON docs FOR EACH ROW WHEN (new.tenant_id <> tenant()) EXECUTE FUNCTION row_guard();
RESET search_path;
