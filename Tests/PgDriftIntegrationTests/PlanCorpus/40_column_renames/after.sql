CREATE TABLE creators_hot (creator_id text PRIMARY KEY, videos_count integer DEFAULT 0, bio text);
CREATE INDEX creators_hot_count_idx ON creators_hot (videos_count);
