-- 011_ingestion_v2.sql
-- ingest_videos(p_payload): load one batch of scraped videos.
--
-- p_payload is a JSON array of video objects as the scraper returns them:
--   { "id": "...", "desc": "...", "createTime": 1700000000,
--     "author": { "id", "uniqueId", "nickname", "avatarThumb", "verified", "signature" },
--     "authorStats": { "followerCount", "followingCount", "heartCount" },
--     "music": { "id", "title", "authorName", "original", "duration", "playUrl", "coverThumb", "album" },
--     "stats": { "playCount", "diggCount", "commentCount", "shareCount", "collectCount" },
--     "challenges": [ { "title": "dance", ... }, ... ],
--     "video": { "duration": 15 }, "effectStickers": [...], "isAd": false }
--
-- For each element it upserts creators_hot, creator_profiles_cold,
-- sounds_hot, sounds_cold, videos_hot, videos_cold, hashtags_hot and
-- video_hashtags, and appends to video_metrics_history; since the fix-up of
-- 015 it also fills creators_cold and hashtags_cold and calls
-- update_aggregations() (012) at the end. The batch is recorded in
-- ingestion_runs.
--
-- Returns the number of videos ingested. Elements without a video id or an
-- author id are skipped with a WARNING.
--
-- v2: replaces v1 (row-by-row calls from the scraper) by one call per batch.
-- (UPDATED with 015: creators_cold, hashtags_cold, update_aggregations().)

CREATE OR REPLACE FUNCTION ingest_videos(p_payload jsonb)
RETURNS integer
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = public
AS $$
DECLARE
    v_element     jsonb;
    v_video_id    text;
    v_creator_id  text;
    v_sound_id    text;
    v_hashtag     text;
    v_hashtags    text[];
    v_run_id      bigint;
    v_count       integer := 0;
BEGIN
    IF p_payload IS NULL OR jsonb_typeof(p_payload) <> 'array' THEN
        RAISE EXCEPTION 'ingest_videos: payload must be a JSON array, got %',
            COALESCE(jsonb_typeof(p_payload), 'NULL')
            USING ERRCODE = 'invalid_parameter_value';
    END IF;

    INSERT INTO ingestion_runs (status, payload_sha256, items_received)
    VALUES ('running',
            encode(digest(p_payload::text, 'sha256'), 'hex'),
            jsonb_array_length(p_payload))
    RETURNING run_id INTO v_run_id;

    FOR v_element IN SELECT value FROM jsonb_array_elements(p_payload) LOOP
        v_video_id   := v_element->>'id';
        v_creator_id := COALESCE(v_element->'author'->>'id', v_element->>'authorId');
        v_sound_id   := v_element->'music'->>'id';

        IF v_video_id IS NULL OR v_creator_id IS NULL THEN
            RAISE WARNING 'ingest_videos: skipping element without id or author: %',
                left(v_element::text, 200);
            CONTINUE;
        END IF;

        -- Creator -------------------------------------------------------------
        INSERT INTO creators_hot (creator_id, username, display_name, avatar_url,
                                  is_verified, bio, followers_count, following_count,
                                  last_seen_at)
        VALUES (v_creator_id,
                COALESCE(v_element->'author'->>'uniqueId', v_creator_id),
                v_element->'author'->>'nickname',
                v_element->'author'->>'avatarThumb',
                COALESCE((v_element->'author'->>'verified')::boolean, false),
                v_element->'author'->>'signature',
                COALESCE((v_element->'authorStats'->>'followerCount')::bigint, 0),
                COALESCE((v_element->'authorStats'->>'followingCount')::bigint, 0),
                now())
        ON CONFLICT (creator_id) DO UPDATE SET
            username        = EXCLUDED.username,
            display_name    = COALESCE(EXCLUDED.display_name, creators_hot.display_name),
            avatar_url      = COALESCE(EXCLUDED.avatar_url, creators_hot.avatar_url),
            is_verified     = COALESCE((v_element->'author'->>'verified')::boolean, creators_hot.is_verified),
            bio             = COALESCE(EXCLUDED.bio, creators_hot.bio),
            followers_count = COALESCE((v_element->'authorStats'->>'followerCount')::bigint, creators_hot.followers_count),
            following_count = COALESCE((v_element->'authorStats'->>'followingCount')::bigint, creators_hot.following_count),
            last_seen_at    = EXCLUDED.last_seen_at;

        INSERT INTO creator_profiles_cold (creator_id, profile_json, stats_snapshot, fetched_at)
        VALUES (v_creator_id,
                COALESCE(v_element->'author', '{}'::jsonb),
                COALESCE(v_element->'authorStats', '{}'::jsonb),
                now())
        ON CONFLICT (creator_id) DO UPDATE SET
            profile_json   = EXCLUDED.profile_json,
            stats_snapshot = EXCLUDED.stats_snapshot,
            fetched_at     = EXCLUDED.fetched_at,
            updated_at     = now();

        -- NEW in 015: the complete creator record.
        INSERT INTO creators_cold (creator_id, full_json, raw_data)
        VALUES (v_creator_id, COALESCE(v_element->'author', v_element->'profile', '{}'::JSONB), v_element)
        ON CONFLICT (creator_id) DO UPDATE SET
          full_json = EXCLUDED.full_json,
          raw_data = EXCLUDED.raw_data,
          updated_at = NOW();

        -- Sound ---------------------------------------------------------------
        IF v_sound_id IS NOT NULL THEN
            INSERT INTO sounds_hot (sound_id, title, author_name, is_original,
                                    duration_seconds, play_url, cover_url, album,
                                    last_seen_at)
            VALUES (v_sound_id,
                    v_element->'music'->>'title',
                    v_element->'music'->>'authorName',
                    COALESCE((v_element->'music'->>'original')::boolean, false),
                    (v_element->'music'->>'duration')::integer,
                    v_element->'music'->>'playUrl',
                    v_element->'music'->>'coverThumb',
                    NULLIF(v_element->'music'->>'album', ''),
                    now())
            ON CONFLICT (sound_id) DO UPDATE SET
                title            = COALESCE(EXCLUDED.title, sounds_hot.title),
                author_name      = COALESCE(EXCLUDED.author_name, sounds_hot.author_name),
                is_original      = COALESCE((v_element->'music'->>'original')::boolean, sounds_hot.is_original),
                duration_seconds = COALESCE(EXCLUDED.duration_seconds, sounds_hot.duration_seconds),
                play_url         = COALESCE(EXCLUDED.play_url, sounds_hot.play_url),
                cover_url        = COALESCE(EXCLUDED.cover_url, sounds_hot.cover_url),
                album            = COALESCE(EXCLUDED.album, sounds_hot.album),
                last_seen_at     = EXCLUDED.last_seen_at;

            INSERT INTO sounds_cold (sound_id, raw_data)
            VALUES (v_sound_id, v_element->'music')
            ON CONFLICT (sound_id) DO UPDATE SET
                raw_data   = EXCLUDED.raw_data,
                updated_at = now();
        END IF;

        -- Video ---------------------------------------------------------------
        v_hashtags := ARRAY(
            SELECT DISTINCT normalize_hashtag(h->>'title')
            FROM jsonb_array_elements(
                     CASE WHEN jsonb_typeof(v_element->'challenges') = 'array'
                          THEN v_element->'challenges'
                          ELSE '[]'::jsonb
                     END) AS h
            WHERE normalize_hashtag(h->>'title') IS NOT NULL
            ORDER BY 1);

        INSERT INTO videos_hot (video_id, creator_id, sound_id, description,
                                duration_seconds, views_count, likes_count,
                                comments_count, shares_count, saves_count,
                                hashtags, is_ad, posted_at)
        VALUES (v_video_id,
                v_creator_id,
                v_sound_id,
                v_element->>'desc',
                (v_element->'video'->>'duration')::integer,
                COALESCE((v_element->'stats'->>'playCount')::bigint, 0),
                COALESCE((v_element->'stats'->>'diggCount')::bigint, 0),
                COALESCE((v_element->'stats'->>'commentCount')::bigint, 0),
                COALESCE((v_element->'stats'->>'shareCount')::bigint, 0),
                COALESCE((v_element->'stats'->>'collectCount')::bigint, 0),
                v_hashtags,
                COALESCE((v_element->>'isAd')::boolean, false),
                to_timestamp((v_element->>'createTime')::bigint))
        ON CONFLICT (video_id) DO UPDATE SET
            sound_id       = COALESCE(EXCLUDED.sound_id, videos_hot.sound_id),
            description    = EXCLUDED.description,
            views_count    = GREATEST(EXCLUDED.views_count, videos_hot.views_count),
            likes_count    = EXCLUDED.likes_count,
            comments_count = EXCLUDED.comments_count,
            shares_count   = EXCLUDED.shares_count,
            saves_count    = EXCLUDED.saves_count,
            hashtags       = EXCLUDED.hashtags,
            is_ad          = EXCLUDED.is_ad;

        INSERT INTO videos_cold (video_id, raw_data, music, effects, payload_sha256)
        VALUES (v_video_id,
                v_element,
                v_element->'music',
                COALESCE(v_element->'effectStickers', '[]'::jsonb),
                encode(digest(v_element::text, 'sha256'), 'hex'))
        ON CONFLICT (video_id) DO UPDATE SET
            raw_data       = EXCLUDED.raw_data,
            music          = EXCLUDED.music,
            effects        = EXCLUDED.effects,
            payload_sha256 = EXCLUDED.payload_sha256,
            updated_at     = now();

        INSERT INTO video_metrics_history (video_id, run_id, views_count, likes_count,
                                           comments_count, shares_count)
        SELECT video_id, v_run_id, views_count, likes_count, comments_count, shares_count
        FROM videos_hot
        WHERE video_id = v_video_id;

        -- Hashtags ------------------------------------------------------------
        FOREACH v_hashtag IN ARRAY v_hashtags LOOP
            INSERT INTO hashtags_hot (hashtag, last_seen_at)
            VALUES (v_hashtag, now())
            ON CONFLICT (hashtag) DO UPDATE SET
                last_seen_at = EXCLUDED.last_seen_at;

            -- NEW in 015: hashtag cold storage.
            INSERT INTO hashtags_cold (hashtag, raw_data)
            VALUES (v_hashtag, v_element)
            ON CONFLICT (hashtag) DO UPDATE SET
              updated_at = NOW();

            INSERT INTO video_hashtags (video_id, hashtag)
            VALUES (v_video_id, v_hashtag)
            ON CONFLICT (video_id, hashtag) DO NOTHING;
        END LOOP;

        -- A hashtag removed from the video's description is removed here too.
        DELETE FROM video_hashtags
        WHERE video_id = v_video_id
          AND hashtag <> ALL (v_hashtags);

        v_count := v_count + 1;
    END LOOP;

    -- NEW in 015: keep videos_count, likes_total and total_play_count of
    -- creators_hot, and the counts of hashtags_hot and sounds_hot, accurate
    -- after every ingestion.
    PERFORM update_aggregations();

    UPDATE ingestion_runs
    SET status          = 'succeeded',
        videos_ingested = v_count,
        finished_at     = now()
    WHERE run_id = v_run_id;

    RETURN v_count;
END;
$$;
