-- roles.sql — cluster-wide roles the RLS policies of the analytics example name.
--
-- Roles belong to the cluster, not to a database, so they are NOT part of the
-- migrations in sql/. Run this file once per cluster, before the migrations.
-- It is idempotent and safe to run concurrently (a role created by another
-- session in the meantime is not an error).
--
-- The three roles mirror Supabase's: anon (unauthenticated API calls),
-- authenticated (signed-in users) and service_role (backend jobs, bypasses RLS).

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = 'anon') THEN
        BEGIN
            CREATE ROLE anon NOLOGIN NOINHERIT;
        EXCEPTION WHEN duplicate_object OR unique_violation THEN
            NULL;
        END;
    END IF;

    IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = 'authenticated') THEN
        BEGIN
            CREATE ROLE authenticated NOLOGIN NOINHERIT;
        EXCEPTION WHEN duplicate_object OR unique_violation THEN
            NULL;
        END;
    END IF;

    IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = 'service_role') THEN
        BEGIN
            CREATE ROLE service_role NOLOGIN NOINHERIT BYPASSRLS;
        EXCEPTION WHEN duplicate_object OR unique_violation THEN
            NULL;
        END;
    END IF;
END
$$;
