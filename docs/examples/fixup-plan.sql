-- pgdrift plan: the fix-up migration for the demo's drifted analytics database.
-- 23 statements, 1 left out (see the comments marked SKIPPED).
-- Each ALTER TABLE holds an ACCESS EXCLUSIVE lock on its table until COMMIT; lock_timeout makes the plan
-- give up rather than queue behind a long transaction. Statements that rewrite or scan a table say so.

SET lock_timeout = '5s';
SET statement_timeout = '30min';
SET check_function_bodies = off;
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
ALTER TABLE public.creators_hot ADD COLUMN IF NOT EXISTS total_play_count bigint DEFAULT 0;
-- Rewrites the table and its indexes under an ACCESS EXCLUSIVE lock.
ALTER TABLE public.sounds_hot ALTER COLUMN duration_seconds TYPE integer;

-- indexes
CREATE INDEX IF NOT EXISTS idx_creators_cold_platform_identities ON public.creators_cold USING gin (platform_identities);
CREATE INDEX IF NOT EXISTS idx_creators_cold_updated_at ON public.creators_cold USING btree (updated_at);
-- Blocks writes to the table while the index builds (--online builds it concurrently where PostgreSQL can).
CREATE INDEX IF NOT EXISTS idx_creators_hot_likes_total ON public.creators_hot USING btree (likes_total DESC);
CREATE INDEX IF NOT EXISTS idx_hashtags_cold_related_hashtags ON public.hashtags_cold USING gin (related_hashtags);
CREATE INDEX IF NOT EXISTS idx_hashtags_cold_updated_at ON public.hashtags_cold USING btree (updated_at);

-- foreign keys
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
