-- Deploy pgdrift_fixture:accounts_created_at to pg

BEGIN;

ALTER TABLE accounts ADD COLUMN created_at timestamptz NOT NULL DEFAULT now();

COMMIT;
