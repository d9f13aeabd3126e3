-- 014_comments.sql
-- Documentation kept in the catalog (shown by psql \d+ and by the API docs).

COMMENT ON TYPE social_platform IS 'Platform a creator, video or sound was scraped from.';
COMMENT ON TYPE ingestion_status IS 'Lifecycle of one ingestion batch.';
COMMENT ON DOMAIN engagement_rate IS 'Likes per follower, four decimals, never negative.';
COMMENT ON SEQUENCE ingestion_batch_seq IS 'Batch numbers of ingestion runs, also quoted in scraper logs.';

COMMENT ON TABLE creators_hot IS 'Hot data: one row per creator, display fields and counters.';
COMMENT ON COLUMN creators_hot.creator_id IS 'Platform id of the creator (author.id in the payload).';
COMMENT ON COLUMN creators_hot.username IS 'Handle (author.uniqueId); unique per platform.';
COMMENT ON COLUMN creators_hot.videos_count IS 'Number of videos by this creator';
COMMENT ON COLUMN creators_hot.likes_total IS 'Total likes across all creator''s videos';

COMMENT ON TABLE videos_hot IS 'Hot data: one row per video with the latest engagement numbers.';
COMMENT ON COLUMN videos_hot.sound_id IS 'Sound used by the video; not a foreign key, sounds may arrive later.';
COMMENT ON COLUMN videos_hot.hashtags IS 'Normalised hashtags of the video (copy of video_hashtags for GIN searches).';

COMMENT ON TABLE sounds_hot IS 'Hot data: one row per sound (music track or original audio).';
COMMENT ON COLUMN sounds_hot.videos_count IS 'Number of videos using this sound';
COMMENT ON COLUMN sounds_hot.views_total IS 'Total views of videos using this sound';

COMMENT ON TABLE hashtags_hot IS 'Hot data: one row per normalised hashtag.';
COMMENT ON COLUMN hashtags_hot.videos_count IS 'Number of videos using this hashtag';
COMMENT ON COLUMN hashtags_hot.views_total IS 'Total views of videos with this hashtag';
COMMENT ON COLUMN hashtags_hot.creators_count IS 'Number of creators using this hashtag';

COMMENT ON TABLE video_hashtags IS 'Which video uses which hashtag.';
COMMENT ON TABLE creator_profiles_cold IS 'Cold data: the author object and stats of the last scrape, per creator.';
COMMENT ON TABLE videos_cold IS 'Cold data: complete video payloads.';
COMMENT ON TABLE sounds_cold IS 'Cold data: the music object of the payloads, per sound.';
COMMENT ON TABLE video_metrics_history IS 'Append-only engagement numbers, one row per video per ingestion.';
COMMENT ON TABLE ingestion_runs IS 'One row per ingest_videos() call.';

COMMENT ON VIEW creator_leaderboard IS 'Creators with at least one video, ranked by total likes.';
COMMENT ON VIEW trending_hashtags IS 'Visible hashtags seen in the last 30 days.';
COMMENT ON VIEW recent_videos IS 'Videos ingested in the last 7 days, with creator and sound.';

COMMENT ON FUNCTION ingest_videos(jsonb) IS 'Loads a JSON array of scraped videos; returns the number ingested.';
COMMENT ON FUNCTION update_aggregations() IS 'Recomputes every counter of creators_hot, hashtags_hot and sounds_hot.';
COMMENT ON FUNCTION update_aggregation_quick() IS 'Recomputes the counters of creators whose videos changed in the last hour.';
COMMENT ON FUNCTION normalize_hashtag(text) IS 'Canonical hashtag: lower case, no #, no surrounding blanks; NULL if empty.';
