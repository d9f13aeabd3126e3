CREATE TABLE creators_hot (creator_id text PRIMARY KEY, total_videos_count integer DEFAULT 0, bio text);
CREATE INDEX creators_hot_count_idx ON creators_hot (total_videos_count);
INSERT INTO creators_hot VALUES ('a', 3, 'x');
