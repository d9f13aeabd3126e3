-- 005_ingestion_runs.sql
-- Bookkeeping of ingestion batches: one row per call of ingest_videos().

CREATE TABLE IF NOT EXISTS ingestion_runs (
    run_id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    batch_id         bigint NOT NULL DEFAULT nextval('ingestion_batch_seq'),
    source           social_platform NOT NULL DEFAULT 'tiktok',
    status           ingestion_status NOT NULL DEFAULT 'pending',
    payload_sha256   text,
    items_received   integer NOT NULL DEFAULT 0,
    videos_ingested  integer NOT NULL DEFAULT 0,
    error_message    text,
    started_at       timestamptz NOT NULL DEFAULT now(),
    finished_at      timestamptz,
    CONSTRAINT ingestion_runs_batch_id_key UNIQUE (batch_id),
    CONSTRAINT ingestion_runs_counts_check
        CHECK (items_received >= 0 AND videos_ingested >= 0 AND videos_ingested <= items_received),
    CONSTRAINT ingestion_runs_finished_check
        CHECK (finished_at IS NULL OR finished_at >= started_at)
);
