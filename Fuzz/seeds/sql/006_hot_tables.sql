-- 006_hot_tables.sql
-- "Hot" tables: the small, frequently read and updated rows behind the
-- dashboards. Each entity has one hot row (display fields and counters)
-- and, in 007, a "cold" row holding the raw JSON it was built from.
--
-- Counters (videos_count, likes_total, views_total, ...) are recomputed by
-- update_aggregations() in 012_aggregation.sql, never by hand.

-- ---------------------------------------------------------------------------
-- creators_hot: one row per creator account
-- ---------------------------------------------------------------------------
CREATE TABLE IF NOT EXISTS creators_hot (
    creator_id        text PRIMARY KEY,
    platform          social_platform NOT NULL DEFAULT 'tiktok',
    username          text NOT NULL,
    display_name      text,
    avatar_url        text,
    is_verified       boolean NOT NULL DEFAULT false,
    videos_count      integer NOT NULL DEFAULT 0,
    likes_total       bigint NOT NULL DEFAULT 0,
    followers_count   bigint NOT NULL DEFAULT 0,
    following_count   bigint NOT NULL DEFAULT 0,
    engagement_rate   engagement_rate,
    bio               text,
    region            char(2),
    first_seen_at     timestamptz NOT NULL DEFAULT now(),
    last_seen_at      timestamptz NOT NULL DEFAULT now(),
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT creators_hot_platform_username_key UNIQUE (platform, username),
    CONSTRAINT creators_hot_counts_check
        CHECK (videos_count >= 0 AND likes_total >= 0
               AND followers_count >= 0 AND following_count >= 0)
);

-- ---------------------------------------------------------------------------
-- videos_hot: one row per video, with the latest engagement numbers
-- ---------------------------------------------------------------------------
-- creator_id: a creator's videos go when the creator is deleted.
-- sound_id:   deliberately NOT a foreign key — a video may be ingested before
--             its sound is known (the scraper returns sounds lazily), and
--             sounds_hot is filled from the same payload a moment later.
-- hashtags:   denormalised copy of the video's normalised hashtags, for the
--             GIN index of 008; the relation proper is video_hashtags below.
-- *_count:    the numbers of the last scrape; their history is in
--             video_metrics_history (007).
CREATE TABLE IF NOT EXISTS videos_hot (
    video_id          text PRIMARY KEY,
    creator_id        text NOT NULL
                      REFERENCES creators_hot (creator_id) ON DELETE CASCADE,
    platform          social_platform NOT NULL DEFAULT 'tiktok',
    sound_id          text,
    description       text,
    duration_seconds  integer,
    views_count       bigint NOT NULL DEFAULT 0,
    likes_count       bigint NOT NULL DEFAULT 0,
    comments_count    bigint NOT NULL DEFAULT 0,
    shares_count      bigint NOT NULL DEFAULT 0,
    saves_count       bigint NOT NULL DEFAULT 0,
    hashtags          text[] NOT NULL DEFAULT '{}',
    is_ad             boolean NOT NULL DEFAULT false,
    posted_at         timestamptz,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT videos_hot_duration_check
        CHECK (duration_seconds IS NULL OR duration_seconds >= 0),
    CONSTRAINT videos_hot_counts_check
        CHECK (views_count >= 0 AND likes_count >= 0 AND comments_count >= 0
               AND shares_count >= 0 AND saves_count >= 0)
);

-- ---------------------------------------------------------------------------
-- Counter semantics
-- ---------------------------------------------------------------------------
-- The hot tables below carry counters that are derived from videos_hot:
--
--   table          column          meaning
--   -------------  --------------  --------------------------------------------
--   creators_hot   videos_count    number of videos by this creator
--   creators_hot   likes_total     total likes across all the creator's videos
--   sounds_hot     videos_count    number of videos using this sound
--   sounds_hot     views_total     total views of videos using this sound
--   hashtags_hot   videos_count    number of videos using this hashtag
--   hashtags_hot   views_total     total views of videos with this hashtag
--   hashtags_hot   creators_count  number of creators using this hashtag
--
-- The column is called videos_count everywhere; there is no
-- total_videos_count.
--
-- Counters are eventually consistent: ingest_videos() (011) writes the
-- entities, update_aggregations() (012) recomputes every counter, and
-- update_aggregation_quick() refreshes the creators touched in the last hour.
-- Dashboards read the counters as they are and never count videos_hot
-- themselves; that is what the hot tables are for.
--
-- Views and sums are bigint: a single viral video passes 2^31 views.

-- ---------------------------------------------------------------------------
-- sounds_hot: one row per sound (music track or original audio)
-- ---------------------------------------------------------------------------
-- is_original:      true for audio recorded by the creator rather than a
--                   licensed track.
-- author_name:      free text as shown by the platform; an original sound's
--                   author is usually, but not always, a known creator, so it
--                   is not a foreign key to creators_hot.
-- duration_seconds: length of the audio, not of the videos using it.
-- play_url:         signed CDN link; expires, refreshed at every ingestion.
-- cover_url, album: display only; album is null for original sounds.
-- is_commercial:    part of the platform's commercial music library (usable
--                   by business accounts).
-- videos_count, views_total: see "Counter semantics" above.
CREATE TABLE IF NOT EXISTS sounds_hot (
    sound_id          text PRIMARY KEY,
    platform          social_platform NOT NULL DEFAULT 'tiktok',
    title             text,
    author_name       text,
    is_original       boolean NOT NULL DEFAULT false,
    duration_seconds  integer,
    play_url          text,
    cover_url         text,
    album             text,
    is_commercial     boolean NOT NULL DEFAULT false,
    videos_count      integer NOT NULL DEFAULT 0,
    views_total       bigint NOT NULL DEFAULT 0,
    first_seen_at     timestamptz NOT NULL DEFAULT now(),
    last_seen_at      timestamptz NOT NULL DEFAULT now(),
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT sounds_hot_counts_check
        CHECK (videos_count >= 0 AND views_total >= 0)
);

-- ---------------------------------------------------------------------------
-- hashtags_hot: one row per hashtag
-- ---------------------------------------------------------------------------
-- hashtag:        primary key, always in the form normalize_hashtag() (003)
--                 returns: lower case, no '#', no surrounding blanks. The
--                 CHECK constraint below keeps hand-written rows honest.
-- description:    the platform's own blurb for challenge hashtags, if any.
-- is_commerce:    branded / sponsored challenge.
-- is_hidden:      the platform hides the hashtag from search (banned or
--                 restricted); its videos are still ingested and counted,
--                 but trending_hashtags (010) leaves it out.
-- cover_url:      challenge banner, when the platform provides one.
-- videos_count, views_total, creators_count: see "Counter semantics" above.
-- first_seen_at:  first ingestion that met the hashtag (so: the first time
--                 we saw it, not when it was created on the platform).
-- last_seen_at:   last ingestion that met the hashtag; a hashtag not seen for
--                 30 days drops out of trending_hashtags (010).
--
-- Hashtags are platform-independent on purpose: #dance on TikTok and on
-- Instagram is the same trend for the dashboards. Per-platform numbers are
-- computed on demand from video_hashtags joined with videos_hot.
CREATE TABLE IF NOT EXISTS hashtags_hot (
    hashtag           text PRIMARY KEY,
    description       text,
    is_commerce       boolean NOT NULL DEFAULT false,
    is_hidden         boolean NOT NULL DEFAULT false,
    cover_url         text,
    videos_count      integer NOT NULL DEFAULT 0,
    views_total       bigint NOT NULL DEFAULT 0,
    creators_count    integer NOT NULL DEFAULT 0,
    first_seen_at     timestamptz NOT NULL DEFAULT now(),
    last_seen_at      timestamptz NOT NULL DEFAULT now(),
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT hashtags_hot_hashtag_check
        CHECK (hashtag <> '' AND hashtag = lower(hashtag) AND left(hashtag, 1) <> '#'),
    CONSTRAINT hashtags_hot_counts_check
        CHECK (videos_count >= 0 AND views_total >= 0 AND creators_count >= 0)
);

-- ---------------------------------------------------------------------------
-- video_hashtags: which video uses which hashtag
-- ---------------------------------------------------------------------------
CREATE TABLE IF NOT EXISTS video_hashtags (
    video_id    text NOT NULL REFERENCES videos_hot (video_id) ON DELETE CASCADE,
    hashtag     text NOT NULL REFERENCES hashtags_hot (hashtag) ON DELETE CASCADE,
    created_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (video_id, hashtag)
);
