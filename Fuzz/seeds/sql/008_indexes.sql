-- 008_indexes.sql
-- Secondary indexes. Primary keys and unique constraints bring their own.

-- creators_hot: case-insensitive exact lookup and fuzzy search by username.
CREATE INDEX IF NOT EXISTS idx_creators_hot_username_lower
    ON creators_hot (lower(username));
CREATE INDEX IF NOT EXISTS idx_creators_hot_username_trgm
    ON creators_hot USING gin (username gin_trgm_ops);
CREATE INDEX IF NOT EXISTS idx_creators_hot_likes_total
    ON creators_hot (likes_total DESC);

-- videos_hot
CREATE INDEX IF NOT EXISTS idx_videos_hot_creator_id
    ON videos_hot (creator_id);
CREATE INDEX IF NOT EXISTS idx_videos_hot_sound_id
    ON videos_hot (sound_id)
    WHERE sound_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS idx_videos_hot_created_at
    ON videos_hot (created_at DESC);
CREATE INDEX IF NOT EXISTS idx_videos_hot_updated_at
    ON videos_hot (updated_at);
CREATE INDEX IF NOT EXISTS idx_videos_hot_hashtags
    ON videos_hot USING gin (hashtags);

-- sounds_hot / hashtags_hot: leaderboards.
CREATE INDEX IF NOT EXISTS idx_sounds_hot_videos_count
    ON sounds_hot (videos_count DESC);
CREATE INDEX IF NOT EXISTS idx_hashtags_hot_videos_count
    ON hashtags_hot (videos_count DESC)
    WHERE NOT is_hidden;

-- video_hashtags: the primary key covers (video_id, hashtag); this one serves
-- lookups by hashtag.
CREATE INDEX IF NOT EXISTS idx_video_hashtags_hashtag
    ON video_hashtags (hashtag);

-- Cold tables: containment queries on the payloads.
CREATE INDEX IF NOT EXISTS idx_creator_profiles_cold_profile_json
    ON creator_profiles_cold USING gin (profile_json jsonb_path_ops);
CREATE INDEX IF NOT EXISTS idx_videos_cold_raw_data
    ON videos_cold USING gin (raw_data);

-- video_metrics_history: growth curve of one video.
CREATE INDEX IF NOT EXISTS idx_video_metrics_history_video_captured
    ON video_metrics_history (video_id, captured_at DESC);

-- ingestion_runs: the scheduler polls for unfinished runs.
CREATE INDEX IF NOT EXISTS idx_ingestion_runs_unfinished
    ON ingestion_runs (started_at)
    WHERE status IN ('pending', 'running');
