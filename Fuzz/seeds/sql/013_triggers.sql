-- 013_triggers.sql
-- Keep updated_at current on the hot tables (set_updated_at() is in 003).
-- CREATE OR REPLACE TRIGGER (PostgreSQL 14+) makes this file re-runnable.

CREATE OR REPLACE TRIGGER trg_creators_hot_updated_at
    BEFORE UPDATE ON creators_hot
    FOR EACH ROW
    EXECUTE FUNCTION set_updated_at();

CREATE OR REPLACE TRIGGER trg_videos_hot_updated_at
    BEFORE UPDATE ON videos_hot
    FOR EACH ROW
    EXECUTE FUNCTION set_updated_at();

CREATE OR REPLACE TRIGGER trg_sounds_hot_updated_at
    BEFORE UPDATE ON sounds_hot
    FOR EACH ROW
    EXECUTE FUNCTION set_updated_at();

CREATE OR REPLACE TRIGGER trg_hashtags_hot_updated_at
    BEFORE UPDATE ON hashtags_hot
    FOR EACH ROW
    EXECUTE FUNCTION set_updated_at();
