-- 009_rls_policies.sql
-- Row level security, Supabase style: RLS is enabled on every table; the API
-- roles (anon, authenticated) only get what a policy grants, service_role
-- (backend jobs, ingestion) gets everything. The roles come from ../roles.sql.
--
-- Hot tables are public (the dashboards read them anonymously); the raw
-- payloads in the cold tables are for signed-in users only; ingestion
-- bookkeeping is for the backend only.

ALTER TABLE creators_hot          ENABLE ROW LEVEL SECURITY;
ALTER TABLE videos_hot            ENABLE ROW LEVEL SECURITY;
ALTER TABLE sounds_hot            ENABLE ROW LEVEL SECURITY;
ALTER TABLE hashtags_hot          ENABLE ROW LEVEL SECURITY;
ALTER TABLE video_hashtags        ENABLE ROW LEVEL SECURITY;
ALTER TABLE creator_profiles_cold ENABLE ROW LEVEL SECURITY;
ALTER TABLE videos_cold           ENABLE ROW LEVEL SECURITY;
ALTER TABLE sounds_cold           ENABLE ROW LEVEL SECURITY;
ALTER TABLE video_metrics_history ENABLE ROW LEVEL SECURITY;
ALTER TABLE ingestion_runs        ENABLE ROW LEVEL SECURITY;

-- creators_hot
CREATE POLICY "Public read access" ON creators_hot
    FOR SELECT
    USING (true);
CREATE POLICY "Service role full access" ON creators_hot
    FOR ALL
    TO service_role
    USING (true)
    WITH CHECK (true);

-- videos_hot
CREATE POLICY "Public read access" ON videos_hot
    FOR SELECT
    USING (true);
CREATE POLICY "Service role full access" ON videos_hot
    FOR ALL
    TO service_role
    USING (true)
    WITH CHECK (true);

-- sounds_hot
CREATE POLICY "Public read access" ON sounds_hot
    FOR SELECT
    USING (true);
CREATE POLICY "Service role full access" ON sounds_hot
    FOR ALL
    TO service_role
    USING (true)
    WITH CHECK (true);

-- hashtags_hot
CREATE POLICY "Public read access" ON hashtags_hot
    FOR SELECT
    USING (true);
CREATE POLICY "Service role full access" ON hashtags_hot
    FOR ALL
    TO service_role
    USING (true)
    WITH CHECK (true);

-- video_hashtags
CREATE POLICY "Public read access" ON video_hashtags
    FOR SELECT
    USING (true);
CREATE POLICY "Service role full access" ON video_hashtags
    FOR ALL
    TO service_role
    USING (true)
    WITH CHECK (true);

-- creator_profiles_cold
CREATE POLICY "Authenticated read access" ON creator_profiles_cold
    FOR SELECT
    TO authenticated
    USING (true);
CREATE POLICY "Service role full access" ON creator_profiles_cold
    FOR ALL
    TO service_role
    USING (true)
    WITH CHECK (true);

-- videos_cold
CREATE POLICY "Authenticated read access" ON videos_cold
    FOR SELECT
    TO authenticated
    USING (true);
CREATE POLICY "Service role full access" ON videos_cold
    FOR ALL
    TO service_role
    USING (true)
    WITH CHECK (true);

-- sounds_cold
CREATE POLICY "Authenticated read access" ON sounds_cold
    FOR SELECT
    TO authenticated
    USING (true);
CREATE POLICY "Service role full access" ON sounds_cold
    FOR ALL
    TO service_role
    USING (true)
    WITH CHECK (true);

-- video_metrics_history
CREATE POLICY "Authenticated read access" ON video_metrics_history
    FOR SELECT
    TO authenticated
    USING (true);
CREATE POLICY "Service role full access" ON video_metrics_history
    FOR ALL
    TO service_role
    USING (true)
    WITH CHECK (true);

-- ingestion_runs: backend only.
CREATE POLICY "Service role full access" ON ingestion_runs
    FOR ALL
    TO service_role
    USING (true)
    WITH CHECK (true);
