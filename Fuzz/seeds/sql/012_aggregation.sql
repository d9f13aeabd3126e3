-- 012_aggregation.sql
-- Aggregation functions: recompute the counters of the hot tables from
-- videos_hot and video_hashtags (see "Counter semantics" in 006).
--
-- update_aggregations()       full recomputation of every counter of
--                             creators_hot, hashtags_hot and sounds_hot;
--                             run after each ingestion batch and nightly.
-- update_aggregation_quick()  cheaper variant for the every-5-minutes job:
--                             only the creators whose videos changed in the
--                             last hour.
--
-- Both are plain UPDATEs over whole tables: fine at the current size
-- (~50k creators, ~2M videos); revisit before the counters lag the API.
-- Both run as SECURITY DEFINER so that the scheduler's role needs EXECUTE
-- only, not UPDATE on the hot tables.

CREATE OR REPLACE FUNCTION update_aggregations()
RETURNS void
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = public
AS $$
BEGIN
    -- Creators ----------------------------------------------------------------
    -- videos_count:     number of videos by this creator
    -- likes_total:      total likes across all the creator's videos
    -- total_play_count: total views across all the creator's videos
    -- (correlated sub-selects rather than one GROUP BY join so that creators
    -- without videos are reset to 0 too)
    UPDATE creators_hot c
    SET
      videos_count = (SELECT COUNT(*) FROM videos_hot v WHERE v.creator_id = c.creator_id),
      likes_total = (SELECT COALESCE(SUM(likes_count), 0) FROM videos_hot v WHERE v.creator_id = c.creator_id),
      total_play_count = (SELECT COALESCE(SUM(views_count), 0) FROM videos_hot v WHERE v.creator_id = c.creator_id),
      updated_at = NOW();

    -- Likes per follower, where followers are known.
    UPDATE creators_hot c
    SET engagement_rate = round(LEAST(c.likes_total::numeric / c.followers_count, 999.9999), 4)
    WHERE c.followers_count > 0;

    -- Hashtags ----------------------------------------------------------------
    UPDATE hashtags_hot h
    SET
      videos_count = (SELECT COUNT(*) FROM video_hashtags vh WHERE vh.hashtag = h.hashtag),
      views_total = (SELECT COALESCE(SUM(v.views_count), 0)
                     FROM video_hashtags vh JOIN videos_hot v ON v.video_id = vh.video_id
                     WHERE vh.hashtag = h.hashtag),
      creators_count = (SELECT COUNT(DISTINCT v.creator_id)
                        FROM video_hashtags vh JOIN videos_hot v ON v.video_id = vh.video_id
                        WHERE vh.hashtag = h.hashtag),
      updated_at = NOW();

    -- Sounds ------------------------------------------------------------------
    UPDATE sounds_hot s
    SET
      videos_count = (SELECT COUNT(*) FROM videos_hot v WHERE v.sound_id = s.sound_id),
      views_total = (SELECT COALESCE(SUM(views_count), 0) FROM videos_hot v WHERE v.sound_id = s.sound_id),
      updated_at = NOW();
END;
$$;

CREATE OR REPLACE FUNCTION update_aggregation_quick()
RETURNS void
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = public
AS $$
BEGIN
    UPDATE creators_hot c
    SET
      videos_count = (SELECT COUNT(*) FROM videos_hot v WHERE v.creator_id = c.creator_id),
      likes_total = (SELECT COALESCE(SUM(likes_count), 0) FROM videos_hot v WHERE v.creator_id = c.creator_id),
      total_play_count = (SELECT COALESCE(SUM(views_count), 0) FROM videos_hot v WHERE v.creator_id = c.creator_id),
      updated_at = NOW()
    WHERE c.creator_id IN (
        SELECT v.creator_id
        FROM videos_hot v
        WHERE v.updated_at > NOW() - INTERVAL '1 hour'
    );
END;
$$;
