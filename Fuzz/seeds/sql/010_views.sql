-- 010_views.sql
-- Read models for the dashboards. security_invoker makes the views apply the
-- RLS policies of the caller, not of the view owner (PostgreSQL 15+).

-- Creators ranked by total likes.
CREATE OR REPLACE VIEW creator_leaderboard
WITH (security_invoker = true)
AS
SELECT
    c.creator_id,
    c.platform,
    c.username,
    c.display_name,
    c.is_verified,
    c.videos_count,
    c.likes_total,
    c.followers_count,
    c.engagement_rate,
    rank() OVER (ORDER BY c.likes_total DESC) AS likes_rank
FROM creators_hot c
WHERE c.videos_count > 0;

-- Hashtags used in the last 30 days, most used first.
CREATE OR REPLACE VIEW trending_hashtags
WITH (security_invoker = true)
AS
SELECT
    h.hashtag,
    h.videos_count,
    h.views_total,
    h.creators_count,
    h.views_total / NULLIF(h.videos_count, 0) AS avg_views_per_video,
    h.last_seen_at
FROM hashtags_hot h
WHERE NOT h.is_hidden
  AND h.last_seen_at > now() - interval '30 days'
ORDER BY h.videos_count DESC, h.views_total DESC;

-- Videos of the last 7 days with their creator and sound, newest first.
CREATE OR REPLACE VIEW recent_videos
WITH (security_invoker = true)
AS
SELECT
    v.video_id,
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
FROM videos_hot v
JOIN creators_hot c ON c.creator_id = v.creator_id
LEFT JOIN sounds_hot s ON s.sound_id = v.sound_id
WHERE v.created_at > now() - interval '7 days';
