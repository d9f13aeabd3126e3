-- 015_add_missing_tables_columns.sql
-- Fix-up migration: objects the code already relied on but no migration
-- created.
--
--   * creators_hot.total_play_count — updated by update_aggregations() and
--     update_aggregation_quick() (012) but never added, so both failed at run
--     time with "column total_play_count of relation creators_hot does not
--     exist" (plpgsql only checks columns when a statement first runs).
--   * creators_cold  — cold storage for complete creator profile JSON.
--     Not to be confused with creator_profiles_cold (007, singular
--     "profiles"), which holds only the author object and stats.
--   * hashtags_cold  — cold storage for hashtag metadata, trending history
--     and analytics.
--
-- ingest_videos() (011) was updated in place to fill the two new tables and
-- to call update_aggregations() after each batch, as the seed story tells: a
-- database migrated before this file has a function that writes to tables
-- that do not exist yet.
--
-- Note: the column is videos_count on creators_hot, sounds_hot and
-- hashtags_hot (006); there is no total_videos_count and none is added.

-- 1. Missing column ----------------------------------------------------------

ALTER TABLE creators_hot
ADD COLUMN IF NOT EXISTS total_play_count BIGINT DEFAULT 0;

-- 2. creators_cold -----------------------------------------------------------

CREATE TABLE IF NOT EXISTS creators_cold (
    creator_id          text PRIMARY KEY
                        REFERENCES creators_hot (creator_id) ON DELETE CASCADE,
    full_json           jsonb NOT NULL DEFAULT '{}'::jsonb,
    raw_data            jsonb,
    platform_identities jsonb NOT NULL DEFAULT '{}'::jsonb,
    insights            jsonb NOT NULL DEFAULT '{}'::jsonb,
    engagement_metrics  jsonb NOT NULL DEFAULT '{}'::jsonb,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now()
);

-- 3. hashtags_cold -----------------------------------------------------------

CREATE TABLE IF NOT EXISTS hashtags_cold (
    hashtag           text PRIMARY KEY,
    metadata          jsonb NOT NULL DEFAULT '{}'::jsonb,
    related_hashtags  text[] NOT NULL DEFAULT '{}',
    trending_history  jsonb NOT NULL DEFAULT '[]'::jsonb,
    usage_statistics  jsonb NOT NULL DEFAULT '{}'::jsonb,
    raw_data          jsonb,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now()
);

-- 4. Indexes -----------------------------------------------------------------

CREATE INDEX IF NOT EXISTS idx_creators_cold_platform_identities
    ON creators_cold USING gin (platform_identities);
CREATE INDEX IF NOT EXISTS idx_creators_cold_updated_at
    ON creators_cold (updated_at);
CREATE INDEX IF NOT EXISTS idx_hashtags_cold_related_hashtags
    ON hashtags_cold USING gin (related_hashtags);
CREATE INDEX IF NOT EXISTS idx_hashtags_cold_updated_at
    ON hashtags_cold (updated_at);

-- 5. Row level security (same policies as the hot tables, 009) --------------

ALTER TABLE creators_cold ENABLE ROW LEVEL SECURITY;
ALTER TABLE hashtags_cold ENABLE ROW LEVEL SECURITY;

CREATE POLICY "Public read access" ON creators_cold
    FOR SELECT
    USING (true);
CREATE POLICY "Service role full access" ON creators_cold
    FOR ALL
    TO service_role
    USING (true)
    WITH CHECK (true);

CREATE POLICY "Public read access" ON hashtags_cold
    FOR SELECT
    USING (true);
CREATE POLICY "Service role full access" ON hashtags_cold
    FOR ALL
    TO service_role
    USING (true)
    WITH CHECK (true);

-- 6. Comments ----------------------------------------------------------------

COMMENT ON COLUMN creators_hot.total_play_count IS 'Total views across all creator''s videos';
COMMENT ON TABLE creators_cold IS 'Cold data: complete creator profile JSON, platform identities, insights.';
COMMENT ON TABLE hashtags_cold IS 'Cold data: hashtag metadata, related hashtags, trending history, usage statistics.';
