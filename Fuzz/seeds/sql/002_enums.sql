-- 002_enums.sql
-- Enumerated types.

-- The platform a creator, video or sound was scraped from.
CREATE TYPE social_platform AS ENUM ('tiktok', 'instagram', 'youtube');

-- Lifecycle of one ingestion batch (see ingestion_runs, 005).
CREATE TYPE ingestion_status AS ENUM ('pending', 'running', 'succeeded', 'failed');
