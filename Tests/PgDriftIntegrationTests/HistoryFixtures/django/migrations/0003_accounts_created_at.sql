ALTER TABLE accounts ADD COLUMN created_at timestamptz NOT NULL DEFAULT now();
