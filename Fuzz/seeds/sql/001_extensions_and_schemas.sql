-- 001_extensions_and_schemas.sql
-- Extensions used by the analytics schema. Every object of this example
-- lives in the default schema, public.
--
-- The roles named by the RLS policies (anon, authenticated, service_role)
-- are cluster-wide and are created by ../roles.sql, not by a migration.

-- digest() for the payload checksums written by ingest_videos().
CREATE EXTENSION IF NOT EXISTS pgcrypto;

-- Trigram operator classes for the fuzzy creator-search index (008).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
