-- pgdrift plan: the fix-up migration for the demo's drifted analytics database.
-- Fingerprint e14dfb33b515805c of the 6 objects it was planned from: the guard below refuses to run once one of them changed.
-- 23 statements, 1 left out (see the comments marked SKIPPED).
-- Rewrites 1 table (24 kB in all): public.sounds_hot (24 kB, never analyzed).
-- Scans 1 table while blocking writes (48 kB in all): public.creators_hot (48 kB, never analyzed).
-- Each ALTER TABLE holds an ACCESS EXCLUSIVE lock on its table until COMMIT; lock_timeout makes the plan
-- give up rather than queue behind a long transaction. Statements that rewrite or scan a table say so.

SET lock_timeout = '5s';
SET statement_timeout = '30min';
SET check_function_bodies = off;

-- The guard: stops here, changing nothing, if an object the plan depends on changed since it was written.
DO $pgdrift_guard$
DECLARE
  saved_0 text := pg_catalog.current_setting('search_path');
  saved_1 text := pg_catalog.current_setting('TimeZone');
  saved_2 text := pg_catalog.current_setting('DateStyle');
  saved_3 text := pg_catalog.current_setting('IntervalStyle');
  saved_4 text := pg_catalog.current_setting('extra_float_digits');
  saved_5 text := pg_catalog.current_setting('lc_monetary');
  saved_6 text := pg_catalog.current_setting('bytea_output');
  changed text;
BEGIN
  PERFORM pg_catalog.set_config('search_path', '', true), pg_catalog.set_config('TimeZone', 'UTC', true), pg_catalog.set_config('DateStyle', 'ISO, MDY', true), pg_catalog.set_config('IntervalStyle', 'postgres', true), pg_catalog.set_config('extra_float_digits', '1', true), pg_catalog.set_config('lc_monetary', 'C', true), pg_catalog.set_config('bytea_output', 'hex', true);
  SELECT string_agg(f.object, ', ' ORDER BY f.object) INTO changed FROM (
SELECT w.object, w.expected, left(encode(pg_catalog.sha256(pg_catalog.convert_to(CASE w.kind
    WHEN 'relation' THEN (SELECT concat_ws(E'\n', c.relkind::text, c.relpersistence::text, c.relrowsecurity::text, c.relforcerowsecurity::text,
      c.relreplident::text, c.relispartition::text, pg_catalog.pg_get_partkeydef(c.oid), pg_catalog.pg_get_expr(c.relpartbound, c.oid),
      pg_catalog.array_to_string(c.reloptions, ','),
      (SELECT string_agg(concat_ws(' ', quote_ident(a.attname), pg_catalog.format_type(a.atttypid, a.atttypmod), a.attnotnull::text,
              a.attidentity::text, a.attgenerated::text, CASE WHEN a.attcollation <> 0 THEN a.attcollation::pg_catalog.regcollation::text END,
      pg_catalog.pg_get_expr(d.adbin, d.adrelid)), E'\n' ORDER BY a.attnum)
         FROM pg_catalog.pg_attribute a LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
         WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped),
      (SELECT string_agg(quote_ident(k.conname) || ' ' || pg_catalog.pg_get_constraintdef(k.oid), E'\n' ORDER BY k.conname)
         FROM pg_catalog.pg_constraint k WHERE k.conrelid = c.oid),
      (SELECT string_agg(pg_catalog.pg_get_indexdef(i.indexrelid), E'\n' ORDER BY i.indexrelid::pg_catalog.regclass::text)
         FROM pg_catalog.pg_index i WHERE i.indrelid = c.oid),
      (SELECT string_agg(pg_catalog.pg_get_triggerdef(t.oid), E'\n' ORDER BY t.tgname)
         FROM pg_catalog.pg_trigger t WHERE t.tgrelid = c.oid AND NOT t.tgisinternal),
      (SELECT string_agg(concat_ws(' ', quote_ident(p.polname), p.polcmd::text, p.polpermissive::text, (SELECT string_agg(CASE WHEN r = 0 THEN 'public' ELSE r::pg_catalog.regrole::text END, ',') FROM unnest(p.polroles) r),
              pg_catalog.pg_get_expr(p.polqual, p.polrelid), pg_catalog.pg_get_expr(p.polwithcheck, p.polrelid)), E'\n' ORDER BY p.polname)
         FROM pg_catalog.pg_policy p WHERE p.polrelid = c.oid),
      CASE WHEN c.relkind IN ('v', 'm') THEN pg_catalog.pg_get_viewdef(c.oid) END,
      (SELECT concat_ws(' ', s.seqtypid::pg_catalog.regtype::text, s.seqstart, s.seqincrement, s.seqmax, s.seqmin, s.seqcache, s.seqcycle)
         FROM pg_catalog.pg_sequence s WHERE s.seqrelid = c.oid))
  FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
  WHERE n.nspname = w.schema AND c.relname = w.name)
    WHEN 'function' THEN (SELECT string_agg(pg_catalog.pg_get_functiondef(p.oid), E'\n' ORDER BY pg_catalog.pg_get_function_identity_arguments(p.oid))
  FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
  WHERE n.nspname = w.schema AND p.proname = w.name AND p.prokind <> 'a')
    WHEN 'type' THEN (SELECT concat_ws(E'\n', t.typtype::text, pg_catalog.format_type(t.typbasetype, t.typtypmod), t.typnotnull::text, t.typdefault,
      (SELECT string_agg(quote_literal(e.enumlabel), ',' ORDER BY e.enumsortorder) FROM pg_catalog.pg_enum e WHERE e.enumtypid = t.oid),
      (SELECT string_agg(quote_ident(k.conname) || ' ' || pg_catalog.pg_get_constraintdef(k.oid), E'\n' ORDER BY k.conname)
         FROM pg_catalog.pg_constraint k WHERE k.contypid = t.oid),
      (SELECT string_agg(quote_ident(a.attname) || ' ' || pg_catalog.format_type(a.atttypid, a.atttypmod), E'\n' ORDER BY a.attnum)
         FROM pg_catalog.pg_attribute a WHERE t.typtype = 'c' AND a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped),
      (SELECT concat_ws(' ', pg_catalog.format_type(r.rngsubtype, NULL), CASE WHEN r.rngcollation <> 0 THEN r.rngcollation::pg_catalog.regcollation::text END,
              (SELECT o.opcname FROM pg_catalog.pg_opclass o WHERE o.oid = r.rngsubopc))
         FROM pg_catalog.pg_range r WHERE r.rngtypid = t.oid))
  FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
  WHERE n.nspname = w.schema AND t.typname = w.name)
    WHEN 'schema' THEN (SELECT 'schema' FROM pg_catalog.pg_namespace WHERE nspname = w.name)
    WHEN 'extension' THEN (SELECT e.extversion || ' ' || e.extnamespace::pg_catalog.regnamespace::text
        FROM pg_catalog.pg_extension e WHERE e.extname = w.name)
  END, pg_catalog.current_setting('server_encoding'))), 'hex'), 32) AS digest
FROM (VALUES ('relation', 'public', 'creators_cold', 'relation public.creators_cold', NULL),
    ('relation', 'public', 'creators_hot', 'relation public.creators_hot', '3931d2286c1d54f78e76a266b75f8099'),
    ('relation', 'public', 'hashtags_cold', 'relation public.hashtags_cold', NULL),
    ('relation', 'public', 'hashtags_hot', 'relation public.hashtags_hot', '727a5249063a4168b46cc1417b760887'),
    ('relation', 'public', 'recent_videos', 'relation public.recent_videos', 'f074340f33454675655490349f438a54'),
    ('relation', 'public', 'sounds_hot', 'relation public.sounds_hot', '1d5cf0e5f4426098aa78b9901db88b86')) AS w(kind, schema, name, object, expected)
  ) AS f WHERE f.digest IS DISTINCT FROM f.expected;
  PERFORM pg_catalog.set_config('search_path', saved_0, true), pg_catalog.set_config('TimeZone', saved_1, true), pg_catalog.set_config('DateStyle', saved_2, true), pg_catalog.set_config('IntervalStyle', saved_3, true), pg_catalog.set_config('extra_float_digits', saved_4, true), pg_catalog.set_config('lc_monetary', saved_5, true), pg_catalog.set_config('bytea_output', saved_6, true);
  PERFORM pg_catalog.set_config('pgdrift.schema_changed', coalesce(changed, ''), false);
  IF changed IS NOT NULL THEN
    PERFORM pg_catalog.set_config('default_transaction_read_only', 'on', false);
  END IF;
END
$pgdrift_guard$;
DO $pgdrift_stop$
BEGIN
  IF pg_catalog.current_setting('pgdrift.schema_changed', true) <> '' THEN
    RAISE EXCEPTION 'the schema changed since this plan was written (%)', pg_catalog.current_setting('pgdrift.schema_changed')
      USING HINT = 'Nothing was changed, and this session is now read-only. Run pgdrift plan again.', ERRCODE = 'object_not_in_prerequisite_state';
  END IF;
END
$pgdrift_stop$;
BEGIN;

-- views to drop or rebuild
-- Dropped to be created again below, with what it reads in its new shape.
DROP VIEW IF EXISTS public.recent_videos;

-- extra columns
-- SKIPPED (destructive: drops column sounds_hot.legacy_rank and its data; rerun with --allow-destructive):
-- ALTER TABLE public.sounds_hot DROP COLUMN IF EXISTS legacy_rank;

-- tables
CREATE TABLE IF NOT EXISTS public.creators_cold (
    creator_id text NOT NULL,
    full_json jsonb NOT NULL DEFAULT '{}'::jsonb,
    raw_data jsonb,
    platform_identities jsonb NOT NULL DEFAULT '{}'::jsonb,
    insights jsonb NOT NULL DEFAULT '{}'::jsonb,
    engagement_metrics jsonb NOT NULL DEFAULT '{}'::jsonb,
    created_at timestamp with time zone NOT NULL DEFAULT now(),
    updated_at timestamp with time zone NOT NULL DEFAULT now(),
    CONSTRAINT creators_cold_pkey PRIMARY KEY (creator_id)
);
CREATE TABLE IF NOT EXISTS public.hashtags_cold (
    hashtag text NOT NULL,
    metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
    related_hashtags text[] NOT NULL DEFAULT '{}'::text[],
    trending_history jsonb NOT NULL DEFAULT '[]'::jsonb,
    usage_statistics jsonb NOT NULL DEFAULT '{}'::jsonb,
    raw_data jsonb,
    created_at timestamp with time zone NOT NULL DEFAULT now(),
    updated_at timestamp with time zone NOT NULL DEFAULT now(),
    CONSTRAINT hashtags_cold_pkey PRIMARY KEY (hashtag)
);

-- columns
-- locks public.creators_hot (48 kB, never analyzed) under ACCESS EXCLUSIVE until COMMIT, blocking reads and writes
ALTER TABLE public.creators_hot ADD COLUMN IF NOT EXISTS total_play_count bigint DEFAULT 0;
-- rewrites public.sounds_hot (24 kB, never analyzed) under ACCESS EXCLUSIVE until COMMIT, blocking reads and writes: duration_seconds becomes integer, and the indexes are rebuilt
ALTER TABLE public.sounds_hot ALTER COLUMN duration_seconds TYPE integer;

-- indexes
CREATE INDEX IF NOT EXISTS idx_creators_cold_platform_identities ON public.creators_cold USING gin (platform_identities);
CREATE INDEX IF NOT EXISTS idx_creators_cold_updated_at ON public.creators_cold USING btree (updated_at);
-- scans public.creators_hot (48 kB, never analyzed) under SHARE until COMMIT, blocking writes: its index is built (--online avoids it)
CREATE INDEX IF NOT EXISTS idx_creators_hot_likes_total ON public.creators_hot USING btree (likes_total DESC);
CREATE INDEX IF NOT EXISTS idx_hashtags_cold_related_hashtags ON public.hashtags_cold USING gin (related_hashtags);
CREATE INDEX IF NOT EXISTS idx_hashtags_cold_updated_at ON public.hashtags_cold USING btree (updated_at);

-- foreign keys
-- locks public.creators_hot (48 kB, never analyzed) under SHARE ROW EXCLUSIVE until COMMIT, blocking writes
DO $pgdrift$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_catalog.pg_constraint WHERE conrelid = 'public.creators_cold'::regclass AND conname = 'creators_cold_creator_id_fkey') THEN
        ALTER TABLE public.creators_cold ADD CONSTRAINT creators_cold_creator_id_fkey FOREIGN KEY (creator_id) REFERENCES public.creators_hot (creator_id) ON DELETE CASCADE;
    END IF;
END
$pgdrift$;

-- views
CREATE OR REPLACE VIEW public.recent_videos WITH (security_invoker=true) AS
 SELECT v.video_id,
    v.creator_id,
    c.username,
    v.sound_id,
    s.title AS sound_title,
    v.description,
    v.views_count,
    v.likes_count,
    v.hashtags,
    v.posted_at,
    v.created_at
   FROM ((public.videos_hot v
     JOIN public.creators_hot c ON ((c.creator_id = v.creator_id)))
     LEFT JOIN public.sounds_hot s ON ((s.sound_id = v.sound_id)))
  WHERE (v.created_at > (now() - '7 days'::interval));

-- row level security
ALTER TABLE public.creators_cold ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.hashtags_cold ENABLE ROW LEVEL SECURITY;

-- policies
DO $pgdrift$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_catalog.pg_policy WHERE polrelid = 'public.creators_cold'::regclass AND polname = 'Public read access') THEN
        CREATE POLICY "Public read access" ON public.creators_cold AS PERMISSIVE FOR SELECT TO PUBLIC USING (true);
    END IF;
END
$pgdrift$;
DO $pgdrift$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_catalog.pg_policy WHERE polrelid = 'public.creators_cold'::regclass AND polname = 'Service role full access') THEN
        CREATE POLICY "Service role full access" ON public.creators_cold AS PERMISSIVE FOR ALL TO service_role USING (true) WITH CHECK (true);
    END IF;
END
$pgdrift$;
DO $pgdrift$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_catalog.pg_policy WHERE polrelid = 'public.hashtags_cold'::regclass AND polname = 'Public read access') THEN
        CREATE POLICY "Public read access" ON public.hashtags_cold AS PERMISSIVE FOR SELECT TO PUBLIC USING (true);
    END IF;
END
$pgdrift$;
DO $pgdrift$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_catalog.pg_policy WHERE polrelid = 'public.hashtags_cold'::regclass AND polname = 'Service role full access') THEN
        CREATE POLICY "Service role full access" ON public.hashtags_cold AS PERMISSIVE FOR ALL TO service_role USING (true) WITH CHECK (true);
    END IF;
END
$pgdrift$;
DO $pgdrift$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_catalog.pg_policy WHERE polrelid = 'public.hashtags_hot'::regclass AND polname = 'Public read access') THEN
        CREATE POLICY "Public read access" ON public.hashtags_hot AS PERMISSIVE FOR SELECT TO PUBLIC USING (true);
    END IF;
END
$pgdrift$;

-- comments
COMMENT ON TABLE public.creators_cold IS 'Cold data: complete creator profile JSON, platform identities, insights.';
COMMENT ON COLUMN public.creators_hot.total_play_count IS 'Total views across all creator''s videos';
COMMENT ON TABLE public.hashtags_cold IS 'Cold data: hashtag metadata, related hashtags, trending history, usage statistics.';
COMMENT ON VIEW public.recent_videos IS 'Videos ingested in the last 7 days, with creator and sound.';

COMMIT;
