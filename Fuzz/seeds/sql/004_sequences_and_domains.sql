-- 004_sequences_and_domains.sql
-- Stand-alone sequences and domains.

-- Batch numbers handed out to ingestion runs. Not owned by a column: batch
-- numbers are also quoted in the scraper's logs, so they outlive any table.
CREATE SEQUENCE IF NOT EXISTS ingestion_batch_seq
    AS bigint
    START WITH 1000
    INCREMENT BY 1
    CACHE 1;

-- Likes per follower, kept with four decimals (creators_hot.engagement_rate).
CREATE DOMAIN engagement_rate AS numeric(7, 4)
    CONSTRAINT engagement_rate_non_negative CHECK (VALUE >= 0);
