-- 003_helper_functions.sql
-- Small helper functions used by triggers (013) and by the ingestion code (011).

-- BEFORE UPDATE trigger function: stamps updated_at on every row change.
CREATE OR REPLACE FUNCTION set_updated_at()
RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END;
$$;

-- Canonical form of a hashtag: no leading '#', no surrounding blanks, lower case.
-- hashtags_hot.hashtag and video_hashtags.hashtag always hold this form.
CREATE OR REPLACE FUNCTION normalize_hashtag(p_tag text)
RETURNS text
LANGUAGE sql
IMMUTABLE
STRICT
PARALLEL SAFE
AS $$
    SELECT NULLIF(lower(btrim(p_tag, '# ')), '');
$$;
