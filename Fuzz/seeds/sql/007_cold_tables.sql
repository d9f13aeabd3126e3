-- 007_cold_tables.sql
-- "Cold" tables: the raw JSON payloads the hot rows were built from, keyed by
-- the hot table's id, plus the metrics history. Read rarely (re-processing,
-- debugging, data science), written at every ingestion.

-- ---------------------------------------------------------------------------
-- creator_profiles_cold: the creator's profile object as last scraped
-- ---------------------------------------------------------------------------
-- One row per creator, replaced at every ingestion. Holds only the "author"
-- part of a video payload and the author's stats; it is NOT the complete
-- creator record (that is creators_cold, added in 015).
CREATE TABLE IF NOT EXISTS creator_profiles_cold (
    creator_id      text PRIMARY KEY
                    REFERENCES creators_hot (creator_id) ON DELETE CASCADE,
    profile_json    jsonb NOT NULL DEFAULT '{}'::jsonb,
    stats_snapshot  jsonb NOT NULL DEFAULT '{}'::jsonb,
    bio_links       jsonb,
    fetched_at      timestamptz NOT NULL DEFAULT now(),
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now()
);

-- ---------------------------------------------------------------------------
-- videos_cold: the complete video payload
-- ---------------------------------------------------------------------------
CREATE TABLE IF NOT EXISTS videos_cold (
    video_id        text PRIMARY KEY
                    REFERENCES videos_hot (video_id) ON DELETE CASCADE,
    raw_data        jsonb NOT NULL,
    music           jsonb,
    effects         jsonb NOT NULL DEFAULT '[]'::jsonb,
    payload_sha256  text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT videos_cold_raw_data_check CHECK (jsonb_typeof(raw_data) = 'object')
);

-- ---------------------------------------------------------------------------
-- sounds_cold: the "music" object of the payload
-- ---------------------------------------------------------------------------
CREATE TABLE IF NOT EXISTS sounds_cold (
    sound_id        text PRIMARY KEY
                    REFERENCES sounds_hot (sound_id) ON DELETE CASCADE,
    raw_data        jsonb NOT NULL DEFAULT '{}'::jsonb,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now()
);

-- ---------------------------------------------------------------------------
-- video_metrics_history: one row per video per ingestion
-- ---------------------------------------------------------------------------
-- Append-only. Growth curves of views/likes are computed from it.
CREATE TABLE IF NOT EXISTS video_metrics_history (
    id              bigserial PRIMARY KEY,
    video_id        text NOT NULL
                    REFERENCES videos_hot (video_id) ON DELETE CASCADE,
    run_id          bigint REFERENCES ingestion_runs (run_id) ON DELETE SET NULL,
    views_count     bigint NOT NULL DEFAULT 0,
    likes_count     bigint NOT NULL DEFAULT 0,
    comments_count  bigint NOT NULL DEFAULT 0,
    shares_count    bigint NOT NULL DEFAULT 0,
    captured_at     timestamptz NOT NULL DEFAULT now()
);
